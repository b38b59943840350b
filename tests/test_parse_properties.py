"""Property tests: the parser never raises, and every offset slices back to its text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.model import Article
from newsinspect.parse import parse_article

# Line-shaped pieces like those in real dumps, so that generated texts reach the header and body logic.
PIECES = [
    "Harbor Town Votes to Rebuild Its Seawall",
    "By Ann Lee",
    "By",
    "Ann Lee",
    "By Ann Lee and Bo Ek | Reuters",
    "10/12/2022",
    "Updated:",
    "Oct. 12, 2022",
    "2023-12-22T10:55:00Z",
    "Mar 4, 2024 9:05 AM EST",
    "Published Friday 4:10PM",
    "0:00",
    "Share",
    "* Share on X (opens in a new window)",
    "Advertisement",
    "Comments (40)",
    "Related Articles",
    "KYIV, Ukraine (AP) — Sirens sounded at dawn.",
    "A man wades through water. (AP Photo/Jo Roe)",
    "Photo: Maya Lindholm",
    "FILE - A file photo.",
    "Belarus–Ukraine Conflict",
    "“We will rebuild,” the mayor said on Tuesday.",
    "\u200b",
    "\u00a0",
    "\t",
    "The council voted on Tuesday to rebuild the wall, officials said.",
    "* World",
    "Home > News",
    "By Dana OkaforPublished: Mar 4, 2024 9:05 AM EST",
    "(",
    ")",
    "—",
    "....",
    "!!!",
    "2024",
    "By By By",
]
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])
line_texts = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), ENDINGS), max_size=40
).map(lambda parts: "".join(piece + end for piece, end in parts))


def check_offsets(article: Article, text: str) -> None:
    assert article.text == text
    for p in article.paragraphs:
        assert text[p.start : p.end] == p.text
        assert p.kind in ("paragraph", "heading")
    for c in article.captions:
        assert text[c.start : c.end] == c.text
    if article.title is not None:
        assert article.title_span is not None
        assert text[article.title_span[0] : article.title_span[1]] == article.title
    assert article.stats.paragraphs == len(article.body())
    assert not any(w.startswith("parser error") for w in article.warnings)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    check_offsets(parse_article(text), text)


@settings(max_examples=300, deadline=None)
@given(line_texts)
def test_line_shaped_text_never_raises(text: str) -> None:
    check_offsets(parse_article(text), text)


@settings(max_examples=100, deadline=None)
@given(line_texts, st.booleans())
def test_day_first_never_raises(text: str, dayfirst: bool) -> None:
    check_offsets(parse_article(text, dayfirst=dayfirst), text)
