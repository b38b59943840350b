"""Tables too large to lay out: inscriptis pads every cell of a column to the column's widest cell, so one
long cell in a table of many rows renders as rows times that width (a 250 KB page with a 200,000-character
cell over 2,000 rows became 400 million characters: 100 s and 1.6 GB). Such a table is rendered cell by cell
instead, each cell a block of its own, which reads the same words in linear time. So is a table of very many
cells: laid out, each cell costs inscriptis about 1 KB (a 1 MB page of 55,000 short cells peaked at 60 MB of
Python objects, 90 MB resident, against 6 MB cell by cell).

So is a layout table: a page laid out in table cells (a menu column, the story, an advertisement column) whose
cells hold paragraphs, headings or lists. Laid out, each line of the text would hold a line of every column:
the headline line would read "Home   Headline   Advertisement"."""

from __future__ import annotations

from typing import Any

from newsinspect.lexicon import words

# Characters a table may lay out (rows times the sum of its columns' widths) before it is rendered cell by
# cell: real tables lay out a few tens of thousands; inscriptis renders some 4 million a second.
MAX_LAID_OUT = 2_000_000
MAX_CELLS = 10_000  # cells a table may lay out: a results table has a few thousand
_CELLS = frozenset({"td", "th"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})


class _Table:
    __slots__ = ("cells", "column", "element", "layout", "rows", "widths")

    def __init__(self, element: Any) -> None:
        self.element = element
        self.layout = False
        self.rows = 0
        self.cells = 0
        self.column = 0
        self.widths: list[int] = []


def oversized_tables(tree: Any) -> list[Any]:
    """The tables of ``tree`` whose laid-out text would exceed MAX_LAID_OUT characters, that hold over
    MAX_CELLS cells, or whose cells hold blocks (layout tables), in one pass over the tree. A cell's width
    is taken as all its text (an upper bound: its lines may be shorter)."""
    from lxml.etree import iterwalk

    blocks = words("html_layout_blocks")  # elements a layout table's cells hold
    found: list[Any] = []
    tables: list[_Table] = []
    cell_starts: list[int] = []
    written = 0  # characters of text met so far
    for event, element in iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tables and cell_starts and tag in blocks:
                tables[-1].layout = True
            if tag == "table":
                tables.append(_Table(element))
            elif tables and tag == "tr":
                tables[-1].rows += 1
                tables[-1].column = 0
            elif tables and tag in _CELLS:
                cell_starts.append(written)
            written += len(element.text or "")
            continue
        if tables and tag in _CELLS and cell_starts:
            table = tables[-1]
            width = written - cell_starts.pop()
            if table.column < len(table.widths):
                table.widths[table.column] = max(table.widths[table.column], width)
            else:
                table.widths.append(width)
            table.column += 1
            table.cells += 1
        elif tag == "table" and tables:
            table = tables.pop()
            if (
                table.layout
                or table.cells > MAX_CELLS
                or max(table.rows, 1) * sum(table.widths) > MAX_LAID_OUT
            ):
                found.append(table.element)
        written += len(element.tail or "")
    return found


def render_cell_by_cell(table: Any) -> None:
    """Make ``table`` a stack of blocks: its rows and cells become <div> elements."""
    for element in table.iter():
        if isinstance(element.tag, str) and element.tag in _TABLE_PARTS:
            element.tag = "div"
