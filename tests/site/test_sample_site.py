"""The sample site, built for a fixed day (15/06/2024): what each page shows."""

from __future__ import annotations

import pytest

from tests.built_site import EDITOR_FOLDER, table_row
from tests.conftest import SAMPLE, Build, reader_text, run_mkdocs_build

YEAR = "2023-2024/"


def section(build: Build, url: str, heading_id: str) -> str:
    """Text of the h2/h3 section with this id, up to the next heading of the same level or higher."""
    heading = build.page(url).find(id=heading_id)
    parts = []
    for element in heading.find_next_siblings():
        if element.name in {"h1", "h2"} or (heading.name == "h3" and element.name == "h3"):
            break
        parts.append(reader_text(element))
    return " ".join(parts)


def all_pages(build: Build) -> list[str]:
    return sorted(
        str(path.parent.relative_to(build.site_dir))
        for path in build.site_dir.rglob("index.html")
        if path.parent.name != EDITOR_FOLDER
    )


def test_every_page_says_it_is_sample_data(sample_build):
    pages = all_pages(sample_build)
    assert len(pages) >= 10
    for url in pages:
        banner = sample_build.page("" if url == "." else url).select_one(".qcdc-sample-banner")
        assert banner is not None and "DỮ LIỆU MẪU" in banner.get_text(), url


def test_the_real_site_carries_no_sample_banner(real_build):
    for path in real_build.site_dir.rglob("*.html"):
        assert "qcdc-sample-banner" not in path.read_text(encoding="utf-8"), path


def test_home_is_a_dashboard_of_the_current_year(sample_build):
    home = sample_build.article_text("")
    assert "Tình trạng tính đến ngày 15/06/2024." in home
    assert "Đối thoại sắp tới: ngày 16/08/2024" in home
    assert "Hạn báo cáo sắp tới: Báo cáo năm học 2023-2024 , hạn 20/06/2024 (còn 5 ngày)" in home
    assert "Báo cáo mới nhất: Báo cáo 9 tháng , nộp ngày 10/04/2024" in home
    assert "Dữ liệu cập nhật lần cuối:" in home


def test_home_counts_the_duties_kept_late_and_missing_with_colour_icon_and_word(sample_build):
    counts = sample_build.page("").select(".qcdc-counts .qcdc-badge")
    # The running year's plan is published; the dialogues of 6 months and the reports of Quý I,
    # 9 tháng and phòng cháy kept; the 6-month report late; the parents' dialogue missed.
    # The law's duties of the catalogue (data/duties.yml) count too: the staff conference and
    # the board's 6-month report kept; the review of the resolution, the board's term and its
    # confirmation late; the board's quarterly report, its reply, both disclosure duties missed.
    assert [reader_text(badge) for badge in counts] == ["● 7 đúng hạn", "▲ 4 muộn", "× 5 quá hạn"]
    assert [badge["class"][1] for badge in counts] == ["qcdc-badge--met", "qcdc-badge--late", "qcdc-badge--missing"]
    assert "Chưa công bố kế hoạch" not in sample_build.article_text("")


def test_home_shows_each_duty_and_report_status_in_words_with_an_icon(sample_build):
    duties = section(sample_build, "", "nhiem-vu-dinh-ky")
    assert "ít nhất 6 tháng/lần. — ● Đạt" in duties
    assert "ít nhất 3 tháng/lần. — × Chưa đạt" in duties
    reports = section(sample_build, "", "tinh-trang-bao-cao")
    for expected in ["Báo cáo Quý I — ● Đã nộp đúng hạn", "Báo cáo 6 tháng — ▲ Nộp muộn", "Báo cáo năm học 2023-2024 — ! Sắp đến hạn"]:
        assert expected in reports
    icons = sample_build.page("").select(".qcdc-badge [aria-hidden=true]")
    assert icons, "the icon is decoration beside the words, hidden from screen readers"


def test_dialogue_page_shows_duty_compliance_and_every_session(sample_build):
    page = sample_build.article_text(YEAR + "doi-thoai/")
    assert "Tình trạng: × Chưa đạt Yêu cầu: ít nhất 3 tháng một lần Lần gần nhất: 25/09/2023" in page
    assert "Chưa đạt: không có buổi nào từ 25/09/2023 đến hạn 25/12/2023" in page
    assert "Tình trạng: ● Đạt Yêu cầu: ít nhất 6 tháng một lần Lần gần nhất: 18/03/2024" in page
    held = section(sample_build, YEAR + "doi-thoai/", "doi-thoai-hk1")
    assert "Trạng thái: ● Đã tổ chức" in held
    assert "Chủ trì: Hiệu trưởng" in held
    assert "Tóm tắt biên bản: Buổi đối thoại có 32 người dự." in held
    assert "Ý kiến: Khi nào sửa mái phòng lớp Lá 2? Trả lời: Hoàn thành trước ngày 30/11/2023." in held
    assert "Sửa mái phòng lớp Lá 2 — Phó Hiệu trưởng, hạn 30/11/2023; đã xong" in held
    postponed = section(sample_build, YEAR + "doi-thoai/", "gap-mat-cha-me-hk2")
    assert "Trạng thái: ‖ Hoãn" in postponed and "Hoãn vì trùng lịch" in postponed
    planned = section(sample_build, YEAR + "doi-thoai/", "doi-thoai-dau-nam-2024")
    assert "Trạng thái: ○ Dự kiến" in planned and "Giờ: 08:00 (giờ Việt Nam)" in planned


def report_row(build: Build, url: str, report_id: str) -> dict[str, str]:
    """The reports index's row of one report, by column heading: the report's id is on its name."""
    name = build.page(url).find(id=report_id)
    assert name is not None, report_id
    return table_row(name)


def report_ids_under(build: Build, url: str, heading_id: str) -> list[str]:
    """The reports of the table that follows a heading of the reports index, in order."""
    table = build.page(url).find(id=heading_id).find_next("table")
    return [row.select_one("td strong[id]")["id"] for row in table.select("tbody tr")]


def test_reports_index_is_one_table_row_per_report_with_status_dates_and_summary(sample_build):
    assert report_row(sample_build, YEAR + "bao-cao/", "bao-cao-quy-1") == {
        "Báo cáo": "Báo cáo Quý I Kỳ báo cáo: Quý I năm học 2023-2024",
        "Hạn nộp": "trước ngày 15 tháng 12 năm 2023",
        "Tình trạng": "● Đã nộp đúng hạn",
        "Ngày nộp, nơi nhận": "12/12/2023 Cơ quan quản lý mẫu",
        "Tóm tắt": "Xem tóm tắt Báo cáo Quý I",
    }
    assert report_row(sample_build, YEAR + "bao-cao/", "bao-cao-nam") == {
        "Báo cáo": "Báo cáo năm học 2023-2024",
        "Hạn nộp": "trước ngày 20 tháng 6 năm 2024",
        "Tình trạng": "! Sắp đến hạn (còn 5 ngày)",
        "Ngày nộp, nơi nhận": "chưa công bố",
        "Tóm tắt": "chưa công bố",
    }
    assert report_row(sample_build, YEAR + "bao-cao/", "bao-cao-6-thang")["Tình trạng"] == "▲ Nộp muộn"


def test_reports_index_puts_reports_outside_the_plan_in_their_own_table(sample_build):
    assert report_ids_under(sample_build, YEAR + "bao-cao/", "theo-ke-hoach") == [
        "bao-cao-quy-1", "bao-cao-6-thang", "bao-cao-9-thang", "bao-cao-nam",
    ]
    assert report_ids_under(sample_build, YEAR + "bao-cao/", "ngoai-ke-hoach") == ["bao-cao-phong-chay"]
    row = report_row(sample_build, YEAR + "bao-cao/", "bao-cao-phong-chay")
    assert row["Báo cáo"] == "Báo cáo đột xuất về công tác phòng cháy, chữa cháy Báo cáo đột xuất Kỳ báo cáo: Tháng 3 năm 2024"
    assert row["Hạn nộp"] == "30/03/2024"


def test_reports_index_table_of_contents_names_the_two_tables_not_each_report(sample_build):
    page = sample_build.page(YEAR + "bao-cao/")
    contents = ["Báo cáo theo kế hoạch", "Báo cáo ngoài kế hoạch"]
    assert [reader_text(heading) for heading in page.select("article h2, article h3")] == contents
    # The theme prints the table of contents twice: in the phone menu and in the side column.
    tables_of_contents = page.select("nav.md-nav--secondary")
    assert len(tables_of_contents) == 2
    for toc in tables_of_contents:
        assert [reader_text(link) for link in toc.select("a.md-nav__link")] == contents


def test_a_summary_link_shows_a_short_text_and_names_its_report_to_screen_readers(sample_build):
    link = sample_build.page(YEAR + "bao-cao/").find(id="bao-cao-quy-1").find_parent("tr").select_one("a[href]")
    assert link["href"] == "bao-cao-quy-1/"
    hidden = link.select_one(".qcdc-sr-only")
    assert reader_text(hidden) == "Báo cáo Quý I"
    hidden.extract()
    assert reader_text(link) == "Xem tóm tắt"


def test_links_to_a_report_on_the_index_land_on_its_row(sample_build):
    links = [a["href"] for a in sample_build.page("").select("article a[href*='bao-cao/#']")]
    assert {href.partition("#")[2] for href in links} == {
        "bao-cao-quy-1", "bao-cao-6-thang", "bao-cao-9-thang", "bao-cao-nam", "bao-cao-phong-chay",
    }
    for href in links:
        page, _, anchor = href.partition("#")
        assert sample_build.page(page).find(id=anchor).find_parent("tr") is not None, href


def test_each_published_report_has_its_own_page_with_its_summary(sample_build):
    page = sample_build.article_text(YEAR + "bao-cao/bao-cao-6-thang/")
    assert "Tình trạng: ▲ Nộp muộn" in page
    assert "Giải quyết xong 3 kiến nghị của cha mẹ trẻ." in section(sample_build, YEAR + "bao-cao/bao-cao-6-thang/", "ket-qua")
    assert "Báo cáo nộp chậm 7 ngày so với hạn." in section(sample_build, YEAR + "bao-cao/bao-cao-6-thang/", "han-che")
    assert not (sample_build.site_dir / YEAR / "bao-cao" / "bao-cao-nam").exists(), "not published yet"


def test_an_attached_signed_file_is_published_and_linked(sample_build):
    page = sample_build.page(YEAR + "bao-cao/bao-cao-quy-1/")
    link = page.select_one('article a[href$=".pdf"]')
    assert link["href"] == "../tep/bao-cao-quy-1.pdf"
    published = sample_build.site_dir / YEAR / "bao-cao" / "tep" / "bao-cao-quy-1.pdf"
    assert published.read_bytes().startswith(b"%PDF-")


def test_report_pages_stay_out_of_the_navigation(sample_build):
    navigation = sample_build.page("").select(".md-nav--primary a.md-nav__link[href]")
    hrefs = {a["href"] for a in navigation}
    assert "2023-2024/bao-cao/" in hrefs
    assert not any("bao-cao/bao-cao-" in href for href in hrefs)


def test_reception_page_shows_who_when_where_channels_and_aggregated_figures(sample_build):
    page = sample_build.article_text("tiep-cong-dan/")
    assert "Người tiếp: Ban giám hiệu" in page
    assert "Thời gian: Sáng thứ Hai hằng tuần, từ 7 giờ 30 đến 10 giờ 30" in page
    assert "Điện thoại: 028 0000 0000" in page
    rows = [[reader_text(cell) for cell in row.select("td")] for row in sample_build.page("tiep-cong-dan/").select("article tbody tr")]
    assert rows == [["Học kỳ I", "3", "3", "0", "0", "0", "3"], ["Học kỳ II", "2", "1", "1", "1", "0", "1"]]


def test_reception_page_shows_the_current_year_then_links_to_the_other_years_pages(sample_build):
    page = sample_build.page("tiep-cong-dan/")
    assert [reader_text(heading) for heading in page.select("article h2")] == ["Năm học 2023-2024", "Các năm học khác"]
    assert reader_text(page.select_one("article h3")) == "Số liệu đơn thư năm học 2023-2024"
    others = page.select_one("#nam-hoc-khac").find_next("ul")
    # The next year's plan is out, its reception not yet.
    assert reader_text(others) == "Năm học 2024-2025 : chưa công bố"
    # Each year keeps the anchor it had when every year was shown on this page.
    assert {a["id"]: a["href"] for a in others.select("a")} == {"nam-hoc-2024-2025": "../2024-2025/tiep-cong-dan/"}


def test_the_plan_page_keeps_the_official_text_and_statuses_stay_beside_it(sample_build):
    plan = sample_build.article_text(YEAR + "ke-hoach/")
    assert "Báo cáo Quý I trước ngày 15 tháng 12 năm 2023;" in plan
    assert "Nộp muộn" not in plan and "Đạt" not in plan


def test_statuses_follow_the_day_of_the_build(tmp_path):
    build = run_mkdocs_build(tmp_path / "site", SAMPLE / "data", config=SAMPLE / "mkdocs.yml", today="21/06/2024")
    assert build.returncode == 0, build.output
    assert report_row(build, YEAR + "bao-cao/", "bao-cao-nam")["Tình trạng"] == "× Đã quá hạn, chưa công bố"


def test_the_duties_page_shows_each_duty_with_its_basis_deadlines_records_and_verdicts(sample_build):
    page = sample_build.page("2023-2024/nghia-vu/")
    text = reader_text(page.select_one("article"))
    assert "Tình trạng tính đến ngày 15/06/2024." in text
    for label in ("● Đã thực hiện đúng hạn", "▲ Thực hiện muộn", "× Chưa thực hiện", "○ Chưa đến hạn"):
        assert label in text, label
    # The basis links to the legal document on /van-ban/, with the article beside it.
    conference = page.find(id="hoi-nghi-hang-nam").find_next("div", class_="qcdc-duty")
    link = conference.select_one('a[href*="van-ban/"]')
    assert reader_text(link) == "Luật số 10/2022/QH15" and link["href"].endswith("#luat-thuc-hien-dan-chu-2022")
    assert "Căn cứ: Luật số 10/2022/QH15 , Điều 51" in reader_text(conference)
    assert "số người của trường: 24" in reader_text(conference)
    # Each deadline in its table row, with the record that fulfils it.
    cell = next(td for td in page.select("td") if reader_text(td).startswith("Dự toán thu, chi ngân sách năm 2024 (quyết định"))
    assert table_row(cell) == {
        "Kỳ, việc": "Dự toán thu, chi ngân sách năm 2024 (quyết định ngày 02/02/2024)",
        "Hạn": "16/02/2024",
        "Số liệu ghi nhận": "Công khai từ ngày 19/02/2024",
        "Tình trạng": "▲ Thực hiện muộn",
    }
    # The plan's own dialogue duty is an entry of the same page, its basis the plan.
    dialogue = page.find(id="doi-thoai-cha-me").find_next("div", class_="qcdc-duty")
    assert "× Chưa thực hiện" in reader_text(dialogue) and "Kế hoạch năm học 2023-2024" in reader_text(dialogue)
    # The disclosure register shows titles and dates only.
    register = reader_text(page.find(id="so-cong-khai").find_next("table"))
    assert "Kết quả kiểm tra nội bộ học kỳ I" in register and "chưa công khai" in register


def test_home_counts_the_duties_by_verdict_and_links_their_page(sample_build):
    counts = section(sample_build, "", "nghia-vu")
    assert "● Đã thực hiện đúng hạn : 3 nghĩa vụ" in counts
    assert "× Chưa thực hiện : 5 nghĩa vụ" in counts
    link = sample_build.page("").find(id="nghia-vu").find_next_sibling("p").a
    assert link["href"].endswith("2023-2024/nghia-vu/")
