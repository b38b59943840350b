"""Property tests: the built-in engine never raises and every mention slices back to its text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.entities import find_entities
from newsinspect.model import Article, Paragraph, Stats

_VOCABULARY = (
    "The the of and for Russia Russian’s President Anna Smith Acme Inc. U.S. G-7 NATO Council "
    "said in on Monday May Earlier ’s 's “ ” . , ; : - – ( ) 2024 é Ø Straße"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))
LINE = st.one_of(st.lists(WORDS, max_size=25).map(" ".join), st.text(max_size=80))


def article_of(lines: list[str]) -> Article:
    text = "\n".join(lines)
    paragraphs = []
    pos = 0
    for line in lines:
        paragraphs.append(Paragraph(line, "paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    title_span = (0, len(lines[0])) if lines else None
    return Article(
        lines[0] if lines else None, None, (), None, None, None, (), tuple(paragraphs[1:]),
        Stats(0, 0, 0, 0.0), text=text, title_span=title_span,
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=6))
def test_never_raises_and_mentions_slice_back(lines: list[str]) -> None:
    article = article_of(lines)
    entities = find_entities(article)
    for entity in entities:
        assert entity.name
        assert entity.count == len(entity.mentions) >= 1
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text
            assert mention.text.strip() == mention.text
    counts = [(-e.count, e.mentions[0].start) for e in entities]
    assert counts == sorted(counts)
