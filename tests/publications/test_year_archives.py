"""Year archives: every school year keeps its pages, a switcher moves between years, the home page
and the navigation follow the current year (configured, else the latest), whatever the number of reports."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, SAMPLE, SAMPLE_DAY, Build, reader_text, run_mkdocs_build

YEAR_PAGES = ["ke-hoach/", "trach-nhiem/", "doi-thoai/", "bao-cao/"]
# Every year's reception has its own page too, reached from /tiep-cong-dan/ rather than from the navigation.
ARCHIVED_PAGES = [*YEAR_PAGES, "tiep-cong-dan/"]


def navigation(build: Build) -> list[str]:
    return [a["href"] for a in build.page("").select(".md-nav--primary a.md-nav__link[href]")]


def switcher(build: Build, url: str) -> dict[str, str | None]:
    """Year -> link of the year switcher on a page (None for the year the reader is in)."""
    nav = build.page(url).select_one("article nav.qcdc-year-switcher")
    assert nav is not None, url
    assert nav["aria-label"] == "Chọn năm học"
    years = {a.get_text(): a["href"] for a in nav.select("a[href]")}
    current = nav.select('[aria-current="page"]')
    assert len(current) == 1
    years[current[0].get_text()] = None
    return years


@pytest.fixture(scope="module")
def latest_build(tmp_path_factory):
    """The sample data built with the site's own configuration, which names no current year."""
    build = run_mkdocs_build(tmp_path_factory.mktemp("latest") / "site", SAMPLE / "data", today=SAMPLE_DAY)
    assert build.returncode == 0, build.output
    return build


def test_every_school_year_keeps_its_own_pages(sample_build):
    for year in ("2023-2024", "2024-2025"):
        for page in ARCHIVED_PAGES:
            assert (sample_build.site_dir / year / page / "index.html").is_file(), year + "/" + page
    assert (sample_build.site_dir / "2023-2024" / "bao-cao" / "bao-cao-quy-1" / "index.html").is_file()


@pytest.mark.parametrize("page", ARCHIVED_PAGES)
def test_the_year_switcher_leads_to_the_same_page_in_the_other_year(sample_build, page):
    assert switcher(sample_build, "2023-2024/" + page) == {"2024-2025": f"../../2024-2025/{page}", "2023-2024": None}
    assert switcher(sample_build, "2024-2025/" + page) == {"2024-2025": None, "2023-2024": f"../../2023-2024/{page}"}
    text = reader_text(sample_build.page("2023-2024/" + page).select_one("nav.qcdc-year-switcher"))
    assert text == "Năm học: 2024-2025 · 2023-2024", "newest year first"


def test_from_a_report_the_switcher_leads_to_the_other_years_reports(sample_build):
    assert switcher(sample_build, "2023-2024/bao-cao/bao-cao-quy-1/") == {
        "2024-2025": "../../../2024-2025/bao-cao/",
        "2023-2024": None,
    }


def test_every_link_of_a_switcher_leads_to_a_page(sample_build):
    for year in ("2023-2024", "2024-2025"):
        for page in ARCHIVED_PAGES:
            for href in switcher(sample_build, f"{year}/{page}").values():
                if href is not None:
                    assert (sample_build.site_dir / year / page / href / "index.html").is_file(), (year, page, href)


def test_the_navigation_shows_the_current_year_only_and_no_report(sample_build):
    links = navigation(sample_build)
    year_links = [href for href in links if href[:4].isdigit()]
    assert set(year_links) >= {"2023-2024/" + page for page in YEAR_PAGES}
    assert all(href.startswith("2023-2024/") for href in year_links), year_links
    assert not any("bao-cao/bao-cao-" in href for href in links), "one page per report, outside the navigation"
    assert "du-lieu/" in links
    assert "tiep-cong-dan/" in links and not any(href.endswith("/tiep-cong-dan/") for href in year_links)


def test_the_home_page_follows_the_configured_current_year(sample_build):
    home = sample_build.page("")
    assert reader_text(home.select_one("#nam-hoc-hien-tai")) == "Năm học 2023-2024"
    others = home.select_one("#nam-hoc-khac").find_next("ul")
    assert " ".join(others.get_text().split()) == "Năm học 2024-2025: kế hoạch, trách nhiệm, đối thoại, báo cáo"
    assert {a["href"] for a in others.select("a")} == {"2024-2025/" + page for page in YEAR_PAGES}


def test_without_a_configured_year_the_latest_leads(latest_build):
    home = latest_build.page("")
    assert reader_text(home.select_one("#nam-hoc-hien-tai")) == "Năm học 2024-2025"
    assert "Năm học 2023-2024" in reader_text(home.select_one("#nam-hoc-khac").find_next("ul"))
    year_links = [href for href in navigation(latest_build) if href[:4].isdigit()]
    assert year_links and all(href.startswith("2024-2025/") for href in year_links)


def test_a_past_years_reception_page_shows_that_year_and_leads_to_the_current_one(latest_build):
    page = latest_build.page("2023-2024/tiep-cong-dan/")
    text = reader_text(page.select_one("article"))
    assert "Tiếp công dân năm học 2023-2024" in text
    assert "Năm học mới nhất trên trang là 2024-2025: xem lịch tiếp công dân hiện hành ." in text
    assert "Người tiếp: Ban giám hiệu" in text
    assert reader_text(page.select_one("#so-lieu-2023-2024")) == "Số liệu đơn thư năm học 2023-2024"
    assert [len(row.select("td")) for row in page.select("article tbody tr")] == [7, 7]
    assert page.select_one("a[href='../../tiep-cong-dan/']") is not None


def test_the_reception_page_follows_the_current_year_even_before_its_reception_is_published(latest_build):
    page = latest_build.page("tiep-cong-dan/")
    current = page.select_one("#nam-hoc-2024-2025")
    assert current.name == "h2"
    assert reader_text(current.find_next("p")) == "Nhà trường chưa công bố lịch tiếp công dân của năm học 2024-2025."
    assert page.select("article tbody tr") == [], "last year's figures stay on last year's page"
    others = page.select_one("#nam-hoc-khac").find_next("ul")
    assert {a["id"]: a["href"] for a in others.select("a")} == {"nam-hoc-2023-2024": "../2023-2024/tiep-cong-dan/"}


def test_a_current_year_without_a_plan_stops_the_build_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.setenv("QCDC_CURRENT_YEAR", "2025-2026")
    build = run_mkdocs_build(tmp_path / "site", SAMPLE / "data", config=ROOT / "mkdocs.yml", today=SAMPLE_DAY)
    assert build.returncode != 0
    assert "Năm học hiện tại (current_year / QCDC_CURRENT_YEAR) không hợp lệ" in build.output
    assert "các năm học có kế hoạch: 2023-2024, 2024-2025" in build.output


def test_a_site_with_one_year_shows_no_switcher_and_no_other_year(real_build):
    for page in ARCHIVED_PAGES:
        assert real_build.page("2023-2024/" + page).select_one(".qcdc-year-switcher") is None
    assert real_build.page("tiep-cong-dan/").select_one("#nam-hoc-khac") is None
