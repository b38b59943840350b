"""Lines the rules can tell are no headline, however likely the layout model finds them.

On a site it has not seen, the model can rank a line of the page's controls or a photo caption above
the headline: it reads a line by its shape and place, and a short title-case line over the body is what a
headline looks like. These lines say what they are in their words, and the headline choice
(``layout.choose_headline``, ``headline.candidates``) passes them over when some other line is left:

- a line of a site's controls and prompts: nothing but their words and function words ("Your cart is
  empty", "Back to main menu", "Privacy policy feedback"), or a short line holding one of their phrases
  ("… Save your favourites for free");
- a caption with its photo credit after it ("Crowds at the pier. Photograph: Jo Roe/Agency");
- a menu rendered without spaces ("NewsSportOpinionCulture"): two or more words glued to the next, which
  the rules' own headline test (``title.looks_like_headline``) turns down too.

A dated byline, an author's note and a teaser's author and age ("Jo Roe 2 months") were tried as well and
dropped: the site-grouped CV of training/layout.py (three fold assignments) gave hand-cut NAEB title 0.973 ->
0.970 for whole pages 0.917 -> 0.919 and `web` unchanged, through the refitted ranker.

None of this is a feature of the CRF: the model is the same with or without these tests.
"""

from __future__ import annotations

from typing import Final

from newsinspect import lexicon
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.features import LineFacts
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern
from newsinspect.parse.title import glued_words

_UI_WORDS: Final = lexicon.words("ui_words")
_UI_PHRASES: Final = LazyPattern(r"\b(?:" + lexicon.alternation(lexicon.words("ui_phrases"), r"\s+") + r")\b")
_GLUE: Final = lexicon.words("layout_stop_words")
_UI_MAX_WORDS: Final = 8  # a longer line of such words is a sentence about them
_PHRASE_MAX_WORDS: Final = 25


def is_no_headline(line: Line, fact: LineFacts) -> bool:
    """Whether the rules can tell that ``line`` (``fact``: its facts) is no headline (see the module)."""
    text = line.clean
    return _is_controls(text, fact) or _is_credited_caption(text) or glued_words(text) >= 2


def _is_controls(text: str, fact: LineFacts) -> bool:
    """A line of a site's controls and prompts (``Search this site Submit search``): its content words
    (``LineFacts.content``: no function words, none of two letters; a hyphenated one in its parts) all
    control words or function words, one a control word; or a short line holding a prompt phrase."""
    words = fact.words
    if words > _PHRASE_MAX_WORDS:
        return False
    if words <= _UI_MAX_WORDS and fact.content:
        parts = [part for word in fact.content for part in word.split("-") if len(part) > 1]
        if all(p in _UI_WORDS or p in _GLUE for p in parts) and any(p in _UI_WORDS for p in parts):
            return True
    return _UI_PHRASES.compiled.search(text.lower()) is not None


def _is_credited_caption(text: str) -> bool:
    """A caption followed by its photo credit (``Boats at the pier. Photograph: Jo Roe/Agency``, ``… (AP
    Photo/Al Ek)``, ``… (Getty Images)``): a labelled credit, or one that names a photo or an agency; not
    any words in brackets after a sentence (``What is a CRM? (Customer Relationship Management)``)."""
    found = match_caption(text)
    if found is None or found.credit is None or found.text_start != 0 or found.text_end >= len(text):
        return False
    credit = found.credit
    return ":" in text[found.text_end :] or "photo" in credit.lower() or credit_only(credit) is not None
