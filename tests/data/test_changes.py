"""What git knows of the changes, read from throwaway repositories with commits at known dates."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from macros.data.changes import HistoryKind, read_history
from macros.data.status import VIETNAM
from tests.git_repository import commit, git, init, write


def vietnam(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(VIETNAM)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Three commits: pages and data, then data only, then a page only."""
    repository = init(tmp_path / "repo")
    write(repository, "docs/van-ban.md", "# Văn bản\n")
    write(repository, "data/school.yml", "name: Trường\n")
    write(repository, "data/years/2023-2024/plan.yml", "school_year: 2023-2024\n")
    commit(repository, "Dữ liệu ban đầu", "2024-01-10T09:00:00+07:00")
    write(repository, "data/years/2023-2024/reports.yml", "reports: []\n")
    write(repository, "data/years/2023-2024/files/báo cáo quý I.pdf", "%PDF\n")
    commit(repository, "Công bố báo cáo quý I", "2024-03-05T14:30:00+07:00")
    write(repository, "docs/van-ban.md", "# Văn bản pháp lý\n")
    commit(repository, "Sửa lời giới thiệu", "2024-04-20T08:00:00+07:00")
    return repository


def test_the_commits_are_read_newest_first_with_their_files(repository: Path) -> None:
    history = read_history(repository / "data")

    assert history.kind is HistoryKind.COMPLETE and history.available
    assert history.root == repository.resolve()
    assert [commit.subject for commit in history.commits] == ["Sửa lời giới thiệu", "Công bố báo cáo quý I", "Dữ liệu ban đầu"]
    assert history.commits[1].moment == vietnam("2024-03-05T14:30:00+07:00")
    # File names in Vietnamese and with spaces come back as written.
    assert history.commits[1].files == (
        "data/years/2023-2024/files/báo cáo quý I.pdf",
        "data/years/2023-2024/reports.yml",
    )


def test_only_the_commits_that_changed_the_data_folder_are_listed_for_it(repository: Path) -> None:
    history = read_history(repository)

    subjects = [commit.subject for commit in history.commits_under(repository / "data")]
    assert subjects == ["Công bố báo cáo quý I", "Dữ liệu ban đầu"]
    assert [commit.subject for commit in history.commits_under(repository / "docs")] == ["Sửa lời giới thiệu", "Dữ liệu ban đầu"]


def test_a_file_or_folder_last_changed_with_the_last_commit_that_touched_it(repository: Path) -> None:
    history = read_history(repository)

    assert history.last_change([repository / "data" / "school.yml"]) == vietnam("2024-01-10T09:00:00+07:00")
    assert history.last_change([repository / "data" / "years" / "2023-2024"]) == vietnam("2024-03-05T14:30:00+07:00")
    assert history.last_change([repository / "docs" / "van-ban.md"]) == vietnam("2024-04-20T08:00:00+07:00")
    # A page and the data it shows: the later of the two.
    page_and_plan = [repository / "docs" / "van-ban.md", repository / "data" / "years" / "2023-2024" / "plan.yml"]
    assert history.last_change(page_and_plan) == vietnam("2024-04-20T08:00:00+07:00")
    assert history.last_change([repository / "data" / "no-such-file.yml"]) is None


def test_an_edit_not_yet_committed_counts_from_the_time_it_was_saved(repository: Path) -> None:
    plan = write(repository, "data/years/2023-2024/plan.yml", "school_year: 2023-2024\n# sửa\n")
    saved = vietnam("2024-05-01T10:00:00+07:00")
    os.utime(plan, (saved.timestamp(), saved.timestamp()))
    new = write(repository, "data/years/2023-2024/dialogues.yml", "sessions: []\n")
    os.utime(new, (saved.timestamp() + 60, saved.timestamp() + 60))

    history = read_history(repository)

    assert history.last_change([plan]) == saved
    assert history.last_change([repository / "data" / "years"]) == vietnam("2024-05-01T10:01:00+07:00")
    assert history.last_change([repository / "data" / "school.yml"]) == vietnam("2024-01-10T09:00:00+07:00")


def test_a_shallow_clone_knows_no_dates_and_no_history(repository: Path, tmp_path: Path) -> None:
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", "shallow")
    shallow = tmp_path / "shallow"

    history = read_history(shallow)

    assert history.kind is HistoryKind.SHALLOW and not history.available
    assert history.last_change([shallow / "data" / "school.yml"]) is None
    assert history.commits_under(shallow / "data") == []


def test_a_folder_without_git_falls_back_to_the_files_own_times(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    school = write(folder, "data/school.yml", "name: Trường\n")
    saved = vietnam("2024-02-02T02:02:00+07:00")
    os.utime(school, (saved.timestamp(), saved.timestamp()))

    history = read_history(folder / "data")

    assert history.kind is HistoryKind.NO_GIT and not history.available
    assert history.last_change([folder / "data"]) == saved
    assert history.commits_under(folder / "data") == []


def test_a_repository_without_any_commit_has_no_history(tmp_path: Path) -> None:
    repository = init(tmp_path / "empty")
    write(repository, "data/school.yml", "name: Trường\n")

    history = read_history(repository)

    assert not history.available
    assert history.commits_under(repository / "data") == []
