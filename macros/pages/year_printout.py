"""The whole school year for the notice board: one page, continued on parts when it grows too big.

The plan, the responsibilities, the dialogues, the reports' deadlines and the
published summaries are the site's own renderings of those pages, so nothing
is written twice. Fitted into one page, each part's headings go down under the
part's own heading, and its anchors take the part's name as a prefix: two
parts may use the same anchor (every report summary has "ket-qua").

A page of the site should stay under 60 KiB of HTML, for cheap phones. The main
page (part 1) always holds what the plan fixes: the plan, the responsibilities and
the dialogues. What grows with the year's reports, the deadline table and then the
published summaries, stays on it as far as it fits, and continues in order on
numbered parts (``in-ca-nam/2/``, ``3/``…), each filled greedily. The ``qcdc``
plugin renders the pieces and lays them out once per build (``printout``) and
generates the parts' pages; each page takes its pieces as rendered, with their links
made relative to it. The whole-year PDF is the main page with every part appended
(``macros.publications.pdf``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..data.status import ReportView
from .markdown_text import place_links
from .rendering import Renderer, year_page

# Headings and explicit anchors come from the templates only: ``escape`` turns
# a '#' or '{' of the data into '\#' and '\{', which these patterns never match.
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_ANCHOR = re.compile(r"(?<!\\)\{(:?[ ]*)#([a-z0-9]+(?:-[a-z0-9]+)*)")

# What a page's printout content may weigh: the rest of the 60 KiB is the theme's chrome (navigation,
# footer, year switcher with one link a year, print-only head), measured at 30 school years.
PAGE_BUDGET = 31 * 1024
"""Bytes of content HTML one page of the printout may hold. Of the 60 KiB a page may
weigh, the rest is for what surrounds the content (the theme's header, navigation,
search and table of contents, the footer with the school's contacts and the editors'
corner, the QR code printed at the end): about 22 KiB today,
so a few KiB are left for the navigation to grow."""
TOC_LINE = 300
"""What a summary adds besides its own HTML: its line in a part's table of contents."""
DEADLINES = "#bao-cao"
"""Stands for the deadline table among the report ids of a page (never an id: ids have no '#')."""


@dataclass(frozen=True)
class PrintoutLayout:
    """Which published summaries each page of a year's printout holds."""

    school_year: str
    pages: tuple[tuple[str, ...], ...]
    """What each page holds of what grows with the reports, in order: the deadline table
    (``DEADLINES``), then summaries by report id. The main page's first (perhaps nothing),
    then each part's (at least one). Never empty."""

    @property
    def count(self) -> int:
        return len(self.pages)

    def has_deadlines(self, number: int) -> bool:
        return DEADLINES in self.pages[number - 1]

    def summaries(self, number: int) -> list[str]:
        """Report ids of the summaries on page ``number``."""
        return [key for key in self.pages[number - 1] if key != DEADLINES]

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


# What Markdown adds on its way to HTML, per line, heading (its permalink), link, table cell and emphasis mark.
_LINE, _HEADING_LINK, _LINK, _CELL, _EMPHASIS = 12, 100, 20, 12, 4


def estimated_html_sizes(pieces: list[str]) -> list[int]:
    """Bytes of HTML each piece of the printout's Markdown becomes, estimated on the generous side.

    On the real and the sample data the estimate is 5 to 18 % above the size MkDocs makes;
    converting every piece to measure it took a sixth of the build of ten school years.
    """
    return [
        len(piece.encode())
        + _LINE * piece.count("\n")
        + _HEADING_LINK * len(_HEADING.findall(piece))
        + _LINK * piece.count("](")
        + _CELL * piece.count("|")
        + _EMPHASIS * (piece.count("*") + piece.count("_"))
        for piece in pieces
    ]


@dataclass(frozen=True)
class PrintoutPieces:
    """What a year's printout shows of the year's pages, rendered once per build for no page in
    particular: ``place_links`` makes a piece's links relative to the page it goes on."""

    school_year: str
    plan: str
    responsibilities: str
    dialogues: str
    deadlines: str
    summaries: dict[str, str]
    """Each published summary under the report's name, by report id."""
    published: tuple[ReportView, ...]
    """The year's published reports, in the order of the year's reports: the summaries' order."""


def printout_pieces(renderer: Renderer, school_year: str) -> PrintoutPieces:
    """Render the pieces of a year's printout, once for all its pages and for its layout."""
    published = renderer.views.published(school_year)
    return PrintoutPieces(
        school_year=school_year,
        plan=nested(renderer.plan(None, school_year), 1),
        responsibilities=nested(renderer.responsibilities(None, school_year), 1, "trach-nhiem"),
        dialogues=nested(renderer.dialogues(None, school_year), 1, "doi-thoai"),
        deadlines=nested(renderer.reports(None, school_year), 1, "bao-cao"),
        summaries={report.id: _summary(renderer, school_year, report) for report in published},
        published=published,
    )


@dataclass(frozen=True)
class Printout:
    """A year's printout in one build: its pieces, rendered once, and their layout on its pages."""

    pieces: PrintoutPieces
    layout: PrintoutLayout


def printout(
    renderer: Renderer,
    school_year: str,
    html_sizes: Callable[[list[str]], list[int]] = estimated_html_sizes,
    budget: float = PAGE_BUDGET,
) -> Printout:
    """A year's printout: its pieces rendered, then laid out on pages by the size of their HTML."""
    pieces = printout_pieces(renderer, school_year)
    return Printout(pieces, printout_layout(renderer, pieces, html_sizes, budget))


def printout_layout(
    renderer: Renderer,
    pieces: PrintoutPieces,
    html_sizes: Callable[[list[str]], list[int]] = estimated_html_sizes,
    budget: float = PAGE_BUDGET,
) -> PrintoutLayout:
    """Lay out the deadline table and the summaries on the printout's pages by the size of their HTML.

    ``html_sizes`` gives the bytes of HTML of each of some pieces of Markdown.
    """
    school_year = pieces.school_year
    alone = PrintoutLayout(school_year, ((),))
    # Measured without its list of parts (a few hundred bytes each): the budget's margin holds them.
    fixed = year_printout(renderer, alone.page(1), Printout(pieces, alone))
    # The rest as on a part, whose links are the longest ("../").
    part = part_page(school_year, 2)
    deadlines = place_links(pieces.deadlines, part)
    summaries = [place_links(pieces.summaries[report.id], part) for report in pieces.published]
    fixed_size, deadlines_size, *sizes = html_sizes([fixed, deadlines, *summaries])
    costs = [deadlines_size, *(size + TOC_LINE for size in sizes)]
    keys = [DEADLINES, *(report.id for report in pieces.published)]
    pages = fill_pages(costs, budget, fixed_size)
    return PrintoutLayout(school_year, tuple(tuple(keys[index] for index in page) for page in pages))


def year_printout(renderer: Renderer, page: str, printout: Printout) -> str:
    """The Markdown of the main printout page ``page``: the whole year, or as much as fits."""
    pieces = printout.pieces
    return renderer.render(
        "year_printout.md.j2",
        page,
        plan_document=place_links(pieces.plan, page),
        responsibilities=place_links(pieces.responsibilities, page),
        dialogues=place_links(pieces.dialogues, page),
        parts=_parts(printout),
        **_growing(renderer, page, printout, 1),
    )


def year_printout_part(renderer: Renderer, page: str, printout: Printout, number: int) -> str:
    """The Markdown of part ``number`` (2, 3…) of the printout: the deadlines or summaries that continue it."""
    return renderer.render("year_printout_part.md.j2", page, **_growing(renderer, page, printout, number))


def _growing(renderer: Renderer, page: str, printout: Printout, number: int) -> dict[str, object]:
    """What page ``number`` shows of what grows with the reports, and how it finds the printout's other pages."""
    pieces, layout = printout.pieces, printout.layout
    return {
        "plan": renderer.site.plan(layout.school_year),
        "number": number,
        "pages": layout.count,
        "page_of": layout.page,
        "deadlines": place_links(pieces.deadlines, page) if layout.has_deadlines(number) else None,
        "summaries": [place_links(pieces.summaries[key], page) for key in layout.summaries(number)],
        "nothing_published": not pieces.published,
    }


@dataclass(frozen=True)
class _Part:
    """What the main page says of a part: where it is and what it holds."""

    number: int
    page: str
    deadlines: bool
    summaries: list[ReportView]


def _parts(printout: Printout) -> list[_Part]:
    layout = printout.layout
    reports = {report.id: report for report in printout.pieces.published}
    return [
        _Part(number, layout.page(number), layout.has_deadlines(number), [reports[key] for key in layout.summaries(number)])
        for number in range(2, layout.count + 1)
    ]


def _summary(renderer: Renderer, school_year: str, report: ReportView) -> str:
    """One published summary as the printout shows it, under the report's name."""
    summary = nested(renderer.report(None, school_year, report.id), 2, f"tom-tat-{report.id}")
    return renderer.render("year_printout_summary.md.j2", None, report=report, summary=summary)
