"""The whole school year on one page, for the notice board.

The plan, the responsibilities, the dialogues, the reports' deadlines and the
published summaries are the site's own renderings of those pages, so nothing
is written twice. Fitted into one page, each part's headings go down under the
part's own heading, and its anchors take the part's name as a prefix: two
parts may use the same anchor (every report summary has "ket-qua").
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .data.status import year_overview
from .rendering import Renderer

# Headings and explicit anchors come from the templates only: ``escape`` turns
# a '#' or '{' of the data into '\#' and '\{', which these patterns never match.
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_ANCHOR = re.compile(r"(?<!\\)\{(:?[ ]*)#([a-z0-9]+(?:-[a-z0-9]+)*)")


def nested(markdown: str, levels: int, prefix: str | None = None) -> Markup:
    """``markdown`` with its headings ``levels`` lower (h6 at most) and its anchors prefixed."""
    for _ in range(levels):
        markdown = _HEADING.sub(r"#\1 ", markdown)
    if prefix:
        markdown = _ANCHOR.sub(lambda match: f"{{{match[1]}#{prefix}-{match[2]}", markdown)
    return Markup(markdown)


def year_printout(renderer: Renderer, page: str, school_year: str) -> str:
    """The Markdown of the whole-year page ``page`` for ``school_year``."""
    year = renderer.site.year(school_year)
    published = [report for report in year_overview(year, renderer.today).reports if report.published]
    return renderer.render(
        "year_printout.md.j2",
        page,
        plan=year.plan,
        plan_document=nested(renderer.plan(page, school_year), 1),
        responsibilities=nested(renderer.responsibilities(page, school_year), 1, "trach-nhiem"),
        dialogues=nested(renderer.dialogues(page, school_year), 1, "doi-thoai"),
        reports=nested(renderer.reports(page, school_year), 1, "bao-cao"),
        summaries=[
            (report, nested(renderer.report(page, school_year, report.id), 2, f"tom-tat-{report.id}"))
            for report in published
        ],
    )
