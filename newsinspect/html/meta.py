"""The metadata a page states about itself: <title>, Open Graph and other <meta> tags, JSON-LD, <h1>, <time>.

Values are collected as the page gives them, most trusted source first; ``combine`` decides how far to
believe them against the reading of the rendered text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsinspect.lexicon import table

# schema.org types whose headline, author and dates describe the article itself
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report)$")


@cache
def _keys(field: str) -> tuple[str, ...]:
    """The <meta> keys for ``field``, most trusted first (lexicon table ``page_meta_keys``)."""
    return tuple(table("page_meta_keys")[field].split())


@dataclass(frozen=True)
class PageMeta:
    """What the page says about its article; every tuple is ordered most trusted first."""

    titles: tuple[str, ...] = ()  # JSON-LD headline, og:title, twitter:title …, then <title>
    headings: tuple[str, ...] = ()  # the texts of the <h1> elements
    authors: tuple[str, ...] = ()  # raw author values (may hold several names, "By …", URLs)
    published: tuple[str, ...] = ()  # raw date values
    updated: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()  # og:site_name, the JSON-LD publisher: never a headline or author
    url: str | None = None  # the canonical URL, when the page names one
    url_date: str | None = None  # the date in the canonical URL's path ("/2022/02/08/"), as YYYY-MM-DD
    # the first <time datetime> of the page when none is marked as the publication: a last resort only,
    # as it may be the clock in a header, a related story's or a comment's time
    first_time: str | None = None


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _meta_values(tree: Any) -> dict[str, list[str]]:
    """Every <meta> content by lower-cased name, property and itemprop, in document order."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = " ".join((meta.get("content") or "").split())
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


def _microdata(tree: Any) -> dict[str, list[str]]:
    """The values of schema.org microdata on elements other than <meta> (``itemprop="author"``, …), by
    lower-cased property: an item's ``name`` for an item (a Person), else the ``content`` or ``datetime``
    attribute, else the element's text."""
    values: dict[str, list[str]] = {}
    for element in tree.xpath("//*[@itemprop][not(self::meta)]"):
        key = str(element.get("itemprop")).strip().lower()
        if key not in _MICRODATA_KEYS:
            continue
        value = element.get("content") or element.get("datetime")
        if value is None and element.get("itemscope") is not None:
            names = element.xpath(".//*[@itemprop='name']")
            value = (names[0].get("content") or _text(names[0])) if names else None
        elif value is None:
            value = _text(element)
        if value and value.strip():
            values.setdefault(key, []).append(" ".join(value.split()))
    return values


_MICRODATA_KEYS = frozenset({"author", "creator", "datepublished", "datemodified", "headline"})


def _rel_authors(tree: Any) -> list[str]:
    """The texts of links marked ``rel="author"`` (HTML's own way to link an article to its writer)."""
    found = tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")
    return [_text(link) for link in found if _text(link)]


# A date in a URL's path: "/2022/02/08/", "/2022-02-08-", "/20220208/".
_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_date(url: str | None) -> str | None:
    """The date a URL's path holds, as YYYY-MM-DD, when it holds one."""
    found = _URL_DATE.search(url.split("?", 1)[0]) if url else None
    return f"{found.group(1)}-{found.group(3)}-{found.group(4)}" if found else None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks, lists and @graph flattened."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text.strip()
        if raw.startswith("<!--") or raw.startswith("/*<![CDATA[*/"):
            raw = raw.split(">", 1)[-1] if raw.startswith("<!--") else raw[len("/*<![CDATA[*/") :]
        data = _loads(raw.rstrip("-> \n;").removesuffix("/*]]>*/"))
        if data is not None:
            yield from _objects(data, depth=0)


# A comma before a closing bracket: hand-written and templated JSON-LD has them, and JSON does not allow them.
_TRAILING_COMMA = re.compile(r",\s*(?=[}\]])")


def _loads(raw: str) -> Any:
    """The JSON value of a block, read again without trailing commas when it does not parse; None when it
    still does not."""
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub("", raw), strict=False)
    except ValueError:
        return None


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:  # deeper nesting is not metadata about this page
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)] if kind else []


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The names in a JSON-LD author value: a string, a Person, an @id reference, or a list of them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _names(item, by_id)
    elif isinstance(value, dict):
        target = by_id.get(str(value.get("@id")), value) if "name" not in value else value
        name = target.get("name")
        if isinstance(name, str):
            yield name


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        yield from _strings(value.get("@id") or value.get("url"))


def read_meta(tree: Any) -> PageMeta:
    """The metadata of a parsed lxml document."""
    metas = _meta_values(tree)
    objects = list(_json_ld(tree))
    by_id = {str(obj["@id"]): obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if any(_ARTICLE_TYPE.search(kind) for kind in _types(obj))]

    titles: list[str] = []
    authors: list[str] = []
    published: list[str] = []
    updated: list[str] = []
    sites: list[str] = []
    urls: list[str] = []
    for article in articles:
        titles += list(_strings(article.get("headline"))) or list(_strings(article.get("name")))
        authors += _names(article.get("author"), by_id)
        published += _strings(article.get("datePublished"))
        updated += _strings(article.get("dateModified"))
        sites += _names(article.get("publisher"), by_id)
        urls += list(_strings(article.get("url"))) or list(_strings(article.get("mainEntityOfPage")))
    for obj in objects:
        if "WebSite" in _types(obj) and isinstance(obj.get("name"), str):
            sites.append(obj["name"])

    def meta(keys: tuple[str, ...]) -> list[str]:
        return [value for key in keys for value in metas.get(key, ())]

    micro = _microdata(tree)
    titles += meta(_keys("title")) + micro.get("headline", [])
    title = next(tree.iter("title"), None)
    if title is not None and _text(title):
        titles.append(_text(title))
    authors += meta(_keys("author")) + micro.get("author", []) + micro.get("creator", []) + _rel_authors(tree)
    published += meta(_keys("published")) + micro.get("datepublished", [])
    updated += meta(_keys("updated")) + micro.get("datemodified", [])
    times = [t for t in tree.iter("time") if (t.get("datetime") or "").strip()]
    published += [str(t.get("datetime")).strip() for t in times if _marks_publication(t)]
    canonical = [str(link.get("href") or "").strip() for link in tree.iter("link") if _is_canonical(link)]
    url = next(
        (u for u in canonical + meta(_keys("url")) + urls if u.startswith(("http://", "https://"))), None
    )
    return PageMeta(
        titles=_unique(titles),
        headings=_unique([_text(h1) for h1 in tree.iter("h1")]),
        authors=_unique(authors),
        published=_unique(published),
        updated=_unique(updated),
        site_names=_unique(sites + meta(_keys("site"))),
        url=url,
        url_date=url_date(url),
        first_time=str(times[0].get("datetime")).strip() if times else None,
    )


def _marks_publication(time: Any) -> bool:
    """A <time> the page marks as its publication: ``pubdate``, ``itemprop="datePublished"`` or a
    ``published`` class (WordPress themes write ``class="entry-date published"``)."""
    marked = time.get("pubdate") is not None or time.get("itemprop") == "datePublished"
    return marked or "published" in (time.get("class") or "").lower().split()


def _is_canonical(link: Any) -> bool:
    return "canonical" in (link.get("rel") or "").lower().split()


def _unique(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(str(value).split())
        if value:
            seen.setdefault(value, None)
    return tuple(seen)
