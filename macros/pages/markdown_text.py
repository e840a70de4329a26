"""Put text from the data into Markdown so that it is shown, never interpreted.

Every value a template prints goes through ``escape`` unless it is ``Markup``,
which only this package's own helpers produce: a ``<script>`` or a
``[link](javascript:…)`` typed into a YAML field reaches the reader as text.
Every link target goes through ``link_target``: a path or an anchor made of
data is percent-encoded, so that no character of it can end the link, open
an attribute list (``){ onmouseover=… }``) or start HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

import markdown
from markupsafe import Markup

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Characters that start Markdown anywhere in a line: emphasis, code, links and images
# ('!' and '(' only mean something after a '['), attribute lists, table cells, and '#',
# which would close a heading. Escaping only these keeps the pages fast to convert:
# every escape costs Python-Markdown as much as a link.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")
# What starts a block only at the start of a line: lists ("- ", "+ ", "1. "), and a
# line of "-" or "=" under a paragraph, which would make it a heading. Whitespace
# is folded, so a value can only begin a line, never hold the start of another.
_LINE_START = re.compile(r"^( ?)(?:([-+])|(=)|(\d+)\.)")


def _neutralise_line_start(match: re.Match[str]) -> str:
    space, marker, equals, number = match.groups()
    if marker:
        return f"{space}\\{marker}"
    if equals:
        return f"{space}&#61;"  # '=' has no backslash escape in Markdown
    return f"{space}{number}\\."


def escape(value: object) -> Markup:
    """Escape a data value for Markdown: HTML first, then Markdown syntax; whitespace folded.

    Runs of whitespace become one space but a single space at either end stays:
    templates print separators such as ``"; "`` through here too.
    """
    if isinstance(value, Markup):
        return value
    text = re.sub(r"\s+", " ", str(value))
    text = _INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))
    return Markup(_LINE_START.sub(_neutralise_line_start, text, count=1))


def html_id(value: str) -> Markup:
    """An element id, checked rather than escaped: ids are written inside ``{: #…}``."""
    if not _ID.fullmatch(value):
        raise ValueError(f"not a safe id: {value!r}")
    return Markup(value)


def link_target(path: str, anchor: str | None = None) -> Markup:
    """A relative link target (path, and anchor) as Markdown and HTML take it literally.

    Everything but letters, digits, ``-._~`` and the path's ``/`` is percent-encoded:
    brackets, quotes, ``<>``, ``{}``, spaces, ``#``, ``%``, ``:`` (no data can make a
    ``javascript:`` link) and line breaks all become ``%XX``.
    """
    target = quote(path, safe="/")
    if anchor:
        target += "#" + quote(anchor, safe="")
    return Markup(target)


def link(label: object, from_page: str | None, to_page: str, anchor: str | None = None) -> Markup:
    """A Markdown link between two pages of the site, given as docs-relative ``.md`` paths.

    MkDocs checks and rewrites such links, so a broken one fails the build. Without
    ``from_page``, the link is for Markdown that goes on several pages: ``place_links``
    makes it relative to each.
    """
    if from_page is None:
        # The encoded path has neither ")" nor "#": place_links finds it whole.
        target = _TO_BE_PLACED + link_target(to_page, anchor)
    else:
        target = link_target(_relative_path(to_page, posixpath.dirname(from_page) or "."), anchor)
    return Markup(f"[{escape(label)}]({target})")


# Marks the target of a link made for no page in particular. A control character: the data
# cannot hold one (``macros.data.characters`` refuses them), nor do the templates.
_TO_BE_PLACED = "\x1a"
_LINK_TO_BE_PLACED = re.compile(r"\]\(\x1a([^)#]*)")


def place_links(markdown: str, page: str) -> Markup:
    """``markdown``, rendered for no page in particular, with its links made relative to ``page``."""
    start = posixpath.dirname(page) or "."
    return Markup(_LINK_TO_BE_PLACED.sub(lambda match: "](" + _relative_path(match[1], start), markdown))


# One converter for every page's title: making a new one per title cost more than converting.
_TITLE_CONVERTER = markdown.Markdown()


@lru_cache(maxsize=4096)
def _relative_path(path: str, start: str) -> str:
    # Pages link to the same few pages thousands of times; relpath is slow (it asks for the working folder).
    return posixpath.relpath(path, start)


def inline_html(text: str) -> str:
    """One line of Markdown (such as a page title made of escaped data) as inline HTML."""
    return _TITLE_CONVERTER.reset().convert(text).removeprefix("<p>").removesuffix("</p>")
