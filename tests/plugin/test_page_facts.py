"""Every page says when its content last changed and links to its data on the git host; the change history.

The site is built for real from a throwaway git repository holding the
project's pages and data, with commits at known dates.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.data.build_views import BuildViews
from macros.data.loading import load_site_data
from macros.data.status import resolve_today
from macros.plugin.page_facts import PageSources
from tests.conftest import REAL_DATA, ROOT, Build, reader_text, run_mkdocs_build
from tests.git_repository import commit, git, init

REPOSITORY = "https://git.example.invalid/truong/qcdc"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's pages and real data, committed on 10/01/2024; the data changed on 05/03/2024,
    the legal documents page's Markdown on 20/04/2024."""
    project = init(tmp_path / "project")
    for name in ["docs", "overrides"]:
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(REAL_DATA, project / "data")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    commit(project, "Trang và dữ liệu ban đầu", "2024-01-10T09:00:00+07:00")

    reception = project / "data" / "years" / "2023-2024" / "reception.yml"
    text = reception.read_text(encoding="utf-8")
    assert "schedule: null" in text
    reception.write_text(text.replace("schedule: null", "schedule: Sáng thứ Hai hằng tuần"), encoding="utf-8")
    commit(project, "Công bố lịch tiếp công dân", "2024-03-05T14:30:00+07:00")

    page = project / "docs" / "van-ban.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nDanh sách được cập nhật khi có văn bản mới.\n", encoding="utf-8")
    commit(project, "Thêm một câu giới thiệu", "2024-04-20T08:00:00+07:00")
    return project


def build(project: Path, monkeypatch: pytest.MonkeyPatch) -> Build:
    monkeypatch.setenv("QCDC_REPO_URL", REPOSITORY)
    monkeypatch.setenv("QCDC_EDIT_URI", "-/edit/main/")
    result = run_mkdocs_build(project.parent / "site", project / "data", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.output
    return result


EDIT_LINK = "Sửa dữ liệu của trang này"


def facts(site: Build, url: str) -> tuple[str | None, str | None]:
    """The page's "last updated" date and the address its edit link (in the footer's editors' corner) opens."""
    page = site.page(url)
    element = page.select_one(".qcdc-page-facts")
    updated = element.find("time") if element else None
    edit = page.select_one(".qcdc-footer__editors").find("a", string=EDIT_LINK)
    return (updated.get_text() if updated else None), (edit["href"] if edit else None)


def test_a_page_whose_data_changed_after_its_markdown_shows_the_date_of_the_data(project, monkeypatch) -> None:
    site = build(project, monkeypatch)

    updated, edit = facts(site, "tiep-cong-dan/")
    assert updated == "05/03/2024"
    assert edit == f"{REPOSITORY}/-/edit/main/data/years/2023-2024/reception.yml"
    assert "Nội dung cập nhật lần cuối: 05/03/2024" in reader_text(site.page("tiep-cong-dan/").select_one(".qcdc-page-facts"))


def test_a_page_whose_markdown_changed_last_shows_the_date_of_the_markdown(project, monkeypatch) -> None:
    site = build(project, monkeypatch)

    assert facts(site, "van-ban/") == ("20/04/2024", f"{REPOSITORY}/-/edit/main/data/legal_documents.yml")
    # The home page's last data change is the data's own: not this later change of a page.
    assert "Dữ liệu cập nhật lần cuối: 05/03/2024" in site.article_text("")


def test_a_year_page_counts_its_own_data_only(project, monkeypatch) -> None:
    site = build(project, monkeypatch)

    # The plan did not change with the reception schedule: its pages keep the first date.
    assert facts(site, "2023-2024/ke-hoach/") == ("10/01/2024", f"{REPOSITORY}/-/edit/main/data/years/2023-2024/plan.yml")
    assert facts(site, "2023-2024/trach-nhiem/")[0] == "10/01/2024"
    # The home page shows the whole current year, reception included.
    assert facts(site, "")[0] == "05/03/2024"


def test_a_page_whose_data_file_does_not_exist_yet_has_no_edit_link(project, monkeypatch) -> None:
    assert not (project / "data" / "years" / "2023-2024" / "dialogues.yml").exists()
    site = build(project, monkeypatch)

    assert facts(site, "2023-2024/doi-thoai/") == ("10/01/2024", None)


def change_entries(site: Build) -> list[tuple[str, list[str]]]:
    """The change-history page: each change's date line and what it says changed."""
    article = site.page("lich-su/").select_one("article")
    return [
        (reader_text(date), [reader_text(item) for item in date.find_next_sibling("ul").select("li")])
        for date in article.select(".qcdc-change-date")
    ]


def test_the_change_history_says_in_words_what_changed_in_the_data(project, monkeypatch) -> None:
    reception = project / "data" / "years" / "2023-2024" / "reception.yml"
    valid = reception.read_text(encoding="utf-8")
    reception.write_text(valid + "unknown_key: 1\n", encoding="utf-8")
    commit(project, "wip", "2024-03-06T10:00:00+07:00")
    reception.write_text(valid.replace("place: null", "place: Phòng họp nhà trường"), encoding="utf-8")
    commit(project, "Update reception.yml", "2024-03-07T11:15:00+07:00")

    site = build(project, monkeypatch)

    assert change_entries(site) == [
        ("Ngày 07/03/2024 lúc 11:15", ["Cập nhật tiếp công dân năm học 2023-2024: địa điểm"]),
        ("Ngày 06/03/2024 lúc 10:00", ["Thay đổi chưa hợp lệ, không được đăng."]),
        ("Ngày 05/03/2024 lúc 14:30", ["Cập nhật tiếp công dân năm học 2023-2024: thời gian"]),
        ("Ngày 10/01/2024 lúc 09:00", ["Đăng dữ liệu của nhà trường: năm học 2023-2024"]),
    ]  # the page's own Markdown change (20/04/2024) is not a data change
    text = reader_text(site.page("lich-su/").select_one("article"))
    # Neither the editors' commit messages nor files nor commit ids reach the page.
    for editor_word in ["Update reception.yml", "wip", "Công bố lịch tiếp công dân", "data/", ".yml"]:
        assert editor_word not in text
    assert not any(commit_id[:7] in text for commit_id in git(project, "log", "--format=%H").split())
    assert facts(site, "lich-su/")[0] == "07/03/2024"
    # The commit ids are in the open data only, with the same words.
    published = json.loads((site.site_dir / "du-lieu" / "lich-su.json").read_text(encoding="utf-8"))
    data_commits = git(project, "log", "--format=%H", "--", "data").split()
    assert [change["commit"] for change in published["changes"]] == data_commits
    assert [change["published"] for change in published["changes"]] == [True, False, True, True]
    assert published["changes"][1]["changes"] == ["Thay đổi chưa hợp lệ, không được đăng."]


def test_without_the_whole_git_history_the_site_says_so_and_still_builds(project, monkeypatch, tmp_path) -> None:
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", "shallow")
    shallow = tmp_path / "shallow"

    site = build(shallow, monkeypatch)

    assert "Chưa xem được lịch sử thay đổi" in reader_text(site.page("lich-su/").select_one("article"))
    # Dates would all be the one commit's: none is shown rather than a wrong one.
    assert facts(site, "tiep-cong-dan/")[0] is None
    assert facts(site, "tiep-cong-dan/")[1] == f"{REPOSITORY}/-/edit/main/data/years/2023-2024/reception.yml"
    # Nor when the data last changed: the one commit's day would pass for it (tests/data/test_build_views.py).
    assert "Dữ liệu cập nhật lần cuối" not in site.article_text("")


def test_the_real_site_links_every_data_page_to_its_file_and_reaches_no_git_host_by_script(real_build) -> None:
    for url, data_file in [("", "data/school.yml"), ("van-ban/", "data/legal_documents.yml"),
                           ("2023-2024/ke-hoach/", "data/years/2023-2024/plan.yml")]:
        link = real_build.page(url).select_one(".qcdc-footer__editors").find("a", string=EDIT_LINK)
        assert link is not None
        assert link["href"].endswith("/edit/main/" + data_file)
    # The theme's repository widget would fetch stars and forks from the host: it is a plain link here.
    assert real_build.page("").select('[data-md-component="source"]') == []


def test_page_sources_read_a_single_data_file_and_pages_made_by_other_means(project) -> None:
    sources = PageSources(
        views=BuildViews.read(load_site_data(project / "data"), resolve_today(), project / "data", project), project_dir=project, docs_dir=project / "docs", data_dir=project / "data",
        year_pages="_nam-hoc", report_page="_bao-cao.md", edit_base=REPOSITORY + "/-/edit/main/", current_year="2023-2024",
        printout_part_page="_in-ca-nam-phan.md",
    )
    # One file written without brackets is one file, not a list of letters.
    single = sources.facts("tiep-cong-dan.md", str(project / "docs" / "tiep-cong-dan.md"),
                           {"data_files": "years/{current_year}/reception.yml", "edit_file": "years/{current_year}/reception.yml"})
    assert single.updated.isoformat() == "2024-03-05"
    assert single.edit_url == REPOSITORY + "/-/edit/main/data/years/2023-2024/reception.yml"
    # A generated page of a year that is not one of the repeated year pages: no Markdown to date, no crash.
    other = sources.facts("du-lieu/2023-2024.md", None, {"school_year": "2023-2024", "data_files": ["school.yml"]})
    assert other.updated.isoformat() == "2024-01-10" and other.edit_url is None
