"""The lexicon's word lists: well-formed data files, read once, phrases kept whole; and the rules that keep
word lists in the lexicon and the two analysers apart."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsinspect import lexicon

ROOT = Path(__file__).resolve().parents[1]
ALL_LISTS = lexicon.names()


def _entry_lines(name: str) -> list[str]:
    return [line for line in lexicon.read_lines(name) if not line.startswith("@include ")]


def sort_key(entry: str) -> tuple[str, str]:
    return (entry.casefold(), entry)


def test_there_are_lists() -> None:
    assert len(ALL_LISTS) >= 2


@pytest.mark.parametrize("name", ALL_LISTS)
def test_list_opens_with_a_header(name: str) -> None:
    first = Path(lexicon.path_of(name)).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, f"{name}: first line must say what the list is for"


@pytest.mark.parametrize("name", ALL_LISTS)
def test_list_is_sorted_without_duplicates_or_stray_whitespace(name: str) -> None:
    entries = _entry_lines(name)
    assert entries, f"{name} is empty"
    for entry in entries:
        assert entry == entry.strip() and "  " not in entry and "\t" not in entry, f"{name}: {entry!r}"
    assert len(set(entries)) == len(entries), f"{name}: duplicates"
    assert entries == sorted(entries, key=sort_key), f"{name}: not sorted (by casefold, then as written)"


@pytest.mark.parametrize("name", ALL_LISTS)
def test_includes_name_existing_lists_first(name: str) -> None:
    lines = lexicon.read_lines(name)
    includes = [line for line in lines if line.startswith("@include ")]
    assert lines[: len(includes)] == includes, f"{name}: @include lines come before the entries"
    for line in includes:
        assert line.split()[1] in ALL_LISTS
    assert lexicon.words(name)  # resolves without a cycle


def test_words_are_read_once_and_phrases_stay_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "base.txt").write_text("# Test list: invented entries.\nalpha\nfirst lady\n", "utf-8")
    (tmp_path / "more.txt").write_text("# Test list: base plus one.\n@include base\nBeta # why\n", "utf-8")
    (tmp_path / "loop.txt").write_text("# Test list that includes itself.\n@include loop\n", "utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", str(tmp_path))
    monkeypatch.setattr(lexicon, "_cache", {})
    assert lexicon.words("base") == {"alpha", "first lady"}
    assert lexicon.words("more") == {"alpha", "first lady", "Beta"}
    assert lexicon.words("more") is lexicon.words("more")
    assert lexicon.lower("more") == {"alpha", "first lady", "beta"}
    assert lexicon.phrases(lexicon.words("more")) == (("first", "lady"),)
    assert lexicon.single_words(lexicon.words("more")) == {"alpha", "Beta"}
    with pytest.raises(lexicon.LexiconError, match="includes itself"):
        lexicon.words("loop")
    with pytest.raises(lexicon.LexiconError, match="no word list"):
        lexicon.words("absent")


def test_alternation_matches_every_entry_and_prefers_phrases() -> None:
    entries = frozenset({"lady", "first lady", "u.s.", "a+b"})
    pattern = re.compile(rf"\b(?:{lexicon.alternation(entries)})")
    for entry in entries:
        assert pattern.fullmatch(entry)
    assert pattern.match("first lady")[0] == "first lady"  # type: ignore[index]
    assert not pattern.fullmatch("usa")


def test_table_reads_key_value_pairs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zones.txt").write_text("# Test table.\nABC = 60\nXYZ = -300\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("# Test table.\nABC 60\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", str(tmp_path))
    assert lexicon.table("zones") == {"ABC": "60", "XYZ": "-300"}
    with pytest.raises(lexicon.LexiconError, match="key = value"):
        lexicon.table("bad")


def test_lists_ship_as_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lexicon/data/*.txt"' in pyproject


# --- where word lists may live, and who may import whom ------------------------------------------------

MIN_WORDS = 8  # a literal of this many strings is a word list: it belongs in lexicon/data/


def _string_count(node: ast.AST) -> int:
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items: list[ast.expr | None] = list(node.elts)
    elif isinstance(node, ast.Dict):
        items = list(node.keys)
    else:
        return 0
    # Words, not marks: a tuple of punctuation ("", ",", "’s") is no word list.
    return sum(
        isinstance(item, ast.Constant)
        and isinstance(item.value, str)
        and any(c.isalnum() for c in item.value)
        for item in items
    )


_SPLITTING_CALLS = {"words", "_words", "frozenset", "set", "tuple", "_forms_of"}


def _is_words_block(node: ast.AST) -> bool:
    """A string of eight or more plain words split into a list (``words("a b c …")``,
    ``"a b c …".split()``): a word list written as prose."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "split":
        target: ast.AST | None = func.value
    elif isinstance(func, ast.Name) and func.id in _SPLITTING_CALLS and node.args:
        target = node.args[0]
    else:
        return False
    if not (isinstance(target, ast.Constant) and isinstance(target.value, str)):
        return False
    items = target.value.split()
    return len(items) >= MIN_WORDS and all(re.fullmatch(r"[\w.'’&+-]+", item) for item in items)


# Names of the JSON and CSV contract, not language: the entity types and the CSV columns; the layout model's
# attribute names.
NOT_WORD_LISTS = {
    "__slots__",
    "ENTITY_TYPES",
    "_ARTICLE_COLUMNS",
    "_QUOTE_COLUMNS",
    "_ENTITY_COLUMNS",
    "_NEIGHBOUR_PREFIXES",
    "_RANKED_FACTS",  # layout attribute names (parse/headline.py)
    "_TABLE_PARTS",  # HTML tag names (html/tables.py)
}


def _constant_text(node: ast.AST | None) -> str | None:
    """The text of a string constant, or of constants joined with ``+``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant_text(node.left), _constant_text(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _words_text(node: ast.AST | None) -> bool:
    """A string of eight or more plain words ("a an the of …"): a word list kept as text, split later."""
    text = _constant_text(node)
    if text is None:
        return False
    items = text.split()
    # regex syntax or sentence punctuation: a pattern or a text, not a list
    return (
        not re.search(r"[\\()\[\]?*{}^$,:;!“”\"]", text)
        and sum(bool(re.fullmatch(r"[\w.'’&-]+", item)) for item in items) >= MIN_WORDS
    )


def _is_words_assignment(node: ast.AST) -> bool:
    return isinstance(node, (ast.Assign, ast.AnnAssign)) and _words_text(node.value)


def _assigned_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def word_lists_in(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if NOT_WORD_LISTS.intersection(_assigned_names(node)):
            skipped.update(id(inner) for inner in ast.walk(node))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if id(node) not in skipped
        and (_string_count(node) >= MIN_WORDS or _is_words_block(node) or _is_words_assignment(node))
    )


def test_no_word_lists_outside_the_lexicon() -> None:
    offenders = {}
    for path in sorted((ROOT / "newsinspect").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("newsinspect/lexicon/"):
            continue
        lines = word_lists_in(path)
        if lines:
            offenders[rel] = lines
    assert not offenders, f"word lists belong in newsinspect/lexicon/data/: {offenders}"


def test_word_list_check_finds_literals(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        'A = ("a", "b", "c", "d", "e", "f", "g", "h")\n'
        'B = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8}\n'
        'C = words("one two three four five six seven eight")\n'
        'D = "one two three four five six seven eight".split()\n'
        'E = ("a", "b", "c", "d", "e", "f", "g")\n'
        'G = (",", ".", ";", ":", "?", "!", ")", "’")\n'
        'F = re.compile("one two three four five six seven eight")\n'
        '__slots__ = ("a", "b", "c", "d", "e", "f", "g", "h")\n'
        'H = "one two three four five six seven eight"\n'
        'I = "one two three (four) five six seven eight"\n'
        'J = "one two three four " + "five six seven eight"\n'
        'K = "One, two. Three four five six seven eight nine."\n',
        encoding="utf-8",
    )
    assert word_lists_in(source) == [1, 2, 3, 4, 9, 11]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("package", "sibling"), [("quotes", "entities"), ("entities", "quotes")])
def test_analysers_do_not_import_each_other(package: str, sibling: str) -> None:
    for path in sorted((ROOT / "newsinspect" / package).rglob("*.py")):
        reached = {name for name in _imports(path) if name.startswith(f"newsinspect.{sibling}")}
        reached |= {name for name in _imports(path) if name == f"newsinspect.{sibling}"}
        assert not reached, f"{path.name} imports {sorted(reached)}: shared knowledge goes in the lexicon"
