"""The article body: paragraphs and headings (clutter, captions and header lines left out)."""

from __future__ import annotations

from newsinspect.model import Caption, Paragraph, ParagraphKind
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import (
    is_clutter,
    is_comments_heading,
    is_reply_mark,
    list_marker_width,
    opens_box,
)
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern, word_count
from newsinspect.parse.title import is_title_case

_FOOTER_WORDS = 3
_OPENING_WORDS = 20  # before the first paragraph, shorter lines that end no sentence may be furniture
_OPENING_SHORT = 5
_CAPTION_OWNER_WORDS = 40
# A box heading of at most this many words is a label ("Related", "Don't miss", "Recent posts"): the lines
# under it that read as links (``_link_shaped``: list items however long, headlines) are the box's; under a
# longer one ("More from the lab on soils and water:") a list may be the article's own.
_BOX_LABEL_WORDS = 4
_HEADLINE_WORDS = 25  # a line of fewer words that ends no sentence reads as a headline
_ENDS_SENTENCE = LazyPattern(r"[.!?…][\"”’')\]]*$")


def body_blocks(
    lines: list[Line],
    title: Line | None,
    dek: Line | None,
    meta_lines: set[int],
    outside: set[int] | None = None,
    last_para: int = -1,
) -> tuple[list[Paragraph], list[Caption]]:
    """Paragraphs and captions after the title (and dek), skipping the header lines in ``meta_lines``.

    ``outside`` holds the lines the layout model puts outside the article (menus, related boxes, footers):
    they are skipped wherever they are, and a box heading ("Most Popular", "Don't miss": ``opens_box``)
    ends the article only when the model labels no line after it a paragraph (``last_para``: the last one
    it does); before that, it opens a box of links, skipped up to the next line of prose. Under a short
    heading the lines that read as links are the box's too, however long (``_link_shaped``): on a whole
    page the headlines of other stories between two article paragraphs are not the article. A comment
    thread (``_comment_thread``: a comments heading over ``Reply`` marks) ends the article.
    """
    first = title.index + 1 if title else 0
    skip = set(meta_lines)
    if dek:
        skip.add(dek.index)
        first = max(first, dek.index + 1) if dek.index - first < 3 else first
    title_text = title.text if title else None
    kept: list[Line] = []
    captions: list[Caption] = []
    seen_paragraph = False
    skipped: Line | None = None  # the last opening line left out as furniture: it may own a credit
    in_box = False
    box_of_links = False  # the box's heading is a short label ("Related"): its list items are links
    for line in lines[first:]:
        text = line.clean
        if seen_paragraph and len(kept) >= 2 and _comment_thread(lines, line.index):
            break  # the comments under the article, whatever the model reads in them
        if in_box:
            if not is_sentence(text) or (box_of_links and _link_shaped(text)):
                continue
            in_box = False
        boxed = opens_box(text)
        if line.index in skip or text == title_text or boxed or is_clutter(text):
            ends = seen_paragraph and boxed and len(kept) >= 2
            if ends and line.index >= last_para:
                break
            in_box = ends
            box_of_links = ends and word_count(text) <= _BOX_LABEL_WORDS
            continue
        credit = credit_only(line.text)
        if credit:
            # a bare credit line belongs to the caption line right above it, if there is one
            above = kept[-1] if kept else skipped
            if (
                above is not None
                and above.index == line.index - 1
                and word_count(above.text) < _CAPTION_OWNER_WORDS
            ):
                if kept and above is kept[-1]:
                    kept.pop()
                captions.append(Caption(above.text, credit, above.start, above.end))
            else:
                captions.append(Caption(line.text, credit, line.start, line.end))
            continue
        caption = match_caption(line.text)
        if caption:
            captions.append(
                Caption(
                    line.text[caption.text_start : caption.text_end],
                    caption.credit,
                    line.start + caption.text_start,
                    line.start + caption.text_end,
                )
            )
            continue
        if outside is not None and line.index in outside:
            continue
        if not seen_paragraph:
            if _opening_furniture(text):
                skipped = line
                continue  # furniture between the header and the first real paragraph
            seen_paragraph = True
        kept.append(line)
    while (
        kept
        and word_count(kept[-1].text) <= _FOOTER_WORDS
        and not _ENDS_SENTENCE.compiled.search(kept[-1].text)
    ):
        kept.pop()  # a section name or link label after the last paragraph ("Lifestyle")
    paragraphs: list[Paragraph] = []
    for pos, line in enumerate(kept):
        follows = pos + 1 < len(kept)
        kind: ParagraphKind = "heading" if follows and is_heading(line.clean) else "paragraph"
        paragraphs.append(Paragraph(line.text, kind, line.start, line.end))
    return paragraphs, captions


_SENTENCE_WORDS = 6
_PROSE_WORDS = 10


_THREAD_REACH = 30  # lines under a comments heading where the marks of a thread are looked for
_THREAD_MARKS = 3


def _comment_thread(lines: list[Line], pos: int) -> bool:
    """Whether line ``pos`` heads a comment thread: a comments heading (``8 Comments``) with at least
    ``_THREAD_MARKS`` marks of comments (``Reply``, ``jo_roe said:``) in the ``_THREAD_REACH`` lines
    under it."""
    if not is_comments_heading(lines[pos].clean):
        return False
    marks = 0
    for line in lines[pos + 1 : pos + 1 + _THREAD_REACH]:
        marks += is_reply_mark(line.clean)
        if marks >= _THREAD_MARKS:
            return True
    return False


def _link_shaped(text: str) -> bool:
    """A line of a box of links: a list item (``* Star reveals why ... after ...``), or the headline of
    another story (fewer than ``_HEADLINE_WORDS`` words, no sentence ending)."""
    return list_marker_width(text) > 0 or (
        word_count(text) < _HEADLINE_WORDS and _ENDS_SENTENCE.compiled.search(text) is None
    )


def is_sentence(text: str) -> bool:
    """A line that reads as prose: a few words ending with a full stop, ! or ?, or a long line."""
    words = word_count(text)
    if words >= _PROSE_WORDS:
        return True
    return words >= _SENTENCE_WORDS and _ENDS_SENTENCE.compiled.search(text) is not None


def _opening_furniture(text: str) -> bool:
    """Before the first paragraph: a very short line, or a title-case teaser or menu line, not a sentence."""
    if text.rstrip('”"’').endswith((".", "!", "?")):
        return False
    words = word_count(text)
    return words < _OPENING_SHORT or (words < _OPENING_WORDS and is_title_case(text))
