"""HTML pages: recognised by their content, rendered to text, and read for the metadata they carry.

Only ``detect`` is imported eagerly (a few regexes); rendering and metadata need lxml and inscriptis,
which ``newsinspect.html.page`` imports when a page actually arrives, so text input never pays for them.
"""

from __future__ import annotations

from newsinspect.html.detect import looks_like_html

__all__ = ["looks_like_html"]
