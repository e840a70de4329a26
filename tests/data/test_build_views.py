"""A build's computed views: what one build shows, made once from the site's data, the day and the git history.

Every page, feed and data file of a build reads these views; each test below states
one rule they keep. Git is read from throwaway repositories with commits at known dates.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from macros.data.build_views import BuildViews
from macros.data.changes import History, HistoryKind, read_history
from macros.data.loading import load_site_data
from macros.data.models import ReportRecord, SiteData
from macros.data.status import VIETNAM, ReportStatus, resolve_today
from tests.conftest import REAL_DATA, SAMPLE, SAMPLE_DAY
from tests.git_repository import commit, git, init, write

WITHOUT_GIT = History(HistoryKind.NO_GIT)


def views_on(site: SiteData, today: date, data_dir: Path = REAL_DATA) -> BuildViews:
    return BuildViews(site, today, WITHOUT_GIT, data_dir)


@pytest.fixture(scope="module")
def sample_site() -> SiteData:
    return load_site_data(SAMPLE / "data")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """The data committed on 10/01/2024 and changed on 05/03/2024; then a page alone changed, on 20/04/2024."""
    repository = init(tmp_path / "repo")
    write(repository, "docs/van-ban.md", "# Văn bản\n")
    write(repository, "data/school.yml", "name: Trường\n")
    commit(repository, "Dữ liệu ban đầu", "2024-01-10T09:00:00+07:00")
    write(repository, "data/years/2023-2024/reports.yml", "reports: []\n")
    commit(repository, "Công bố báo cáo quý I", "2024-03-05T14:30:00+07:00")
    write(repository, "docs/van-ban.md", "# Văn bản pháp lý\n")
    commit(repository, "Sửa lời giới thiệu", "2024-04-20T08:00:00+07:00")
    return repository


def views_of_repository(site: SiteData, repository: Path) -> BuildViews:
    return BuildViews.read(site, date(2024, 5, 1), repository / "data", repository)


# --- Reports and overviews: on the build's day ------------------------------------------------


def test_each_year_lists_the_plans_reports_in_order_then_the_others(sample_site: SiteData) -> None:
    views = views_on(sample_site, date(2024, 3, 20))
    for year in sample_site.years:
        planned = [report.id for report in year.plan.reporting.reports]
        listed = views.reports(year.school_year)
        assert [report.id for report in listed[: len(planned)]] == planned
        assert all(report.in_plan for report in listed[: len(planned)])
        assert not any(report.in_plan for report in listed[len(planned):])


def test_statuses_are_those_of_the_builds_day(real_site: SiteData) -> None:
    year = real_site.years[0]
    first = year.plan.reporting.reports[0]
    a_year_later = first.due_date.replace(year=first.due_date.year + 1)

    assert views_on(real_site, first.due_date).reports(year.school_year)[0].status is ReportStatus.DUE_SOON
    assert views_on(real_site, a_year_later).reports(year.school_year)[0].status is ReportStatus.OVERDUE
    assert views_on(real_site, a_year_later).overview(year.school_year).today == a_year_later


def test_a_build_never_answers_with_another_builds_data(real_site: SiteData) -> None:
    """``mkdocs serve`` makes new views at every rebuild: an edit shows, and an old build's views stay its own."""
    year = real_site.years[0]
    first = year.plan.reporting.reports[0]
    after = first.due_date.replace(year=first.due_date.year + 1)
    edited = real_site.model_copy(update={"years": [
        year.model_copy(update={"reports": [ReportRecord(id=first.id, submitted=True, submitted_date=first.due_date)]}),
        *real_site.years[1:],
    ]})

    before_the_edit = views_on(real_site, after)
    after_the_edit = views_on(edited, after)

    assert after_the_edit.reports(year.school_year)[0].status is ReportStatus.ON_TIME
    assert before_the_edit.reports(year.school_year)[0].status is ReportStatus.OVERDUE


def test_the_overview_the_pages_and_the_files_read_the_same_reports_computed_once(sample_site: SiteData) -> None:
    views = views_on(sample_site, date(2024, 3, 20))
    for year in sample_site.years:
        reports = views.reports(year.school_year)
        assert views.overview(year.school_year).reports is reports
        assert views.reports(year.school_year) is reports
        assert all(views.report(year.school_year, report.id) is report for report in reports)


def test_the_published_reports_are_those_whose_summary_is_out_by_the_builds_day(sample_site: SiteData) -> None:
    views = views_on(sample_site, resolve_today(SAMPLE_DAY))
    published = views.published("2023-2024")
    assert published, "the sample school has published summaries in 2023-2024"
    assert published == tuple(report for report in views.reports("2023-2024") if report.published)
    assert all(report.record.summary is not None for report in published)
    # Before the school year nothing was submitted yet: no summary is out.
    assert views_on(sample_site, date(2023, 8, 1)).published("2023-2024") == ()


def test_a_report_the_year_does_not_have_is_an_error_not_another_report(sample_site: SiteData) -> None:
    views = views_on(sample_site, date(2024, 3, 20))
    with pytest.raises(KeyError, match="khong-co"):
        views.report("2023-2024", "khong-co")


# --- When the data last changed: from git, read once for the build ------------------------------


def test_the_data_last_changed_with_the_last_commit_that_touched_the_data_folder(real_site, repository) -> None:
    views = views_of_repository(real_site, repository)

    # Not 20/04, the later change of a page alone.
    assert views.last_data_change == date(2024, 3, 5)
    assert views.history.available


def test_the_day_of_a_change_is_the_day_in_vietnam(real_site, repository) -> None:
    write(repository, "data/school.yml", "name: Trường mầm non\n")
    commit(repository, "Sửa tên trường", "2024-04-30T20:30:00+00:00")  # 03:30 on 01/05 in Vietnam

    assert views_of_repository(real_site, repository).last_data_change == date(2024, 5, 1)


def test_an_edit_not_yet_committed_counts_from_the_day_it_was_saved(real_site, repository) -> None:
    """While an editor works with ``mkdocs serve``, the home page shows the day of the edit."""
    school = write(repository, "data/school.yml", "name: Trường (đang sửa)\n")
    saved = datetime(2024, 4, 25, 10, 0, tzinfo=VIETNAM).timestamp()
    os.utime(school, (saved, saved))

    assert views_of_repository(real_site, repository).last_data_change == date(2024, 4, 25)


def test_a_shallow_clone_does_not_know_when_the_data_last_changed(real_site, repository, tmp_path) -> None:
    """The choice: say nothing rather than a date that may be wrong.

    In a clone of depth 1, git shows the newest commit as having made every file: its day
    (20/04, a change of a page alone) would pass for the day the data changed (05/03).
    The publishing pipelines fetch the whole history (tests/site/test_ci_files.py).
    """
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", "shallow")
    shallow = tmp_path / "shallow"

    views = views_of_repository(real_site, shallow)

    assert views.history.kind is HistoryKind.SHALLOW
    assert views.last_data_change is None
    # Nor do the pages know their dates: the same rule for every date the site shows.
    assert views.last_change([shallow / "docs" / "van-ban.md", shallow / "data" / "school.yml"]) is None


def test_without_git_the_files_own_times_count(real_site, tmp_path) -> None:
    """A copy of the project downloaded as an archive, without its history."""
    folder = tmp_path / "archive"
    school = write(folder, "data/school.yml", "name: Trường\n")
    saved = datetime(2024, 2, 2, 2, 2, tzinfo=VIETNAM).timestamp()
    os.utime(school, (saved, saved))

    views = BuildViews.read(real_site, date(2024, 5, 1), folder / "data", folder)

    assert views.history.kind is HistoryKind.NO_GIT
    assert views.last_data_change == date(2024, 2, 2)


def test_pages_are_dated_by_the_same_history_as_the_data(real_site, repository) -> None:
    """A page's date is the later change of its Markdown and of the data it shows."""
    views = views_of_repository(real_site, repository)
    page, data = repository / "docs" / "van-ban.md", repository / "data" / "school.yml"

    assert views.last_change([data]) == datetime(2024, 1, 10, 9, 0, tzinfo=VIETNAM)
    assert views.last_change([page, data]) == datetime(2024, 4, 20, 8, 0, tzinfo=VIETNAM)
    assert views.last_change([repository / "data" / "no-such-file.yml"]) is None
    # Read once: the same history the change-history page lists.
    assert views.history == read_history(repository)
