"""What the real school's site says where the data is silent: unknown stays unknown."""

from __future__ import annotations

from tests.built_site import table_row
from tests.conftest import reader_text


def test_home_names_the_school_and_shows_unknowns_as_unknown(real_build):
    home = real_build.article_text("")
    assert home.startswith("Trường mầm non Bé Ngoan Công khai thực hiện quy chế dân chủ ở cơ sở · huyện Hóc Môn")
    assert "Cơ quan chủ quản: chưa rõ" in home
    assert "Đối thoại sắp tới: chưa có lịch được công bố" in home
    assert "Báo cáo mới nhất: chưa có báo cáo nào được công bố" in home


def test_home_says_the_running_year_has_no_plan_and_shows_the_last_year_as_past(real_build):
    """The real data holds 2023-2024 only; the site is built on the day the test runs, in a later year."""
    from macros.data.status import resolve_today

    today = resolve_today()
    start = today.year if today.month >= 9 else today.year - 1
    running = f"{start}-{start + 1}"
    assert running != "2023-2024", "this test assumes a build after the 2023-2024 school year"
    home = real_build.page("")
    notice = reader_text(home.select_one(".qcdc-notice--missing"))
    assert notice == f"× Chưa công bố kế hoạch năm học {running}. Số liệu dưới đây là của năm học 2023-2024, đã kết thúc."
    assert reader_text(home.select_one("#nam-hoc-hien-tai")) == "Năm học 2023-2024 (đã kết thúc)"
    # A computed duty like the others: counted as overdue, with the three overdue reports of 2023-2024;
    # the dialogues, of which nothing is published, are not judged.
    counts = [reader_text(badge) for badge in home.select(".qcdc-counts .qcdc-badge")]
    assert counts == ["● 0 đúng hạn", "▲ 0 muộn", "× 4 quá hạn"]
    duties = reader_text(home.select_one("#tung-nhiem-vu").find_next("ul"))
    assert duties == f"Công bố kế hoạch năm học {running} — × Quá hạn, chưa có"


def test_without_published_dialogue_records_compliance_is_not_judged(real_build):
    page = real_build.article_text("2023-2024/doi-thoai/")
    assert "Tình trạng: ? Chưa có số liệu công bố" in page
    assert "Nhà trường chưa công bố lịch và kết quả các buổi đối thoại của năm học này." in page
    assert "Chưa đạt" not in page and "● Đạt" not in page


def test_report_deadlines_are_shown_as_written_and_the_undated_one_has_no_status_invented(real_build):
    index = real_build.page("2023-2024/bao-cao/")
    assert table_row(index.find(id="bao-cao-quy-1"))["Hạn nộp"] == "trước ngày 25 tháng 02 năm 2023"
    undated = table_row(index.find(id="bao-cao-nam"))
    assert (undated["Hạn nộp"], undated["Tình trạng"]) == ("kế hoạch không nêu", "– Kế hoạch chưa nêu hạn nộp")
    # Nothing of the reports is published yet: neither a submission nor a summary is claimed.
    assert (undated["Ngày nộp, nơi nhận"], undated["Tóm tắt"]) == ("chưa công bố", "chưa công bố")


def test_reception_page_names_who_receives_and_leaves_the_rest_unknown(real_build):
    page = real_build.article_text("tiep-cong-dan/")
    assert "Người tiếp: Ban giám hiệu" in page
    assert "Thời gian: chưa rõ" in page
    assert "Địa điểm: chưa rõ" in page
    assert "Chưa có số liệu được công bố." in page


def test_without_records_the_duties_read_no_data_never_missing(real_build):
    page = real_build.article_text("2023-2024/nghia-vu/")
    assert "? Chưa có số liệu" in page
    assert "Chưa thực hiện" not in page and "Thực hiện muộn" not in page and "Đã thực hiện đúng hạn" not in page
    assert "số người của trường: chưa rõ" in page
    # The deadlines that follow from the calendar alone are still shown.
    assert "Năm học 2023-2024 ? Chưa có số liệu 01/12/2023 không có" in page
    home = real_build.article_text("")
    assert "? Chưa có số liệu : " in home and "Chưa thực hiện" not in home


def test_pages_of_an_ended_year_say_so(real_build):
    for url in ["2023-2024/ke-hoach/", "2023-2024/doi-thoai/", "2023-2024/bao-cao/", "tiep-cong-dan/"]:
        notice = real_build.page(url).select_one("article .qcdc-year-timing")
        assert notice is not None, url
        assert reader_text(notice).startswith("Năm học 2023-2024 đã kết thúc ngày 31/08/2024;"), url


def test_the_open_data_page_calls_an_ended_year_the_latest_not_the_current_one(real_build):
    first_cell = real_build.page("du-lieu/").select_one("#nam-hoc").find_next("table").select_one("tbody td")
    assert reader_text(first_cell) == "2023-2024 (mới nhất)"
