"""The article data model: frozen dataclasses whose field order is the JSON contract's order.

Every offset is a Unicode code-point offset into the decoded text (BOM removed), so
``text[start:end]`` is exactly the span. ``to_dict()`` produces plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

SCHEMA_VERSION = 1

ParagraphKind = Literal["paragraph", "heading"]
QuoteKind = Literal["full", "partial", "headline"]


def plain(value: Any) -> Any:
    """Turn dataclasses, tuples and nested values into JSON-ready dicts and lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}


class _Serializable:
    """Mixin: ``to_dict()`` in dataclass field order, skipping fields marked ``json=False``."""

    def to_dict(self) -> dict[str, Any]:
        return {name: plain(getattr(self, name)) for name in self._json_names()}

    def shallow_dict(self) -> dict[str, Any]:
        """``to_dict`` with the values as they are: ``plain`` of each value is its JSON value."""
        return {name: getattr(self, name) for name in self._json_names()}

    def _json_names(self) -> tuple[str, ...]:
        names = _JSON_FIELDS.get(type(self))
        if names is None:  # worked out once per class: dataclasses.fields() is slow on the hot path
            names = tuple(f.name for f in fields(self) if f.metadata.get("json", True))  # type: ignore[arg-type]
            _JSON_FIELDS[type(self)] = names
        return names


def internal(default: Any = None) -> Any:
    """A field the library uses but the JSON contract does not carry."""
    return field(default=default, metadata={"json": False}, compare=False, repr=False)


@dataclass(frozen=True)
class Span(_Serializable):
    """A piece of the decoded text."""

    text: str
    start: int
    end: int

    # Written out, where the dataclass would make it: compiled, the generated ``__init__`` of a frozen
    # dataclass stays interpreted Python (350 ns a Span), while this one stores the fields directly (20 ns).
    # The entity engine makes a Span per mention.
    def __init__(self, text: str, start: int, end: int) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


@dataclass(frozen=True)
class Caption(_Serializable):
    """A photo caption and its credit; ``start``/``end`` cover the caption text."""

    text: str
    credit: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph(_Serializable):
    text: str
    kind: ParagraphKind
    start: int
    end: int


@dataclass(frozen=True)
class Stats(_Serializable):
    words: int
    paragraphs: int
    sentences: int
    reading_minutes: float


@dataclass(frozen=True)
class Quote(_Serializable):
    """A quotation with its attribution.

    ``paragraph`` is None for a quote in the headline (kind ``headline``).
    ``source`` is a publication or channel the quote is credited through
    ("according to The Moscow Times"), never the speaker.
    """

    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_mention: Span | None
    role: str | None
    cue: str | None
    source: str | None
    paragraph: int | None
    start: int
    end: int


@dataclass(frozen=True)
class Entity(_Serializable):
    name: str
    type: str
    count: int
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    quotes: int = 0  # quotes credited to the entity (filled in by the pipeline when it finds quotes)

    # Written out for speed, as ``Span.__init__`` is (760 ns against some 40, compiled).
    def __init__(
        self,
        name: str,
        type: str,
        count: int,
        aliases: tuple[str, ...],
        mentions: tuple[Span, ...],
        quotes: int = 0,
    ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "aliases", aliases)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "quotes", quotes)


@dataclass(frozen=True)
class Article(_Serializable):
    """What the parser finds in one dump. Quotes and entities are filled in by the analysers."""

    title: str | None
    subtitle: str | None
    authors: tuple[str, ...]
    published: str | None
    updated: str | None
    dateline: str | None
    captions: tuple[Caption, ...]
    paragraphs: tuple[Paragraph, ...]
    stats: Stats
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = ()
    # The decoded text every offset points into, and where the title sits in it.
    text: str = internal("")
    title_span: tuple[int, int] | None = internal(None)
    # What the input was ("text" or "html") and the canonical URL an HTML page names (else None): the
    # record carries them next to ``file`` (see Record.to_dict).
    format: str = internal("text")
    url: str | None = internal(None)

    def with_analysis(
        self,
        *,
        quotes: tuple[Quote, ...] | None = None,
        entities: tuple[Entity, ...] | None = None,
        warnings: tuple[str, ...] = (),
    ) -> Article:
        """A copy with analyser results (and their warnings) added."""
        return replace(
            self,
            quotes=self.quotes if quotes is None else quotes,
            entities=self.entities if entities is None else entities,
            warnings=self.warnings + warnings,
        )

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph holding ``offset``, or None (title, caption, clutter)."""
        for index, paragraph in enumerate(self.paragraphs):
            if paragraph.start <= offset < paragraph.end:
                return index
        return None

    def body(self) -> tuple[Paragraph, ...]:
        """Paragraphs of kind ``paragraph`` (headings left out)."""
        return tuple(p for p in self.paragraphs if p.kind == "paragraph")


@dataclass(frozen=True)
class Record:
    """One line of JSON output: an article, or the error that stopped one input."""

    file: str
    article: Article | None = None
    error: str | None = None

    def to_dict(self, *, shallow: bool = False) -> dict[str, Any]:
        """The JSON object; ``shallow`` leaves the article's values as they are (``plain`` of each is its
        JSON value), for a writer that converts a long record a piece at a time."""
        head: dict[str, Any] = {"schema": SCHEMA_VERSION, "file": self.file}
        if self.article is None:
            head["error"] = self.error or "unknown error"
            return head
        head["format"] = self.article.format
        head["url"] = self.article.url
        return head | (self.article.shallow_dict() if shallow else self.article.to_dict())
