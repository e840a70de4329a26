"""The site's code: the data layer (``macros.data``), rendering and the MkDocs glue.

This module is also mkdocs-macros' entry point (``module_name: macros``): it
defines the macros that the pages in docs/ call. They render data the ``qcdc``
plugin has already loaded and validated once for the build.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from .rendering import Renderer

    plugin = env.conf.plugins.get("qcdc")
    if plugin is None or not hasattr(plugin, "site"):
        raise RuntimeError("mkdocs.yml must list the 'qcdc' plugin before 'macros'")
    renderer = Renderer(plugin.site)

    def page_path() -> str:
        return env.page.file.src_uri

    def page_year() -> str:
        return env.page.meta["school_year"]

    @env.macro
    def school_overview() -> str:
        """Home page: the school and where to go for the current school year."""
        return renderer.home(page_path())

    @env.macro
    def plan_document() -> str:
        """The whole plan of this page's school year, faithful to the official text."""
        return renderer.plan(page_path(), page_year())

    @env.macro
    def responsibilities() -> str:
        """Who does what, when, on which basis, for this page's school year."""
        return renderer.responsibilities(page_path(), page_year())

    @env.macro
    def legal_documents() -> str:
        """The legal documents cited by the plans."""
        return renderer.legal_documents(page_path())

    env.variables["school_name"] = plugin.site.school.name
    env.variables["current_year"] = plugin.site.current_plan.school_year
