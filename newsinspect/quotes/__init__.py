"""Quotes: find the quotations in an article and say who said them.

``find_quotes(article)`` works on ``article.paragraphs`` (offsets into ``article.text``) with rules of
our own, no NLP models. One module per step:

- ``marks`` / ``scanner``: pair quotation marks in each paragraph in one linear pass (curly, straight,
  single, guillemets, „…“), telling apostrophes (don’t, Belarus’, '90s, rock 'n' roll) from quotes;
  a nested quote stays inside its outer quote.
- ``grouping``: join a quote that runs over paragraphs (a paragraph that does not close it, followed
  by one that reopens it), the halves of a split quote (“…,” he said. “…”), and the quoted fragments
  of one sentence credited to the same speaker through the same cue. An unclosed quote that the next
  paragraph does not continue ends with its paragraph.
- ``attribution`` (with ``cues``, ``phrases``, ``names``, ``tokens``, ``context``): the reporting
  pattern around each quote, looked for within its sentence (for a quote standing as a sentence of
  its own, also the sentence before) and at most ``WINDOW`` characters away.
- ``resolution`` (with ``people``, the index of who is named where, and ``gender``): surnames and
  pronouns to the fullest name the article gives.
- ``sources``: the outlet a quote is credited through.
- ``classify``: full or partial; titles and subheadings in quotation marks.

Decisions:

- Headline quotes are not in ``find_quotes``: a headline quote condenses a body quote, names no
  speaker, and consumers that score or count every item in ``quotes`` (the evaluation scorer does)
  would take it for an unattributed extra. ``find_headline_quotes(article)`` returns them apart, with
  ``kind="headline"`` and ``paragraph=None``, for callers who want them.
- A phrase the speaker attributes to others (the seed's “special military operation”, which the
  Belarusian official ascribes to Western propaganda) is a partial quote of the person whose reported
  statement holds it: the marks show the wording comes from that statement, and that person is the
  one quoted. Likewise words reported inside someone's statement (X said Y “…”) go to X, the
  reporting speaker, not to Y.
- ``source`` is a publication or channel the quote reached us through ("according to The Moscow
  Times", "told The Guardian", "in an interview with Reuters"), never the speaker. When "according
  to X" is the only attribution in the sentence, X is the speaker and ``source`` stays null.
- A partial quote with no speaker in its sentence is a scare quote or a title and is left out; so are
  short title-case names after a possessive or "titled" (MSNBC’s “Morning Joe”) and subheadings
  printed in quotation marks. A full quote with no recoverable speaker is kept with ``speaker`` null.
- A full quote that is a sentence of its own with no cue takes the reporting verb and subject of
  the sentence before it in its paragraph ("Lee called him a master of the deal. “He …”"); a
  lead-in ending the previous paragraph with a colon ("Okafor said:", "Okafor had a warning:")
  attributes the quote opening the next. Both carry the ``speaker_mention`` (and ``cue``, if any)
  written there. A paragraph that is nothing but a quote continues the speaker of the full quote
  ending the paragraph before (alone or with its credit: “…,” he said.), and a second full quote in
  a paragraph with no cue of its own keeps the speaker of the first: these carry ``speaker`` but no
  ``speaker_mention`` or ``cue``.
- A clause closed by a colon right before a quote, with no verb of saying, credits its subject
  ("… President Okafor is rolling out a new message: “…”"), with no ``cue``.
- Two apostrophes ('' … '') are not quotation marks unless the caller asks for them
  (``apostrophe_quotes=True``, ``--apostrophe-quotes``). They are an ASCII stand-in some newswire
  archives use for “ and ”, not a mark of web text, where a stray '' (inches, wiki italics) would
  pair with anything; the marks read by default are the quotation mark characters themselves.
  Ignored pairs are skipped whole, so they never pair with a single mark either. A text that does
  write its quotes that way is not left quote-less without a word: ``find_quotes_with_warnings``
  (and so the record's ``warnings``) says so and names the option.
- In a transcript, a paragraph opening with a speaker label ("PENCE: Well, …") starts a new quote
  whose speaker is the label, even when the previous turn's mark was never closed.
- "Okafor’s claim that …" credits Okafor; verbs that frame words while judging them ("branded it
  “…”", "called", "described … as") count as cues, after the plain reporting verbs.
- ``text`` joins the segments of a split quote with " … " and the paragraphs of a multi-paragraph
  quote with a space; ``start``/``end`` run from the first segment's start to the last one's end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsinspect.model import Article, Quote
    from newsinspect.people import People

__all__ = ["find_headline_quotes", "find_quotes", "find_quotes_with_warnings"]

# The rule modules (regular expressions, word tables, dataclasses) are imported on the first call, not
# with the package: commands and callers that never look for quotes do not pay for them.


def find_quotes(
    article: Article, *, apostrophe_quotes: bool = False, people: People | None = None
) -> tuple[Quote, ...]:
    """The quotes in the article's paragraphs, ordered by position. Never raises.

    ``apostrophe_quotes`` reads two apostrophes ('' … '') as double quotation marks. ``people``: the
    article's people as the entity engine found them (``newsinspect.people``); a speaker who is one of
    them is named as the entity is.
    """
    return find_quotes_with_warnings(article, apostrophe_quotes=apostrophe_quotes, people=people)[0]


def find_quotes_with_warnings(
    article: Article, *, apostrophe_quotes: bool = False, people: People | None = None
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """``find_quotes``, and what the reader should be told about them: that the text writes ''…'' for
    quotation marks which were not read, or that the quote finder failed on this text (a bug: the
    article keeps everything else, and the warning says why its quotes are missing). Never raises."""
    from newsinspect.quotes.extract import extract_quotes
    from newsinspect.quotes.marks import writes_apostrophe_quotes

    try:
        quotes = extract_quotes(article, apostrophe_quotes=apostrophe_quotes, people=people)
    except Exception as exc:  # a bug must not take the whole article down with it
        return (), (f"quote finder error: {type(exc).__name__}: {exc}",)
    if not apostrophe_quotes and writes_apostrophe_quotes(article.text):
        return quotes, (APOSTROPHE_QUOTES_WARNING,)
    return quotes, ()


APOSTROPHE_QUOTES_WARNING = (
    "the text writes ''…'' for quotation marks, which are not read as quotes by default "
    "(--apostrophe-quotes reads them)"
)


def find_headline_quotes(article: Article, *, apostrophe_quotes: bool = False) -> tuple[Quote, ...]:
    """Quoted words in the title (kind "headline", paragraph None). Never raises."""
    from newsinspect.quotes.headline import find_headline_quotes as find

    return find(article, apostrophe_quotes=apostrophe_quotes)
