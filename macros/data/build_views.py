"""A build's computed views: what the site shows on the build's day, computed once for the whole build.

Every page of every year asks for every year's reports (the year switcher, the titles,
the indexes), the home page and the open data for the years' overviews, every page for
the day its sources last changed. ``BuildViews`` answers all of them from the three
things a build starts from: the site's data, the day statuses are computed for, and the
git history, read once. Pages (``macros.pages``) and published files
(``macros.publications``) read it; none of them computes a status or reads git on its own.

When the data last changed: the last commit that changed the data folder, or the save
time of an edit not committed yet (``mkdocs serve`` while editing); without git (a
downloaded archive), the files' own times. A shallow clone does not know: its history
stops at its newest commit, which git then shows as having made every file, so its date
would be that of the last commit of any kind, a code change as well as a data change.
The site says nothing rather than a date that may be wrong, as for the pages' dates and
the change history. The publishing pipelines fetch the whole history
(``fetch-depth: 0`` in .github/workflows/publish.yml, ``GIT_DEPTH: "0"`` in .gitlab-ci.yml),
so the published site always knows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from .change_log import DataChange, data_changes
from .changes import History, read_history
from .compliance import ComplianceSummary, compliance_summary
from .legal_duties import DutyCompliance, Verdict, compliance_counts, year_compliance
from .models import SiteData
from .status import ReportView, YearOverview, year_overview


class BuildViews:
    """What one build shows, made once per build from the site's data, the day and the git history."""

    def __init__(self, site: SiteData, today: date, history: History, data_dir: Path) -> None:
        self.site = site
        self.today = today
        self.history = history
        self.data_dir = Path(data_dir)
        self._overviews: dict[str, YearOverview] = {year.school_year: year_overview(year, today) for year in site.years}
        self._published = {
            school_year: tuple(report for report in overview.reports if report.published)
            for school_year, overview in self._overviews.items()
        }
        self._compliance: dict[str, list[DutyCompliance]] = {}
        moment = self.last_change([self.data_dir])
        self.last_data_change: date | None = moment.date() if moment else None
        """The day the data last changed (in Vietnam); None when that cannot be known (a shallow clone)."""

    @classmethod
    def read(cls, site: SiteData, today: date, data_dir: Path, project_dir: Path) -> BuildViews:
        """The views of a build of the project in ``project_dir``, whose git history is read here, once."""
        return cls(site, today, read_history(project_dir), data_dir)

    def overview(self, school_year: str) -> YearOverview:
        """The year at a glance on the build's day: next dialogue and deadline, duties, reports."""
        return self._overviews[school_year]

    def reports(self, school_year: str) -> tuple[ReportView, ...]:
        """The year's reports with their status on the build's day: the plan's in its order, then the ad hoc ones."""
        return self._overviews[school_year].reports

    def published(self, school_year: str) -> tuple[ReportView, ...]:
        """The year's reports whose summary is published (each has a page of its own), in the same order."""
        return self._published[school_year]

    def report(self, school_year: str, report_id: str) -> ReportView:
        """One report of the year; a ``KeyError`` when the year has none of that id."""
        for report in self.reports(school_year):
            if report.id == report_id:
                return report
        raise KeyError(f"{school_year}: no report {report_id!r}")

    def compliance(self, school_year: str) -> list[DutyCompliance]:
        """Every duty of the year's catalogue on the build's day (computed when first asked for)."""
        if school_year not in self._compliance:
            self._compliance[school_year] = year_compliance(self.site, self.site.year(school_year), self.today)
        return self._compliance[school_year]

    def summary(self, school_year: str) -> ComplianceSummary:
        """Does the school keep its duties: the running year's plan, and the year's dialogues, reports and
        statutory duties, each as a check (the home page's counts)."""
        return compliance_summary(self.site, self.site.year(school_year), self.today, self.compliance(school_year))

    def duty_counts(self, school_year: str) -> list[tuple[Verdict, int]]:
        """How many of the year's duties stand at each verdict."""
        return compliance_counts(self.compliance(school_year))

    @cached_property
    def data_changes(self) -> tuple[list[DataChange], str | None]:
        """What each commit changed in the published data, newest first, or why that cannot be
        told; computed when first asked for (the change-history page and its open-data file)."""
        return data_changes(self.history, self.data_dir)

    def last_change(self, paths: Iterable[Path]) -> datetime | None:
        """When any of ``paths`` (files or folders) last changed; None when that cannot be known."""
        return self.history.last_change(list(paths))
