"""Hostile HTML pages for bench_adversarial.py: each builder makes a page of about ``size`` bytes whose bulk
is one shape (markup the renderer lays out, metadata the page reader weighs, parser corner cases)."""

from __future__ import annotations

import json
from collections.abc import Callable

SENTENCE = "The ferry from Port Alder was late again, said Ilse Brannock. "
HEAD = (
    "<!DOCTYPE html><html><head><title>Ferry late again</title></head><body>"
    "<h1>Ferry late again</h1><p>The ferry from Port Alder was late again, said Ilse Brannock. "
    "“It is late,” she said.</p>\n"
)
TAIL = "<p>And the end.</p></body></html>\n"


def times(piece: str, size: int) -> int:
    return max(1, size // len(piece.encode("utf-8")))


def body(piece: str) -> Callable[[int], str]:
    """``piece`` repeated in the page's body."""
    return lambda size: HEAD + piece * times(piece, size) + TAIL


def head(piece: str) -> Callable[[int], str]:
    """``piece`` repeated in the page's <head> (metadata)."""
    return lambda size: HEAD.replace("</head>", piece * times(piece, size) + "</head>") + TAIL


def wrapped(opening: str, piece: str, closing: str) -> Callable[[int], str]:
    """One element holding ``piece`` repeated."""
    return lambda size: HEAD + opening + piece * times(piece, size) + closing + TAIL


def nested(opening: str, closing: str, depth: int, inner: str) -> Callable[[int], str]:
    """Blocks nested ``depth`` deep around ``inner``, repeated."""
    block = opening * depth + inner + closing * depth
    return body(block)


def json_ld(build: Callable[[int], object]) -> Callable[[int], str]:
    def page(size: int) -> str:
        data = json.dumps(build(size))
        script = f'<script type="application/ld+json">{data}</script>'
        return HEAD.replace("</head>", script + "</head>") + TAIL

    return page


def _graph(size: int) -> object:
    item = {"@type": "NewsArticle", "headline": "Ferry late again", "author": {"@id": "#jo"}}
    return {"@graph": [dict(item, **{"@id": f"#a{i}"}) for i in range(size // 90)]}


def _authors(size: int) -> object:
    people = [{"@type": "Person", "name": f"Jo Roe{i}"} for i in range(size // 40)]
    return {"@type": "NewsArticle", "headline": "Ferry late again", "author": people}


def _deep_json_page(size: int) -> str:
    depth = size // 2
    script = f'<script type="application/ld+json">{"[" * depth}{"]" * depth}</script>'
    return HEAD.replace("</head>", script + "</head>") + TAIL


def _long_body(size: int) -> object:
    return {"@type": "NewsArticle", "headline": "Ferry late again", "articleBody": SENTENCE * (size // 63)}


def _one_line(size: int) -> str:
    return (HEAD + f"<p>{SENTENCE}</p>" * times(f"<p>{SENTENCE}</p>", size) + TAIL).replace("\n", " ")


def _wide_rows(size: int) -> str:
    row = f"<tr><td>{SENTENCE * 4}</td><td>{SENTENCE * 4}</td></tr>"
    return HEAD + "<table>" + row * times(row, size) + "</table>" + TAIL


def _unclosed_comment(size: int) -> str:
    return HEAD + "<!-- " + f"<p>{SENTENCE}</p>" * times(f"<p>{SENTENCE}</p>", size)


def _unclosed_attribute(size: int) -> str:
    return HEAD + '<p class="' + SENTENCE * times(SENTENCE, size)


def _title_separators(size: int) -> str:
    return HEAD.replace("<title>Ferry late again", "<title>" + "Ferry late | " * times("Ferry late | ", size))


def _og_title_separators(size: int) -> str:
    content = "Ferry late - " * times("Ferry late - ", size)
    return HEAD.replace("</head>", f'<meta property="og:title" content="{content}"></head>') + TAIL


def _base64_image(size: int) -> str:
    return HEAD + '<p><img src="data:image/png;base64,' + "QUJD" * times("QUJD", size) + '"></p>' + TAIL


def _svg(size: int) -> str:
    path = "L 10 20 "
    return HEAD + '<svg><path d="M 0 0 ' + path * times(path, size) + '"/></svg>' + TAIL


P = f"<p>{SENTENCE}</p>\n"
# name -> builder(size in bytes)
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "HTML many paragraphs": body(P),
    "HTML one enormous line": _one_line,
    "HTML table, many rows": wrapped("<table>", "<tr><td>Alder</td><td>12:30</td></tr>\n", "</table>"),
    "HTML table, many columns": wrapped("<table><tr>", "<td>Alder</td>", "</tr></table>"),
    "HTML table, wide cells": _wide_rows,
    "HTML table, one long cell": wrapped("<table><tr><td>", SENTENCE, "</td></tr></table>"),
    "HTML colspan=1000": wrapped("<table>", '<tr><td colspan="1000">Alder</td></tr>', "</table>"),
    "HTML rowspan=1000": wrapped("<table>", '<tr><td rowspan="1000">Alder</td><td>x</td></tr>', "</table>"),
    "HTML colspan 65534 x 8": wrapped("<table>", '<tr><td colspan="65534">Alder</td></tr>', "</table>"),
    "HTML nested tables 80 deep": nested("<table><tr><td>", "</td></tr></table>", 80, "Alder"),
    "HTML divs 240 deep": nested("<div>", "</div>", 240, SENTENCE),
    "HTML lists 120 deep": nested("<ul><li>", "</li></ul>", 120, SENTENCE),
    "HTML blockquotes 200 deep": nested("<blockquote>", "</blockquote>", 200, SENTENCE),
    "HTML one long <pre>": wrapped("<pre>", SENTENCE + "\n", "</pre>"),
    "HTML <pre> one line": wrapped("<pre>", SENTENCE, "</pre>"),
    "HTML huge attribute value": lambda size: HEAD + f'<p title="{"a" * size}">Alder</p>' + TAIL,
    "HTML many <meta> authors": head('<meta name="author" content="Jo Roe, Al Ek">\n'),
    "HTML one huge <meta> author": lambda size: (
        HEAD.replace("</head>", f'<meta name="author" content="{"Jo Roe and " * (size // 11)}"></head>')
        + TAIL
    ),
    "HTML JSON-LD many authors, long text": lambda size: json_ld(_authors)(size // 2).replace(
        "<p>And the end.</p>", P * times(P, size // 2)
    ),
    "HTML many <meta> og:title": head('<meta property="og:title" content="Ferry late | Rail Review">\n'),
    "HTML many <time>": body('<time datetime="2024-02-03T10:00:00Z">3 Feb</time> '),
    "HTML many pubdate <time>": body('<time pubdate datetime="2024-02-03">3 Feb</time> '),
    "HTML many <h1>": body("<h1>Ferry late again today</h1>\n"),
    "HTML many <h1> cut short": body("<h1>The ferry from Port Alder was late again and…</h1>\n"),
    "HTML many rel=author links": body('<a rel="author" href="/jo">Jo Roe</a> '),
    "HTML many itemprop author": body('<span itemprop="author">Jo Roe</span> '),
    "HTML many itemscope authors": body(
        '<div itemprop="author" itemscope><span itemprop="name">Jo Roe</span></div>'
    ),
    "HTML <title> of separators": _title_separators,
    "HTML og:title of separators": _og_title_separators,
    "HTML giant JSON-LD articleBody": json_ld(_long_body),
    "HTML JSON-LD @graph items": json_ld(_graph),
    "HTML JSON-LD many authors": json_ld(_authors),
    "HTML JSON-LD nested [[[…]]]": _deep_json_page,
    "HTML many <script> blocks": body("<script>var a = 1;</script>"),
    "HTML many <style> blocks": body("<style>p { color: red }</style>"),
    "HTML unclosed comment": _unclosed_comment,
    "HTML unclosed attribute": _unclosed_attribute,
    "HTML entities &amp;": wrapped("<p>", "&amp; ", "</p>"),
    "HTML numeric entities": wrapped("<p>", "&#8220;&#x201d; ", "</p>"),
    "HTML many <br>": wrapped("<p>", "Alder<br>", "</p>"),
    "HTML inline tags": wrapped("<p>", "<b>Al</b><i>der</i> ", "</p>"),
    "HTML many links": wrapped("<p>", '<a href="/x">Alder</a> ', "</p>"),
    "HTML base64 image": _base64_image,
    "HTML inline SVG path": _svg,
    "HTML empty elements": body("<span></span>"),
}
