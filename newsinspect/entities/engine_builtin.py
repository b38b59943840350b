"""The built-in engine: capitalised runs, word and context rules, gazetteers, document-level merging."""

from __future__ import annotations

from collections.abc import Iterator

from newsinspect.entities.candidates import LowerWords, runs, segment
from newsinspect.entities.classify import Piece, classify_run, match_known, type_by_coordination
from newsinspect.entities.merge import merge_pieces
from newsinspect.lexicon.gazetteer import load_gazetteer
from newsinspect.model import Article, Entity


def searched_spans(article: Article) -> Iterator[tuple[int, int]]:
    """Title, captions (and their credits) and paragraphs, as ``(start, end)`` offsets into the text."""
    if article.title_span is not None:
        yield article.title_span
    text = article.text
    for caption in article.captions:
        yield caption.start, caption.end
        if caption.credit:
            # The credit ("Image: Jane Roe", "(Reuters)") follows its caption on the same line.
            line_end = text.find("\n", caption.end)
            found = text.find(caption.credit, caption.end, len(text) if line_end < 0 else line_end)
            if found >= 0:
                yield found, found + len(caption.credit)
    for paragraph in article.paragraphs:
        yield paragraph.start, paragraph.end


def find_entities_builtin(article: Article) -> tuple[Entity, ...]:
    pieces, lower = find_pieces(article)
    return merge_pieces(pieces, article.text, lower)


def find_pieces(article: Article) -> tuple[list[Piece], LowerWords]:
    """Every name candidate with its type evidence, before document-level merging."""
    text = article.text
    gaz = load_gazetteer()
    lower = LowerWords(text)
    segments = [segment(text, start, end) for start, end in searched_spans(article)]
    pieces: list[Piece] = []
    for seg in segments:
        if not seg.title_case:
            for tokens, i, j in runs(text, seg):
                pieces.extend(classify_run(tokens, i, j, text, gaz, lower))
    pieces = type_by_coordination(pieces, text)
    # Title Case headlines and headings: capitals prove nothing, so look only for names known elsewhere.
    title_case = [seg for seg in segments if seg.title_case]
    if title_case:
        known = {" ".join(p.words).replace("’", "'") for p in pieces}
        for seg in title_case:
            for tokens, i, j in runs(text, seg):
                pieces.extend(match_known(tokens, i, j, text, known, gaz))
    return pieces, lower
