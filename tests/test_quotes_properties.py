"""Property tests: quote finding never raises, and every quote points back into the text.

They call ``extract_quotes`` (the pipeline ``find_quotes`` guards) so that a bug fails the test instead of
being swallowed by the guard.
"""

from __future__ import annotations

from builders import article_from_paragraphs
from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.model import Article
from newsinspect.quotes import find_headline_quotes
from newsinspect.quotes.extract import extract_quotes
from newsinspect.quotes.marks import ALL_MARKS

_WORDS = [
    " ",
    "\n",
    ",",
    ".",
    ":",
    "—",
    "said",
    "Okafor",
    "he",
    "Ann Lee",
    "the ministry",
    "told",
    "’s",
    "n'",
    "90s",
    "according to",
    "We",
    "are",
    "x",
    "…",
]
_PIECES = st.sampled_from([*ALL_MARKS, *_WORDS])
_PARAGRAPH = st.lists(_PIECES, max_size=40).map(lambda parts: " ".join(parts).replace("\n", " ").strip())


def article(title: str, paragraphs: list[str]) -> Article:
    return article_from_paragraphs(paragraphs, title)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPH, st.lists(_PARAGRAPH, max_size=6))
def test_never_raises_and_offsets_slice_back(title: str, paragraphs: list[str]) -> None:
    art = article(title, paragraphs)
    quotes = extract_quotes(art)
    assert isinstance(quotes, tuple)
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(art.text)
        assert q.paragraph is not None and 0 <= q.paragraph < len(art.paragraphs)
        para = art.paragraphs[q.paragraph]
        assert para.start <= q.start
        # The first and last quoted words sit just inside quotation marks (or at a paragraph end
        # for a quote the dump leaves open).
        assert art.text[q.start - 1] in ALL_MARKS or art.text[q.start - 1].isspace()
        after = art.text[q.end] if q.end < len(art.text) else "\n"
        assert after in ALL_MARKS or after.isspace()
        if " … " not in q.text and q.text.count("\n") == 0 and q.end <= para.end:
            assert art.text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert art.text[m.start : m.end] == m.text
    for h in find_headline_quotes(art):
        assert art.text[h.start : h.end] == h.text and h.paragraph is None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    lines = text.split("\n")
    assert isinstance(extract_quotes(article(lines[0], lines[1:])), tuple)
