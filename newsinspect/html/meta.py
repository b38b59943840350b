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
from itertools import islice
from typing import Any

from newsinspect.lexicon import table, words

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
    # the texts of links to the site's home page (its logo, "Home"): the site's name, never a headline
    home_links: tuple[str, ...] = ()
    # the first <time datetime> of the page when none is marked as the publication: a last resort only,
    # as it may be the clock in a header, a related story's or a comment's time
    first_time: str | None = None


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _meta_values(tree: Any) -> dict[str, list[str]]:
    """Every <meta> content by lower-cased name, property and itemprop, in document order."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = _unescape(" ".join((meta.get("content") or "").split()))
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
    attribute, else the element's text. Only the first article item's values when the page marks an article
    item: the story cards of a related-stories list are articles too, with their own authors."""
    values: dict[str, list[str]] = {}
    scope = next(
        (
            item
            for item in tree.xpath("//*[@itemscope][@itemtype]")
            if _ARTICLE_TYPE.search(item.get("itemtype").strip())
        ),
        tree,
    )
    for element in scope.xpath(".//*[@itemprop][not(self::meta)]"):
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


def _home_links(tree: Any, url: str | None) -> list[str]:
    """The texts (or image descriptions) of the links to the site's front page: "/", or the root of the
    page's own host. A logo is such a link, and it names the site."""
    roots = {"/"}
    if url is not None:
        host = url.split("://", 1)[-1].split("/", 1)[0]
        roots |= {f"{scheme}://{host}/" for scheme in ("http", "https")}
    found = []
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href.rstrip("/") + "/" not in roots:
            continue
        text = _text(link) or " ".join(str(img.get("alt") or "") for img in link.iter("img")).strip()
        if text:
            found.append(text)
        if len(found) >= _MAX_HOME_LINKS:
            break
    return found


_MAX_HOME_LINKS = 8


# A date in a URL's path: "/2022/02/08/", "/2022-02-08-", "/20220208/".
_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_date(url: str | None) -> str | None:
    """The date a URL's path holds, as YYYY-MM-DD, when it holds one."""
    found = _URL_DATE.search(url.split("?", 1)[0]) if url else None
    return f"{found.group(1)}-{found.group(3)}-{found.group(4)}" if found else None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks, lists, @graph and mainEntity flattened."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        for data in _values(script.text):
            yield from _objects(data, depth=0)


# What a block may hold around its JSON: an HTML comment or a CDATA section ("<!--", "//<![CDATA[", "-->",
# "/*]]>*/"), and a semicolon.
_WRAPPERS = ("<!--", "-->", "<![CDATA[", "]]>", "//", "/*", "*/", ";")


def _unwrapped(raw: str) -> str:
    text = raw.strip()
    for _ in range(_MAX_WRAPPERS):
        before = text
        for wrapper in _WRAPPERS:
            text = text.removeprefix(wrapper).removesuffix(wrapper).strip()
        if text == before:
            break
    return text


_MAX_WRAPPERS = 8


def _values(raw: str) -> Iterator[Any]:
    """The JSON values of a block: what lies before its first bracket and after its last is wrapping, not
    JSON; a block may hold several values one after another (templates that write one object per plugin)."""
    text = _unwrapped(raw)
    whole = _loads(text)
    if whole is not None:
        yield whole
        return
    decoder = json.JSONDecoder(strict=False)
    position = 0
    for _ in range(_MAX_VALUES):
        try:
            value, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):
            return
        yield value
        position = end
        while position < len(text) and text[position] in " \t\r\n,;":
            position += 1
        if position >= len(text):
            return


_MAX_VALUES = 16  # values one block is read for: a page states its article in one or two


# A comma before a closing bracket: hand-written and templated JSON-LD has them, and JSON does not allow them.
_TRAILING_COMMA = re.compile(r",\s*(?=[}\]])")


def _loads(raw: str) -> Any:
    """The JSON value of a block, read again without trailing commas when it does not parse; None when it
    still does not, or nests deeper than Python's recursion limit (``[[[…]]]``: no metadata is that deep)."""
    try:
        return json.loads(raw, strict=False)
    except RecursionError:
        return None
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub("", raw), strict=False)
    except (ValueError, RecursionError):
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
        # a WebPage whose main entity is the article ("mainEntity": {"@type": "NewsArticle", …})
        yield from _objects(data.get("mainEntity"), depth + 1)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)] if kind else []


def _names(value: Any, by_id: dict[str, dict[str, Any]], people_only: bool = False) -> Iterator[str]:
    """The names in a JSON-LD author value: a string, a Person, an @id reference, or a list of them; a
    Person's name may itself be a list. With ``people_only``, an Organization's name only when it is a news
    agency (an author of that type is otherwise the outlet or its desk, no writer)."""
    if isinstance(value, str):
        yield _unescape(value)
    elif isinstance(value, list):
        for item in value[:_MAX_NAMES]:
            yield from _names(item, by_id, people_only)
    elif isinstance(value, dict):
        target = by_id.get(str(value.get("@id")), value) if "name" not in value else value
        names = [name for name in _strings(target.get("name")) if isinstance(name, str)]
        if not names and isinstance(target.get("familyName"), str):  # a Person given in parts
            names = [" ".join(str(target.get(part) or "") for part in ("givenName", "familyName")).strip()]
        if people_only and _is_organisation(target):
            names = [name for name in names if _is_agency(name)]
        yield from names[:_MAX_NAMES]


_MAX_NAMES = 32  # a byline names a handful


def _is_organisation(obj: dict[str, Any]) -> bool:
    return any(kind.rsplit("/", 1)[-1] in _ORGANISATIONS for kind in _types(obj)) and not any(
        kind.rsplit("/", 1)[-1] == "Person" for kind in _types(obj)
    )


_ORGANISATIONS = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness"})


def _is_agency(name: str) -> bool:
    return " ".join(name.split()).casefold().removeprefix("the ") in words("news_agencies")


def _strings(value: Any) -> Iterator[str]:
    """The strings of a JSON-LD value, character references decoded (templates write "&#8217;" into JSON);
    a number is a time stamp (seconds or milliseconds since 1970)."""
    if isinstance(value, str):
        yield _unescape(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(int(value))
    elif isinstance(value, list):
        for item in value[:_MAX_NAMES]:
            yield from _strings(item)
    elif isinstance(value, dict):
        yield from _strings(value.get("@id") or value.get("url"))


def _unescape(value: str) -> str:
    """``value`` with character references decoded and tags dropped: JSON-LD is no HTML (a template may write
    "&#8217;" or a whole link, "<a href=…>Ann Lee</a>", into a name), and a template that escapes twice
    leaves "&#8217;" in a <meta> value."""
    if "<" in value:
        value = _TAG.sub("", value)
    if "&" not in value or _REFERENCE.search(value) is None:
        return value
    import html

    return html.unescape(value)


_TAG = re.compile(r"<[^<>]*>")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def read_meta(tree: Any) -> PageMeta:
    """The metadata of a parsed lxml document."""
    metas = _meta_values(tree)
    objects = list(_json_ld(tree))
    by_id = {str(obj["@id"]): obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = _main_article(
        [obj for obj in objects if any(_ARTICLE_TYPE.search(kind) for kind in _types(obj))], tree, metas
    )
    # a page that marks no article may state the same fields on its WebPage: read after the <meta> tags
    pages = [obj for obj in objects if any(kind.rsplit("/", 1)[-1] in _PAGE_TYPES for kind in _types(obj))]

    titles: list[str] = []
    authors: list[str] = []
    published: list[str] = []
    updated: list[str] = []
    sites: list[str] = []
    urls: list[str] = []
    for article in articles:
        titles += list(_strings(article.get("headline"))) or list(_strings(article.get("name")))
        authors += list(_names(article.get("author"), by_id, people_only=True)) or list(
            _names(article.get("creator"), by_id, people_only=True)
        )
        published += list(_strings(article.get("datePublished"))) or list(
            _strings(article.get("dateCreated"))
        )
        updated += _strings(article.get("dateModified"))
        sites += _names(article.get("publisher"), by_id)
        urls += list(_strings(article.get("url"))) or list(_strings(article.get("mainEntityOfPage")))
    for obj in objects:
        if "WebSite" in _types(obj) and isinstance(obj.get("name"), str):
            sites.append(obj["name"])
        elif (
            _is_organisation(obj)
            and obj.get("@id")
            and any(_refers_to(article.get("publisher"), obj["@id"]) for article in articles)
        ):
            sites += _strings(obj.get("name"))

    def meta(keys: tuple[str, ...]) -> list[str]:
        return [value for key in keys for value in metas.get(key, ())]

    micro = _microdata(tree)
    titles += meta(_keys("title")) + micro.get("headline", [])
    # (the page's <title>, not an icon's: an <svg> holds a <title> of its own)
    title = next((t for t in tree.iter("title") if not any(a.tag == "svg" for a in t.iterancestors())), None)
    if title is not None and _text(title):
        titles.append(_unescape(_text(title)))
    authors += meta(_keys("author")) + micro.get("author", []) + micro.get("creator", []) + _rel_authors(tree)
    published += meta(_keys("published")) + micro.get("datepublished", [])
    updated += meta(_keys("updated")) + micro.get("datemodified", [])
    for page in pages:
        urls += _strings(page.get("url"))
        authors += _names(page.get("author"), by_id, people_only=True)
        published += _strings(page.get("datePublished"))
        updated += _strings(page.get("dateModified"))
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
        home_links=_unique(_home_links(tree, url)),
        url=url,
        url_date=url_date(url),
        first_time=str(times[0].get("datetime")).strip() if times else None,
    )


_PAGE_TYPES = frozenset({"WebPage", "ItemPage"})


def _refers_to(value: Any, identifier: str) -> bool:
    return isinstance(value, dict) and value.get("@id") == identifier


def _main_article(
    articles: list[dict[str, Any]], tree: Any, metas: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """The page's own article among its JSON-LD articles (a page may describe its related stories too): the
    first whose headline is the page's title or one of its <h1>, else the first; with any other object
    under the same headline (a page may state one article twice)."""
    if len(articles) < 2:
        return articles

    def headline(obj: dict[str, Any]) -> str:
        return " ".join(next(_strings(obj.get("headline") or obj.get("name")), "").split()).casefold()

    page_titles = [" ".join(t.split()).casefold() for t in metas.get("og:title", [])[:_MAX_MAIN]]
    page_titles += [
        " ".join(_text(e).split()).casefold() for e in islice(tree.iter("h1", "title"), _MAX_MAIN)
    ]
    main = next(
        (
            obj
            for obj in articles[:_MAX_MAIN]
            if (h := headline(obj)) and any(h in title for title in page_titles)
        ),
        articles[0],
    )
    return [obj for obj in articles if obj is main or headline(obj) == headline(main)]


_MAX_MAIN = 16  # articles, and titles and <h1> to match them with: a page states its own among the first


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
