"""Put text from the data into Markdown so that it is shown, never interpreted.

Every value a template prints goes through ``escape`` unless it is ``Markup``,
which only this package's own helpers produce: a ``<script>`` or a
``[link](javascript:…)`` typed into a YAML field reaches the reader as text.
"""

from __future__ import annotations

import html
import posixpath
import re

import markdown
from markupsafe import Markup

# Python-Markdown's escapable characters, plus '|' which the tables extension adds.
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def escape(value: object) -> Markup:
    """Escape a data value for Markdown: HTML first, then Markdown syntax; whitespace folded.

    Runs of whitespace become one space but a single space at either end stays:
    templates print separators such as ``"; "`` through here too.
    """
    if isinstance(value, Markup):
        return value
    text = re.sub(r"\s+", " ", str(value))
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)))


def html_id(value: str) -> Markup:
    """An element id, checked rather than escaped: ids are written inside ``{: #…}``."""
    if not _ID.fullmatch(value):
        raise ValueError(f"not a safe id: {value!r}")
    return Markup(value)


def link(label: object, from_page: str, to_page: str, anchor: str | None = None) -> Markup:
    """A Markdown link between two pages of the site, given as docs-relative ``.md`` paths.

    MkDocs checks and rewrites such links, so a broken one fails the build.
    """
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    if anchor:
        target += "#" + anchor
    return Markup(f"[{escape(label)}]({target})")


def inline_html(text: str) -> str:
    """One line of Markdown (such as a page title made of escaped data) as inline HTML."""
    return markdown.markdown(text).removeprefix("<p>").removesuffix("</p>")
