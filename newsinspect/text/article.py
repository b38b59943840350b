"""One article's text as the analysers read it, worked out once per article and only when first asked.

The pipeline makes one ``ArticleText`` per article and hands the same object to the entity engine and the
quote finder, so the segments and the lower-case word index are computed once, whoever asks first. The
capitalised runs are not kept: the entity engine reads them a segment (and a batch) at a time
(``text.runs.run_batches``).
"""

from __future__ import annotations

from newsinspect.model import Article
from newsinspect.text.runs import LowerWords, Segment, segment


def searched_spans(article: Article) -> list[tuple[int, int]]:
    """Title, captions (and their credits) and paragraphs, as ``(start, end)`` offsets into the text.

    A list, not a generator: compiled, a generator is an object and a call per item."""
    spans: list[tuple[int, int]] = []
    if article.title_span is not None:
        spans.append(article.title_span)
    text = article.text
    for caption in article.captions:
        spans.append((caption.start, caption.end))
        if caption.credit:
            # The credit ("Image: Jane Roe", "(Reuters)") follows its caption on the same line.
            line_end = text.find("\n", caption.end)
            found = text.find(caption.credit, caption.end, len(text) if line_end < 0 else line_end)
            if found >= 0:
                spans.append((found, found + len(caption.credit)))
    for paragraph in article.paragraphs:
        spans.append((paragraph.start, paragraph.end))
    return spans


class ArticleText:
    """The searched segments of an article and its lower-case words, each computed on first use and kept."""

    __slots__ = ("_lower", "_segments", "article", "text")

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self._segments: list[Segment] | None = None
        self._lower: LowerWords | None = None

    @property
    def segments(self) -> list[Segment]:
        """Title, captions, credits and paragraphs, each marked whether it is set in Title Case."""
        if self._segments is None:
            text = self.text
            self._segments = [segment(text, start, end) for start, end in searched_spans(self.article)]
        return self._segments

    @property
    def lower_words(self) -> LowerWords:
        """Whether a word is written in lower case somewhere in the article."""
        if self._lower is None:
            self._lower = LowerWords(self.text)
        return self._lower


def article_text(article: Article, shared: ArticleText | None) -> ArticleText:
    """``shared`` when it is the text layer of this very article, else a new one."""
    if shared is not None and shared.article is article:
        return shared
    return ArticleText(article)
