"""What the real school's site says where the data is silent: unknown stays unknown."""

from __future__ import annotations

from tests.built_site import table_row


def test_home_names_the_school_and_shows_unknowns_as_unknown(real_build):
    home = real_build.article_text("")
    assert "Trường mầm non Bé Ngoan , huyện Hóc Môn" in home
    assert "Cơ quan chủ quản: chưa rõ" in home
    assert "Buổi đối thoại sắp tới: chưa có lịch được công bố" in home
    assert "Báo cáo công bố gần nhất: chưa có báo cáo nào được công bố" in home


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
