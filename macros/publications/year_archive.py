"""Year archives: every school year keeps its pages; a reader moves between years from any of them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..data.build_views import BuildViews
from ..data.models import SiteData
from ..pages.rendering import YEAR_PAGES


@dataclass(frozen=True)
class YearLink:
    school_year: str
    page: str
    """Docs-relative path of the page to open in that year."""
    current: bool


def published_reports(views: BuildViews) -> dict[str, set[str]]:
    """The ids of each school year's published reports: the report pages that exist."""
    return {year.school_year: {report.id for report in views.published(year.school_year)} for year in views.site.years}


def year_switch(site: SiteData, published: dict[str, set[str]], page: str) -> list[YearLink]:
    """For a page of one school year, the same page in every year, newest year first.

    A report's own page exists only in the years that published that report
    (``published``, from ``published_reports``); elsewhere the switch leads to
    that year's reports index.
    """
    this_year, _, rest = page.partition("/")
    is_report = posixpath.dirname(rest) == posixpath.dirname(YEAR_PAGES["reports"]) and rest != YEAR_PAGES["reports"]
    report_id = posixpath.splitext(posixpath.basename(rest))[0]
    links = []
    for year in reversed(site.years):
        target = rest
        if is_report and report_id not in published[year.school_year]:
            target = YEAR_PAGES["reports"]
        links.append(YearLink(year.school_year, f"{year.school_year}/{target}", year.school_year == this_year))
    return links
