"""The page's metadata and the reading of its rendered text, put together.

Metadata is strong evidence but not the answer: ``og:title`` and ``<title>`` carry the site's name, author
fields hold URLs, the site itself or "Staff", and a UTC timestamp can fall on the day after the date the
page prints. So each field is checked against the rendered text:

- title: the rendered line that a metadata title (with or without its site-name part) or the <h1> matches,
  or that a metadata title cut short with an ellipsis begins; the parser's title when metadata confirms it;
  a metadata headline when no line matches.
- authors: the metadata names when at least one of them is printed on the page, else the parser's; the
  parser's too when they are the metadata names and more (the metadata often names the first writer only).
- published/updated: the metadata date, unless the text's date is one day off it (a time-zone shift: the
  page prints the local day); a <time> the page does not mark as the publication only when neither the
  metadata, the text nor the URL gives a date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from newsinspect.html.meta import PageMeta
from newsinspect.lexicon import words
from newsinspect.model import Article
from newsinspect.parse.authors import is_name, names_from
from newsinspect.parse.dates import fallback_date, find_dates
from newsinspect.parse.lines import Line, split_lines

# " | Site", " - Site", " — Site", " :: Site", " · Site", " » Site" (and the same as a prefix)
# (White space is taken from the start of its run only: retrying inside a long run is quadratic.)
_SEPARATOR = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|·|»|/|:)\s+")
_SINGLE_QUOTES = re.compile("[‘’‚]")
_DOUBLE_QUOTES = re.compile("[“”„«»]")
_BULLET = re.compile(r"^[*•·\-–]\s+")
_SPLIT_AUTHORS = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|&|\band\b|\|)\s*")


def normal(text: str) -> str:
    """The comparison form: bullets off, quote marks plain, white space folded, case folded."""
    plain = _DOUBLE_QUOTES.sub('"', _SINGLE_QUOTES.sub("'", _BULLET.sub("", text.strip())))
    return " ".join(plain.split()).casefold()


def combine(article: Article, meta: PageMeta) -> Article:
    """``article`` (parsed from the rendered text) with the page's metadata weighed in."""
    lines = split_lines(article.text)
    title, span = choose_title(article.title, article.title_span, meta, lines)
    paragraphs = article.paragraphs
    subtitle = article.subtitle
    if span is not None and span != article.title_span:
        paragraphs = tuple(p for p in paragraphs if p.end <= span[0] or p.start >= span[1])
        if subtitle is not None and normal(subtitle) == normal(title or ""):
            subtitle = None
    published = choose_date(article.published, meta.published) or meta.url_date
    if published is None and meta.first_time is not None:
        published = iso_date(meta.first_time)
    updated = choose_date(article.updated, meta.updated)
    if updated is not None and published is not None and updated[:10] < published[:10]:
        updated = None  # an "updated" before the publication is a stale field, not news
    return replace(
        article,
        title=title,
        title_span=span,
        subtitle=subtitle,
        paragraphs=paragraphs,
        authors=choose_authors(article.authors, meta, article.text),
        published=published,
        updated=updated,
    )


# --- title -------------------------------------------------------------------------------------------


def title_variants(title: str, site_names: tuple[str, ...]) -> list[str]:
    """``title`` and the pieces a site-name separator cuts it into (what comes before or after each one),
    longest first; never a site name nor a single word."""
    found = {title}
    for separator in _SEPARATOR.finditer(title):
        found.add(title[: separator.start()].strip())
        found.add(title[separator.end() :].strip())
    sites = {normal(site) for site in site_names}
    kept = [v for v in found if v == title or (normal(v) not in sites and len(v.split()) >= 2)]
    return sorted(kept, key=lambda v: (-len(v), v))


def choose_title(
    parsed: str | None, parsed_span: tuple[int, int] | None, meta: PageMeta, lines: list[Line]
) -> tuple[str | None, tuple[int, int] | None]:
    """The headline line of the rendered text, and where it is."""
    sources = meta.titles + meta.headings
    if not sources:
        return parsed, parsed_span
    sites = meta.site_names + _shared_pieces(meta.titles)
    variants = [title_variants(source, sites) for source in sources]
    wanted = {normal(v) for vs in variants for v in vs}
    stems = [stem for vs in variants for v in vs if (stem := truncated_stem(v))]
    if parsed is not None and (normal(parsed) in wanted or _starts_with_any(normal(parsed), stems)):
        return parsed, parsed_span
    first_line: dict[str, Line] = {}
    for line in lines:
        first_line.setdefault(normal(line.text), line)
    # A title that is printed on the page, the most trusted source first; a piece of a title only when no
    # whole title is printed (the pieces of "Headline | Site" are the headline and the site).
    for source_variants in variants:
        for variant in source_variants:
            found = first_line.get(normal(variant))
            if found is not None:
                return _printed(found)
    # A headline the metadata cut short ("… the summer…"): the printed line it is the start of.
    for stem in stems:
        found = next((line for key, line in first_line.items() if key.startswith(stem)), None)
        if found is not None:
            return _printed(found)
    # None is printed: the most trusted whole title without its site name (its longest piece that is no
    # site); a title cut short only when neither the metadata nor the text has a whole one
    best = next((title for title in sources if not title.endswith(_ELLIPSIS)), sources[0])
    pieces = [v for v in title_variants(best, sites) if v != best]
    chosen = pieces[0] if pieces else best
    if chosen.endswith(_ELLIPSIS) and parsed is not None:
        return parsed, parsed_span
    return chosen, None


_ELLIPSIS = ("…", "...")
_STEM_WORDS = 4  # a shorter start of a headline could be the start of any line


def truncated_stem(title: str) -> str | None:
    """The comparison form of a title cut short with an ellipsis (search-engine fields are often cut at
    about 110 characters), without the ellipsis and the partial word before it; None for a whole title."""
    if not title.endswith(_ELLIPSIS):
        return None
    words = normal(title.rstrip(".… ")).split()[:-1]
    return " ".join(words) if len(words) >= _STEM_WORDS else None


def _starts_with_any(text: str, stems: list[str]) -> bool:
    return any(text.startswith(stem) for stem in stems)


def _printed(line: Line) -> tuple[str, tuple[int, int]]:
    text = _BULLET.sub("", line.text)
    return text, (line.end - len(text), line.end)


def _shared_pieces(titles: tuple[str, ...]) -> tuple[str, ...]:
    """The last piece, when every separated title ends with it ("… | Rail Review", "… – Rail Review"): a
    site's name, not a headline. (Only the end: two titles may well start with the same headline.)"""
    ends = {_SEPARATOR.split(title)[-1] for title in titles if _SEPARATOR.search(title)}
    separated = sum(1 for title in titles if _SEPARATOR.search(title))
    return tuple(ends) if separated >= 2 and len(ends) == 1 else ()


# --- authors -----------------------------------------------------------------------------------------


def meta_authors(meta: PageMeta) -> list[str]:
    """Writers' names from the author metadata: no URLs, e-mail addresses, site names or "Staff"."""
    excluded = words("page_not_authors") | {site.casefold() for site in meta.site_names}
    names: list[str] = []
    for raw in meta.authors:
        if "://" in raw or "@" in raw or raw.startswith("/"):
            continue
        value = re.sub(r"^(?i:by)\s+", "", raw).strip()
        pieces = [p for p in _SPLIT_AUTHORS.split(value) if p]
        if len(pieces) > 1 and all(is_name(p) for p in pieces):
            found = pieces
        elif is_name(value) or len(value.split()) == 1:
            found = [value]
        else:
            found = names_from(value) or [value]
        for name in found:
            if name.casefold() not in excluded and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
    return names


def choose_authors(parsed: tuple[str, ...], meta: PageMeta, text: str) -> tuple[str, ...]:
    stated = meta_authors(meta)
    if not stated:
        return parsed
    folded = " ".join(text.split()).casefold()
    if not parsed:
        return tuple(stated)
    if {name.casefold() for name in stated} < {name.casefold() for name in parsed}:
        return parsed  # the byline names co-writers the metadata leaves out (it often holds one name)
    if any(name.casefold() in folded for name in stated):
        return tuple(stated)
    return parsed


# --- dates -------------------------------------------------------------------------------------------


def iso_date(raw: str) -> str | None:
    """An ISO 8601 date or date-time from a metadata value (ISO, or a date written out), else None."""
    value = raw.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        found = find_dates(value)
        return found[0].iso if found else fallback_date(value)
    if len(value) <= 10:
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="seconds")


def choose_date(parsed: str | None, raw_values: tuple[str, ...]) -> str | None:
    stated = next((iso for iso in map(iso_date, raw_values) if iso is not None), None)
    if stated is None:
        return parsed
    if parsed is not None and abs(_day(parsed) - _day(stated)) == 1:
        return parsed  # the same moment on the page's clock: the page prints its local day
    return stated


def _day(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0
