"""Compile each page's Markdown template once per build, however many pages share it.

mkdocs-macros compiles every page's Markdown as a Jinja template. The pages
repeated for every school year, and the page of every published report, share
their source: compiling it once instead of per page saves most of the macros'
time on a site with many years.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, Template


def reuse_compiled_templates(environment: Environment) -> None:
    """Make ``environment.from_string`` return the same compiled template for the same source."""
    compile_source = environment.from_string

    @lru_cache(maxsize=512)
    def compiled(source: str) -> Template:
        return compile_source(source)

    def from_string(source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is None and template_class is None and isinstance(source, str):
            return compiled(source)
        return compile_source(source, globals, template_class)

    environment.from_string = from_string  # type: ignore[method-assign]
