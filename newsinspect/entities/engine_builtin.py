"""The built-in engine: capitalised runs, word and context rules, gazetteers, document-level merging."""

from __future__ import annotations

import gc

from newsinspect.entities.classify import Piece, classify_run, match_known, type_by_coordination
from newsinspect.entities.merge import merge_pieces
from newsinspect.lexicon.gazetteer import Gazetteer, first_words, load_gazetteer
from newsinspect.model import Article, Entity
from newsinspect.text.article import ArticleText, article_text, searched_spans
from newsinspect.text.runs import LowerWords, line_blocks, run_batches

__all__ = ["find_entities_builtin", "find_pieces", "searched_spans"]


def find_entities_builtin(article: Article, shared: ArticleText | None = None) -> tuple[Entity, ...]:
    # The cycle collector is paused while the engine runs: it makes a few thousand short-lived objects per
    # article (tokens, pieces, groups) and no reference cycle among them (a test checks), so every
    # collection their allocations set off found nothing to free: 10-15% of the stage on the development
    # dumps (compiled), more in a process holding many objects, where each full collection walks them all.
    # Reference counting frees everything as before. Restored only by the call that paused it, so a
    # caller who disabled the collector keeps it disabled, and concurrent calls leave it enabled.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        layer = article_text(article, shared)
        return merge_pieces(find_pieces(article, layer), article.text, layer.lower_words)
    finally:
        if paused:
            gc.enable()


def find_pieces(article: Article, shared: ArticleText | None = None) -> list[Piece]:
    """Every name candidate with its type evidence, before document-level merging."""
    layer = article_text(article, shared)
    text = article.text
    gaz = load_gazetteer()
    lower: LowerWords = layer.lower_words
    segments = layer.segments
    pieces: list[Piece] = []
    # The runs of each block of segments a batch at a time, dropped once classified: the token objects of
    # every run of the article at once cost 30-45x its size on a page of capitalised lines or initials.
    for block in line_blocks(text, segments):
        for found in run_batches(text, block):
            for tokens, i, j in found:
                pieces.extend(classify_run(tokens, i, j, text, gaz, lower))
    pieces = type_by_coordination(pieces, text)
    # Title Case headlines and headings: capitals prove nothing, so look only for names known elsewhere.
    if any(seg.title_case for seg in segments):
        known = {p.key for p in pieces}
        known_heads = first_words(known)
        tails = _surnames(known, gaz)
        for k in range(len(segments)):  # indexed, not zip(): compiled, a zip is a generic Python iterator
            if segments[k].title_case:
                for found in run_batches(text, [segments[k]], context=False):
                    for tokens, i, j in found:
                        pieces.extend(match_known(tokens, i, j, text, known, known_heads, tails, gaz, lower))
    return pieces


def _surnames(known: set[str], gaz: Gazetteer) -> frozenset[str]:
    """The surnames of known names that start with a given name ("Clinton" of "Hillary Clinton"): in a
    headline, such a word is the person's, not a city's."""
    found: set[str] = set()
    for name in known:
        space = name.find(" ")
        if space > 0 and name[:space] in gaz.given_names:
            found.add(name[name.rfind(" ") + 1 :])
    return frozenset(found)
