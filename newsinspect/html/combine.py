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
from datetime import date, datetime, timezone
from itertools import pairwise

from newsinspect.html.meta import PageMeta
from newsinspect.lexicon import words
from newsinspect.model import Article
from newsinspect.parse.authors import is_name, names_from
from newsinspect.parse.dates import fallback_date, find_dates
from newsinspect.parse.lines import Line, split_lines

# " | Site", " - Site", " — Site", " :: Site", " · Site", " » Site" (and the same as a prefix)
# (White space is taken from the start of its run only: retrying inside a long run is quadratic.)
_SEPARATOR = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|·|•|»|/|:)\s+|(?<=[^\W\d_]):\s+")
# quote marks and dashes made plain, invisible characters (soft hyphens, zero-width spaces) dropped
_FOLD = str.maketrans(
    {**dict.fromkeys("‘’‚", "'"), **dict.fromkeys("“”„«»", '"'), **dict.fromkeys("‐‑‒–—―", "-")}
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff")
)
_BULLET = re.compile(r"^[*•·\-–]\s+")
_SPLIT_AUTHORS = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|&|\band\b|\|)\s*")


def normal(text: str) -> str:
    """The comparison form: bullets off, quote marks and dashes plain, invisible characters (soft hyphens,
    zero-width spaces) dropped, white space folded, case folded."""
    return " ".join(_BULLET.sub("", text.strip()).translate(_FOLD).split()).casefold()


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
    published = choose_date(article.published, meta.published, meta.updated) or meta.url_date
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


# Separators cut at, from each end of a title: a site's name and section sit near an end, and a headline has
# a handful at most.
_MAX_CUTS = 8


def title_variants(title: str, site_names: tuple[str, ...]) -> list[str]:
    """``title`` and the pieces its separators cut it into (what comes before or after each one, and what
    lies between two: "Opinion | Headline | Site"), longest first; never a site name, a single word, nor a
    piece under half as long as the longest (a section's or site's name beside the headline)."""
    found = {title}
    separators = list(_SEPARATOR.finditer(title))
    if len(separators) > 2 * _MAX_CUTS:  # each cut copies the title: a title of 20,000 "|" took gigabytes
        separators = separators[:_MAX_CUTS] + separators[-_MAX_CUTS:]
    singles: set[str] = set()  # the pieces between two separators, or a separator and an end
    for separator in separators:
        found.add(title[: separator.start()].strip())
        found.add(title[separator.end() :].strip())
    if separators:
        singles = {title[: separators[0].start()].strip(), title[separators[-1].end() :].strip()}
    for before, after in pairwise(separators):
        if after.start() - before.end() < _MAX_PIECE:  # (the pieces lie far apart only in a hostile title)
            singles.add(title[before.end() : after.start()].strip())
    sites = {normal(site) for site in site_names}
    pieces = [v for v in found | singles if v != title and normal(v) not in sites and len(v.split()) >= 2]
    longest = max((len(piece) for piece in pieces if piece in singles), default=0)
    kept = [title] + [piece for piece in pieces if 2 * len(piece) >= longest]
    return sorted(kept, key=lambda v: (-len(v), v))


_MAX_PIECE = 1000  # characters of a piece between two separators: a headline has a few hundred at most


def choose_title(
    parsed: str | None, parsed_span: tuple[int, int] | None, meta: PageMeta, lines: list[Line]
) -> tuple[str | None, tuple[int, int] | None]:
    """The headline line of the rendered text, and where it is."""
    sites = page_sites(meta)
    site_keys = {normal(site) for site in sites}
    # A title or <h1> that is the site's name (a logo) is no headline, nor is a short <h1> that shares no
    # word with the page's titles (a logo or section name the page does not mark as such).
    titles = tuple(t for t in meta.titles if normal(t) not in site_keys)
    title_stems = set().union(*(_stems(title) for title in titles[:_MAX_SITE_TITLES]))
    headings = tuple(
        h
        for h in meta.headings
        if normal(h) not in site_keys
        and (not titles or len(h.split()) >= _HEADLINE_WORDS or bool(_stems(h) & title_stems))
    )
    sources = titles + headings
    if not sources:
        return parsed, parsed_span
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
    for whole in (True, False):
        for source, source_variants in zip(sources, variants, strict=True):
            for variant in source_variants:
                found = first_line.get(normal(variant)) if (variant == source) == whole else None
                if found is not None:
                    return _printed(found)
    # A headline the metadata cut short ("… the summer…"): the printed line it is the start of.
    for stem in stems:
        found = next((line for key, line in first_line.items() if key.startswith(stem)), None)
        if found is not None:
            return _printed(found)
    # A title printed after a kicker on its line ("Exclusive Headline"): the title's words of that line.
    kicked = _after_kicker(first_line, wanted - site_keys)
    if kicked is not None:
        return kicked
    # None is printed: the parser's title (the page words its headline otherwise than its metadata, for
    # search engines and social media, or the metadata titles are the site's defaults), unless it is the
    # site's own name; else the most trusted whole title without its site name (its longest piece that is
    # no site); a title cut short only when neither the metadata nor the text has a whole one
    if parsed is not None and normal(parsed) not in site_keys:
        return parsed, parsed_span
    best = next((title for title in sources if not title.endswith(_ELLIPSIS)), sources[0])
    pieces = [v for v in title_variants(best, sites) if v != best]
    chosen = pieces[0] if pieces else best
    if chosen.endswith(_ELLIPSIS) and parsed is not None:
        return parsed, parsed_span
    return chosen, None


_HEADLINE_WORDS = 4  # words of an <h1> that is taken as a headline even when it shares none with the titles
_KICKER_WORDS = 3  # a kicker ("Exclusive", "Live", "Breaking news") is a word or three


def _after_kicker(first_line: dict[str, Line], wanted: set[str]) -> tuple[str, tuple[int, int]] | None:
    for key, line in first_line.items():
        words = key.split()
        for cut in range(1, min(_KICKER_WORDS, len(words) - 2) + 1):
            if " ".join(words[cut:]) in wanted:
                tokens = [m.start() for m in re.finditer(r"\S+", line.text)]
                begin = line.end - len(line.text) + tokens[len(tokens) - (len(words) - cut)]
                return line.text[begin - (line.end - len(line.text)) :], (begin, line.end)
    return None


def _stems(text: str) -> set[str]:
    """The content words of a headline, cut to five letters ("islanders", "islands": "islan")."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", normal(text))}


def page_sites(meta: PageMeta) -> tuple[str, ...]:
    """The names the page gives its site: og:site_name and the like, the texts of its links home (the
    logo), the piece every separated title ends with, and an end piece of a title that spells the page's
    host name ("Harbour Post" on harbourpost.example)."""
    found = meta.site_names + meta.home_links + _shared_pieces(meta.titles)
    host = meta.url.split("://", 1)[-1].split("/", 1)[0].casefold() if meta.url else ""
    labels = {label for label in host.split(".") if len(label) >= 4}
    if labels:
        for title in meta.titles[:_MAX_SITE_TITLES]:
            pieces = _SEPARATOR.split(title)
            if len(pieces) > 1:
                found += tuple(p for p in (pieces[0], pieces[-1]) if _squashed(p) in labels)
    return found


_MAX_SITE_TITLES = 8


def _squashed(text: str) -> str:
    """A name as a host name spells it: letters and digits, no leading "The"."""
    return "".join(c for c in re.sub(r"^the\s+", "", text.strip().casefold()) if c.isalnum())


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
    return [name for name, _ in _meta_names(meta)]


def _site_keys(meta: PageMeta) -> set[str]:
    """The page's names for its site, case folded, and the last piece of each separated title ("Headline |
    Harbour Post"): a site's name, never a writer's."""
    ends = [
        _SEPARATOR.split(title)[-1] for title in meta.titles[:_MAX_SITE_TITLES] if _SEPARATOR.search(title)
    ]
    return {" ".join(site.split()).casefold() for site in page_sites(meta) + tuple(ends)}


def _meta_names(meta: PageMeta, sites: set[str] | None = None) -> list[tuple[str, bool]]:
    """The author metadata's names, each with whether it reads as a person's name (or a news agency's):
    a value that does not ("Harbour Media Group", "hpeditor2") is only kept for want of a better one."""
    excluded = words("page_not_authors") | (_site_keys(meta) if sites is None else sites)
    names: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for raw in meta.authors:
        if "://" in raw or "@" in raw or raw.startswith("/"):
            continue
        value = re.sub(r"^(?i:by)\s+", "", raw).strip()
        pieces = [p for p in _SPLIT_AUTHORS.split(value) if p]
        if len(pieces) > 1 and all(is_name(p) for p in pieces):
            found = [(piece, True) for piece in pieces]
        elif is_name(value):
            found = [(value, True)]
        else:
            read = names_from(value)
            found = [(name, True) for name in read] if read else [(value, False)]
        for name, strong in found:
            if name.casefold() not in excluded and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append((name, strong))
    return names


_NAMES_LOOKED_UP = 32


def choose_authors(parsed: tuple[str, ...], meta: PageMeta, text: str) -> tuple[str, ...]:
    """The metadata's writers that the page prints (a metadata source may name the outlet's account, an
    editor or a related story's writer: the byline prints the article's own), unless the text's byline
    names them and more; the text's reading when the page prints none of them; all the metadata's names
    when the text reads none either."""
    sites = _site_keys(meta)
    # the site's own name is no writer, however the text reads it (a masthead line under the headline)
    parsed = tuple(name for name in parsed if " ".join(name.split()).casefold() not in sites)
    named = _meta_names(meta, sites)
    stated = [name for name, _ in named]
    if not stated:
        return parsed
    if parsed and {name.casefold() for name in stated} < {name.casefold() for name in parsed}:
        return parsed  # the byline names co-writers the metadata leaves out (it often holds one name)
    folded = " ".join(text.split()).casefold()
    # (The first few names only: each is a search of the whole text, and a byline names a handful.)
    # (a value that is no person's name, "Harbour Media Group" in a copyright line, never beats the byline,
    # unless it holds the byline's names: the fuller form of the same byline)
    printed = [
        name
        for name, strong in named[:_NAMES_LOOKED_UP]
        if (strong or _holds_all(name, parsed)) and _prints(folded, name)
    ]
    if printed:
        if parsed and {name.casefold() for name in printed} < {name.casefold() for name in parsed}:
            return parsed
        return tuple(printed)
    # names the byline runs together ("Ann LeeBo Park": two links with no space between them)
    run = _squashed(" ".join(parsed))
    if parsed and all(_squashed(name) in run for name in stated[:_NAMES_LOOKED_UP]):
        return tuple(stated)
    return parsed or tuple(stated)


def _holds_all(value: str, names: tuple[str, ...]) -> bool:
    """Does ``value`` name every one of ``names`` (all of them when there are none)?"""
    folded = " ".join(value.split()).casefold()
    return all(_prints(folded, name) for name in names)


def _prints(folded: str, name: str) -> bool:
    """Does the text (white space folded, case folded) print ``name`` as whole words?"""
    key = " ".join(name.split()).casefold()
    start = folded.find(key)
    while start >= 0:
        end = start + len(key)
        if (start == 0 or not folded[start - 1].isalnum()) and (
            end == len(folded) or not folded[end].isalnum()
        ):
            return True
        start = folded.find(key, start + 1)
    return False


# --- dates -------------------------------------------------------------------------------------------


def iso_date(raw: str) -> str | None:
    """An ISO 8601 date or date-time from a metadata value (ISO, a time stamp in seconds or milliseconds
    since 1970, or a date written out), else None."""
    value = raw.strip()
    if value.isascii() and value.isdigit() and len(value) in (10, 13):
        seconds = int(value) // (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        found = find_dates(value)
        return found[0].iso if found else fallback_date(value)
    if len(value) <= 10:
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="seconds")


def choose_date(parsed: str | None, raw_values: tuple[str, ...], others: tuple[str, ...] = ()) -> str | None:
    """The metadata date of ``raw_values``, or the text's date when it is the same moment on the page's
    clock: one day off a UTC time stamp (or one without a time zone), in the direction the time of day
    allows. Never a day that ``others`` (the page's other dates: its updated stamp) states."""
    stated = next((iso for iso in map(iso_date, raw_values) if iso is not None and iso[:4] > _NO_DATE), None)
    if stated is None:
        return parsed
    if parsed is not None and _local_day_of(stated, parsed):
        other_days = {iso[:10] for iso in map(iso_date, others) if iso is not None}
        if parsed[:10] not in other_days:
            return parsed  # the same moment on the page's clock: the page prints its local day
    return stated


_NO_DATE = "1970"  # the year of an empty time stamp (1970-01-01, 0001-01-01): a template's default, no date


def _local_day_of(stated: str, parsed: str) -> bool:
    """Could ``parsed`` be the local day of the moment ``stated``? A stamp with a time zone other than UTC is
    the local time already; a UTC time of day T is the previous day west of UTC only before noon (zones reach
    12 hours back), the next day east only from 10:00 (14 hours ahead)."""
    shift = _day(parsed) - _day(stated)
    if abs(shift) != 1:
        return False
    try:
        stamp = datetime.fromisoformat(stated)
    except ValueError:
        return True
    offset = stamp.utcoffset()
    if len(stated) <= 10 or offset is None:
        return True  # a day or a time of unknown zone
    if offset:
        return False
    return stamp.hour < 12 if shift < 0 else stamp.hour >= 10


def _day(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0
