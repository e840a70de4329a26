"""Heading ids for Python-Markdown's ``toc`` extension (mkdocs.yml), from the data layer's slugs.

The slug itself lives in ``macros.data.slugs``: the check must know the ids that
headings made of data will take (``macros.data.anchors``).
"""

from __future__ import annotations

from ..data.slugs import slugify

__all__ = ["slugify", "toc_slugify"]


def toc_slugify(value: str, separator: str) -> str:
    """Signature expected by Python-Markdown's ``toc`` extension."""
    return slugify(value, separator)
