"""The built-in engine: capitalised runs, word and context rules, gazetteers, document-level merging."""

from __future__ import annotations

from collections.abc import Iterator

from newsinspect.entities.candidates import runs, tokenise
from newsinspect.entities.classify import Piece, classify_run, match_known, type_by_coordination
from newsinspect.entities.gazetteers import load_gazetteer
from newsinspect.entities.merge import merge_pieces
from newsinspect.model import Article, Entity


def searched_spans(article: Article) -> Iterator[tuple[int, int]]:
    """Title, captions and paragraphs, as ``(start, end)`` offsets into ``article.text``."""
    if article.title_span is not None:
        yield article.title_span
    for caption in article.captions:
        yield caption.start, caption.end
    for paragraph in article.paragraphs:
        yield paragraph.start, paragraph.end


def find_entities_builtin(article: Article) -> tuple[Entity, ...]:
    text = article.text
    gaz = load_gazetteer()
    lower_words: set[str] = set()
    segments = [tokenise(text, start, end, lower_words) for start, end in searched_spans(article)]
    pieces: list[Piece] = []
    for segment in segments:
        if not segment.title_case:
            for i, j in runs(text, segment):
                pieces.extend(classify_run(segment.tokens, i, j, text, gaz, lower_words))
    pieces = type_by_coordination(pieces, text)
    # Title Case headlines and headings: capitals prove nothing, so look only for names known elsewhere.
    known = {" ".join(p.words).replace("’", "'") for p in pieces}
    for segment in segments:
        if segment.title_case:
            for i, j in runs(text, segment):
                pieces.extend(match_known(segment.tokens, i, j, text, known, gaz))
    return merge_pieces(pieces, text, lower_words)
