"""The whole school year for the notice board: one page, continued on parts when it grows too big.

The plan, the responsibilities, the dialogues, the reports' deadlines and the
published summaries are the site's own renderings of those pages, so nothing
is written twice. Fitted into one page, each part's headings go down under the
part's own heading, and its anchors take the part's name as a prefix: two
parts may use the same anchor (every report summary has "ket-qua").

A page of the site should stay under 60 KiB of HTML, for cheap phones. The
main page (part 1) holds everything but the summaries, and as many summaries
as still fit; the others continue on numbered parts (``in-ca-nam/2/``, ``3/``…),
each filled greedily, in order. The ``qcdc`` plugin lays the parts out once per
build (``printout_layout``) and generates their pages; the whole-year PDF is
the main page with every part appended (``macros.pdf``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .data.status import ReportView, year_reports
from .rendering import Renderer, year_page

# Headings and explicit anchors come from the templates only: ``escape`` turns
# a '#' or '{' of the data into '\#' and '\{', which these patterns never match.
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_ANCHOR = re.compile(r"(?<!\\)\{(:?[ ]*)#([a-z0-9]+(?:-[a-z0-9]+)*)")

PAGE_BUDGET = 36 * 1024
"""Bytes of content HTML one page of the printout may hold. Of the 60 KiB a page may
weigh, the rest is for what surrounds the content (the theme's header, navigation,
search and table of contents, the QR code printed at the end): about 20 KiB today,
so a few KiB are left for the navigation to grow."""
TOC_LINE = 300
"""What a summary adds besides its own HTML: its line in a part's table of contents."""


@dataclass(frozen=True)
class PrintoutLayout:
    """Which published summaries each page of a year's printout holds."""

    school_year: str
    pages: tuple[tuple[str, ...], ...]
    """Report ids per page, in the reports' order: the main page's first (perhaps
    none), then each part's (at least one). Never empty."""

    @property
    def count(self) -> int:
        return len(self.pages)

    def page(self, number: int) -> str:
        """Docs-relative path of page ``number`` (1 is the main page)."""
        return year_page(self.school_year, "printout") if number == 1 else part_page(self.school_year, number)

    @property
    def parts(self) -> list[str]:
        """Docs-relative paths of the pages that continue the main page, in order."""
        return [self.page(number) for number in range(2, self.count + 1)]


def part_page(school_year: str, number: int) -> str:
    """Docs-relative path of part ``number`` (2, 3…) of a year's printout: ``2023-2024/in-ca-nam/2.md``."""
    return f"{posixpath.splitext(year_page(school_year, 'printout'))[0]}/{number}.md"


def nested(markdown: str, levels: int, prefix: str | None = None) -> Markup:
    """``markdown`` with its headings ``levels`` lower (h6 at most) and its anchors prefixed."""
    for _ in range(levels):
        markdown = _HEADING.sub(r"#\1 ", markdown)
    if prefix:
        markdown = _ANCHOR.sub(lambda match: f"{{{match[1]}#{prefix}-{match[2]}", markdown)
    return Markup(markdown)


def fill_pages(costs: Sequence[int], budget: float, first_page_used: int) -> list[list[int]]:
    """Indexes of ``costs`` per page, in order, each page filled while the next one fits.

    The first page already holds ``first_page_used`` and may take none; every
    other page takes at least one, even one bigger than the budget.
    """
    pages: list[list[int]] = [[]]
    used = first_page_used
    for index, cost in enumerate(costs):
        may_start_another = len(pages) == 1 or bool(pages[-1])
        if used + cost > budget and may_start_another:
            pages.append([])
            used = 0
        pages[-1].append(index)
        used += cost
    return pages


def printout_layout(
    renderer: Renderer, school_year: str, html_sizes: Callable[[list[str]], list[int]], budget: float = PAGE_BUDGET
) -> PrintoutLayout:
    """Lay out the year's summaries on the printout's pages by the size of their HTML.

    ``html_sizes`` converts pieces of Markdown as the site does and measures each one's bytes.
    """
    alone = PrintoutLayout(school_year, ((),))
    published = _published(renderer, school_year)
    if not published:
        return alone
    # Measured without its list of parts (a few hundred bytes each): the budget's margin holds them.
    main_page = year_printout(renderer, alone.page(1), alone)
    summaries = [_summary(renderer, part_page(school_year, 2), school_year, report) for report in published]
    main_size, *sizes = html_sizes([main_page, *summaries])
    pages = fill_pages([size + TOC_LINE for size in sizes], budget, main_size)
    return PrintoutLayout(school_year, tuple(tuple(published[index].id for index in page) for page in pages))


def year_printout(renderer: Renderer, page: str, layout: PrintoutLayout) -> str:
    """The Markdown of the main printout page ``page``: the whole year, with the summaries that fit."""
    school_year = layout.school_year
    plan = renderer.site.plan(school_year)
    return renderer.render(
        "year_printout.md.j2",
        page,
        plan=plan,
        plan_document=nested(renderer.plan(page, school_year), 1),
        responsibilities=nested(renderer.responsibilities(page, school_year), 1, "trach-nhiem"),
        dialogues=nested(renderer.dialogues(page, school_year), 1, "doi-thoai"),
        reports=nested(renderer.reports(page, school_year), 1, "bao-cao"),
        summaries=_summaries(renderer, page, layout, 1),
        parts=_parts(renderer, layout),
        pages=layout.count,
        page_of=layout.page,
    )


def year_printout_part(renderer: Renderer, page: str, layout: PrintoutLayout, number: int) -> str:
    """The Markdown of part ``number`` (2, 3…) of the printout: the summaries that continue it."""
    return renderer.render(
        "year_printout_part.md.j2",
        page,
        number=number,
        pages=layout.count,
        summaries=_summaries(renderer, page, layout, number),
        page_of=layout.page,
    )


@dataclass(frozen=True)
class _Part:
    """What the main page says of a part: where it is and which summaries it holds."""

    number: int
    page: str
    first: ReportView
    last: ReportView
    count: int


def _parts(renderer: Renderer, layout: PrintoutLayout) -> list[_Part]:
    reports = {report.id: report for report in _published(renderer, layout.school_year)}
    return [
        _Part(number, layout.page(number), reports[ids[0]], reports[ids[-1]], len(ids))
        for number, ids in enumerate(layout.pages[1:], start=2)
    ]


def _summaries(renderer: Renderer, page: str, layout: PrintoutLayout, number: int) -> list[Markup]:
    reports = {report.id: report for report in _published(renderer, layout.school_year)}
    return [_summary(renderer, page, layout.school_year, reports[report_id]) for report_id in layout.pages[number - 1]]


def _summary(renderer: Renderer, page: str, school_year: str, report: ReportView) -> Markup:
    """One published summary as the printout shows it, under the report's name."""
    summary = nested(renderer.report(page, school_year, report.id), 2, f"tom-tat-{report.id}")
    return Markup(renderer.render("year_printout_summary.md.j2", page, report=report, summary=summary))


def _published(renderer: Renderer, school_year: str) -> list[ReportView]:
    """The year's published summaries, in the order of the year's reports."""
    return [report for report in year_reports(renderer.site.year(school_year), renderer.today) if report.published]
