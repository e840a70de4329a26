"""The site's code: the data layer (``macros.data``), rendering and the MkDocs glue.

This module is also mkdocs-macros' entry point (``module_name: macros``): it
defines the macros that the pages in docs/ call. They render the build's views
(``macros.data.build_views``), which the ``qcdc`` plugin computes once per build
from the data it has loaded and validated.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from .publications.change_history import change_history as history_page
    from .plugin.publication_macros import define_publication_macros
    from .commands.record_templates import example_records_file
    from .publications.downloads import year_downloads
    from .pages.markdown_text import escape
    from .pages.year_printout import year_printout as printout, year_printout_part as printout_part

    plugin = env.conf.plugins.get("qcdc")
    if getattr(plugin, "served_problems", None) is not None:
        return  # Broken data while serving: no page is built, the server shows the problems.
    if plugin is None or not hasattr(plugin, "site"):
        raise RuntimeError("mkdocs.yml must list the 'qcdc' plugin before 'macros'")
    renderer = plugin.renderer

    def page_path() -> str:
        return env.page.file.src_uri

    def page_year() -> str:
        return env.page.meta["school_year"]

    @env.macro
    def school_overview() -> str:
        """Home page: the school and where to go for the current school year."""
        return renderer.home(page_path(), plugin.current_year.school_year)

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

    @env.macro
    def dialogues() -> str:
        """Dialogue duty compliance and every session of this page's school year."""
        return renderer.dialogues(page_path(), page_year())

    @env.macro
    def legal_duties() -> str:
        """The duties of the law and of the plan for this page's school year: deadlines, records, verdicts."""
        return renderer.legal_duties(page_path(), page_year())

    @env.macro
    def reports() -> str:
        """The reports of this page's school year with their status."""
        return renderer.reports(page_path(), page_year())

    @env.macro
    def report() -> str:
        """The published summary of this page's report."""
        return renderer.report(page_path(), page_year(), env.page.meta["report_id"])

    @env.macro
    def report_title() -> str:
        """The report's name as Markdown: in the page's heading and title it is shown, never interpreted."""
        return escape(plugin.views.report(page_year(), env.page.meta["report_id"]).name)

    define_publication_macros(env, plugin, renderer, page_path)

    @env.macro
    def year_printout() -> str:
        """The whole school year for print: plan, responsibilities, dialogues, reports, the summaries that fit."""
        return printout(renderer, page_path(), plugin.printouts[page_year()])

    @env.macro
    def year_printout_part() -> str:
        """A part of the whole-year printout: the published summaries that continue it."""
        return printout_part(renderer, page_path(), plugin.printouts[page_year()], int(env.page.meta["printout_part"]))

    @env.macro
    def pdf_downloads() -> str:
        """Links to this school year's PDFs, when the build prints them (scripts/pdf)."""
        if not plugin.pdf_enabled:
            return ""
        return renderer.render("downloads.md.j2", page_path(), downloads=year_downloads(page_year()))

    @env.macro
    def citizen_reception() -> str:
        """Who receives citizens, when and where, aggregated complaint figures: the current
        school year's, with links to the other years' own pages."""
        return renderer.reception(page_path(), plugin.current_year.school_year)

    @env.macro
    def year_citizen_reception() -> str:
        """The same for this page's school year (/<year>/tiep-cong-dan/)."""
        return renderer.year_reception(page_path(), page_year(), plugin.current_year.school_year)

    @env.macro
    def change_history() -> str:
        """The commits that changed the data folder, newest first (read from git at build time)."""
        return history_page(renderer, page_path())

    @env.macro
    def record_template(file_name: str) -> str:
        """For the editor's guide: the template scripts/add-record adds to reports.yml or dialogues.yml."""
        text = example_records_file(plugin.site, file_name)
        # An indented code block: the page's Markdown has no fenced code.
        return "\n".join("    " + line if line else "" for line in text.splitlines())

    env.variables["school_name"] = plugin.site.school.name
    env.variables["current_year"] = plugin.current_year.school_year
