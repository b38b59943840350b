"""The article body: paragraphs and headings (clutter, captions and header lines left out)."""

from __future__ import annotations

from newsinspect.model import Caption, Paragraph, ParagraphKind
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import is_clutter, is_end_marker
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern, word_count
from newsinspect.parse.title import is_title_case

_FOOTER_WORDS = 3
_OPENING_WORDS = 20  # before the first paragraph, shorter lines that end no sentence may be furniture
_OPENING_SHORT = 5
_CAPTION_OWNER_WORDS = 40
_ENDS_SENTENCE = LazyPattern(r"[.!?…][\"”’')\]]*$")


def body_blocks(
    lines: list[Line],
    title: Line | None,
    dek: Line | None,
    meta_lines: set[int],
    outside: set[int] | None = None,
    last_para: int = -1,
) -> tuple[list[Paragraph], list[Caption]]:
    """Paragraphs and captions after the title (and dek), skipping the header lines in ``meta_lines``.

    ``outside`` holds the lines the layout model puts outside the article (menus, related boxes, footers):
    they are skipped wherever they are, and an end marker ("Most Popular") ends the article only when
    the model labels no line after it a paragraph (``last_para``: the last one it does); before that, it
    opens a box of links, skipped up to the next line of prose.
    """
    first = title.index + 1 if title else 0
    skip = set(meta_lines)
    if dek:
        skip.add(dek.index)
        first = max(first, dek.index + 1) if dek.index - first < 3 else first
    title_text = title.text if title else None
    kept: list[Line] = []
    captions: list[Caption] = []
    seen_paragraph = False
    skipped: Line | None = None  # the last opening line left out as furniture: it may own a credit
    in_box = False
    for line in lines[first:]:
        text = line.clean
        if in_box:
            if not is_sentence(text):
                continue
            in_box = False
        if line.index in skip or text == title_text or is_clutter(text):
            ends = seen_paragraph and len(text) < 60 and is_end_marker(text) and len(kept) >= 2
            if ends and line.index >= last_para:
                break
            in_box = ends
            continue
        credit = credit_only(line.text)
        if credit:
            # a bare credit line belongs to the caption line right above it, if there is one
            above = kept[-1] if kept else skipped
            if (
                above is not None
                and above.index == line.index - 1
                and word_count(above.text) < _CAPTION_OWNER_WORDS
            ):
                if kept and above is kept[-1]:
                    kept.pop()
                captions.append(Caption(above.text, credit, above.start, above.end))
            else:
                captions.append(Caption(line.text, credit, line.start, line.end))
            continue
        caption = match_caption(line.text)
        if caption:
            captions.append(
                Caption(
                    line.text[caption.text_start : caption.text_end],
                    caption.credit,
                    line.start + caption.text_start,
                    line.start + caption.text_end,
                )
            )
            continue
        if outside is not None and line.index in outside:
            continue
        if not seen_paragraph:
            if _opening_furniture(text):
                skipped = line
                continue  # furniture between the header and the first real paragraph
            seen_paragraph = True
        kept.append(line)
    while (
        kept
        and word_count(kept[-1].text) <= _FOOTER_WORDS
        and not _ENDS_SENTENCE.compiled.search(kept[-1].text)
    ):
        kept.pop()  # a section name or link label after the last paragraph ("Lifestyle")
    paragraphs: list[Paragraph] = []
    for pos, line in enumerate(kept):
        follows = pos + 1 < len(kept)
        kind: ParagraphKind = "heading" if follows and is_heading(line.clean) else "paragraph"
        paragraphs.append(Paragraph(line.text, kind, line.start, line.end))
    return paragraphs, captions


_SENTENCE_WORDS = 6
_PROSE_WORDS = 10


def is_sentence(text: str) -> bool:
    """A line that reads as prose: a few words ending with a full stop, ! or ?, or a long line."""
    words = word_count(text)
    if words >= _PROSE_WORDS:
        return True
    return words >= _SENTENCE_WORDS and _ENDS_SENTENCE.compiled.search(text) is not None


def _opening_furniture(text: str) -> bool:
    """Before the first paragraph: a very short line, or a title-case teaser or menu line, not a sentence."""
    if text.rstrip('”"’').endswith((".", "!", "?")):
        return False
    words = word_count(text)
    return words < _OPENING_SHORT or (words < _OPENING_WORDS and is_title_case(text))
