"""What the real school's site says where the data is silent: unknown stays unknown."""

from __future__ import annotations



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
    assert "Chưa đạt" not in page and "✔ Đạt" not in page


def test_report_deadlines_are_shown_as_written_and_the_undated_one_has_no_status_invented(real_build):
    page = real_build.article_text("2023-2024/bao-cao/")
    assert "Hạn nộp: trước ngày 25 tháng 02 năm 2023 (theo kế hoạch)" in page
    assert "Tình trạng: – Kế hoạch chưa nêu hạn nộp Hạn nộp: kế hoạch không nêu" in page


def test_reception_page_names_who_receives_and_leaves_the_rest_unknown(real_build):
    page = real_build.article_text("tiep-cong-dan/")
    assert "Người tiếp: Ban giám hiệu" in page
    assert "Thời gian: chưa rõ" in page
    assert "Địa điểm: chưa rõ" in page
    assert "Chưa có số liệu được công bố." in page
