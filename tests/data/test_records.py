"""Checks of the living year's records, on copies of the sample data with one file replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLE
from macros.data.errors import DataError
from macros.data.loading import load_site_data

RECORDS = FIXTURES / "records"
YEAR = Path("years/2023-2024")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(SAMPLE / "data", copy)
    return copy


def with_record_file(data_dir: Path, fixture: str) -> Path:
    """The data folder with one record file replaced by a fixture (named after the file it replaces)."""
    target = fixture.split("-")[0] + ".yml"
    shutil.copy(RECORDS / fixture, data_dir / YEAR / target)
    return data_dir


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as refusal:
        load_site_data(data_dir)
    return [str(problem) for problem in refusal.value.problems]


def test_the_sample_data_is_valid_and_uses_only_the_schools_public_contacts():
    site = load_site_data(SAMPLE / "data")
    assert site.years[0].dialogues and site.years[0].reports and site.years[0].reception


def test_private_phone_email_and_id_numbers_are_refused_with_where_and_why(sample_copy):
    problems = problems_of(with_record_file(sample_copy, "reception-private-contacts.yml"))
    where = "data/years/2023-2024/reception.yml, dòng"
    assert any(f"{where} 3, ngày, giờ tiếp (schedule): có số điện thoại '0912 345 678'" in p for p in problems)
    assert any(f"{where} 4, địa điểm tiếp (place): có địa chỉ e-mail 'lan.nguyen@gmail.com'" in p for p in problems)
    assert any(f"{where} 9, kênh tiếp nhận thứ 2 → chi tiết (detail): có số giấy tờ tùy thân (CMND/CCCD) '079123456789'" in p for p in problems)
    assert all("trang công khai không đăng thông tin cá nhân" in p for p in problems)
    assert not any("028 0000 0000" in p for p in problems)
    assert len(problems) == 3


def test_the_guard_covers_every_file_including_the_plan(sample_copy):
    plan = sample_copy / YEAR / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Thực hiện nghiêm túc", "Liên hệ 0987.654.321, thực hiện nghiêm túc"), encoding="utf-8")
    (problem,) = problems_of(sample_copy)
    assert "plan.yml, dòng 34, yêu cầu → đoạn thứ 1: có số điện thoại '0987.654.321'" in problem


def test_complaint_figures_must_add_up(sample_copy):
    problems = problems_of(with_record_file(sample_copy, "reception-figures-do-not-add-up.yml"))
    assert any("dòng 8, kỳ số liệu thứ 1 → số đơn đã nhận (received): số đã giải quyết (2) cộng đang giải quyết (0) phải bằng số đã nhận (3)" in p for p in problems)
    assert any("khiếu nại + tố cáo + kiến nghị, phản ánh (2) phải bằng số đã nhận (3)" in p for p in problems)


def test_dialogue_records_are_checked_against_the_plan_and_the_roles(sample_copy):
    problems = problems_of(with_record_file(sample_copy, "dialogues-records-broken.yml"))
    where = "data/years/2023-2024/dialogues.yml, dòng"
    assert any(f"{where} 4, buổi đối thoại thứ 1 (buoi-1) → mã nhiệm vụ trong kế hoạch mà buổi này thực hiện (duty): không có nhiệm vụ mã 'doi-thoai-khong-co'" in p for p in problems)
    assert any(f"{where} 6, buổi đối thoại thứ 1 (buoi-1) → ngày tổ chức (date): buổi đối thoại đã tổ chức (held) phải có ngày" in p for p in problems)
    assert any(f"{where} 7, buổi đối thoại thứ 1 (buoi-1) → mã vai trò chủ trì (chair): không có vai trò mã 'hieu-truong-moi'" in p for p in problems)
    assert any(f"{where} 12, buổi đối thoại thứ 2 (buoi-2) → tóm tắt biên bản đã công bố (minutes_summary):" in p for p in problems)


def test_report_records_are_checked_against_the_plan_and_the_files(sample_copy):
    problems = problems_of(with_record_file(sample_copy, "reports-records-broken.yml"))
    where = "data/years/2023-2024/reports.yml, dòng"
    expected = [
        f"{where} 4, báo cáo thứ 1 (quý một) → tên báo cáo (name): báo cáo 'bao-cao-quy-1' đã có trong kế hoạch",
        f"{where} 5, báo cáo thứ 2 (bao-cao-la) → tên báo cáo (name): báo cáo 'bao-cao-la' không có trong kế hoạch",
        f"{where} 9, báo cáo thứ 3 (bao-cao-6-thang) → tóm tắt công bố (summary): báo cáo chưa nộp",
        f"{where} 12, báo cáo thứ 4 (bao-cao-9-thang) → đã nộp hay chưa (submitted): có ngày nộp nhưng submitted là false",
        f"{where} 17, báo cáo thứ 5 (bao-cao-nam) → tệp đính kèm (attachment): không tìm thấy tệp files/khong-co.pdf",
        f"{where} 21, báo cáo thứ 6 (đột xuất) → tệp đính kèm (attachment): chỉ ghi tên tệp nằm trong thư mục files/",
    ]
    for text in expected:
        assert any(text in p for p in problems), text


def test_a_long_gap_between_dialogues_is_a_warning_naming_both_dates(sample_copy):
    site = load_site_data(with_record_file(sample_copy, "dialogues-long-gap.yml"))
    (warning,) = [str(w) for w in site.warnings if "dialogues.yml" in w.file]
    assert "dòng 10, buổi đối thoại thứ 2 (buoi-2) → ngày tổ chức (date): giữa hai buổi 05/09/2023 và 06/04/2024 cách nhau quá 6 tháng" in warning


def test_a_report_submitted_without_a_date_is_a_warning(sample_copy):
    site = load_site_data(with_record_file(sample_copy, "reports-submitted-without-date.yml"))
    assert [str(w) for w in site.warnings] == [
        "data/years/2023-2024/reports.yml, dòng 4, báo cáo thứ 1 (bao-cao-quy-1) → đã nộp hay chưa (submitted): báo cáo ghi đã nộp nhưng chưa có ngày nộp"
    ]


def test_the_real_plan_warns_about_its_three_dated_deadlines(real_site):
    warnings = [str(w) for w in real_site.warnings]
    assert len(warnings) == 3
    for written, reason in [
        ("25/02/2023", "trước ngày ban hành văn bản căn cứ Kế hoạch số 503/KH-GDĐT (30/03/2023)"),
        ("25/04/2023", "nằm ngoài năm học 2023-2024"),
        ("25/08/2023", "nằm ngoài năm học 2023-2024"),
    ]:
        assert any(written in w and reason in w and "plan.yml" in w for w in warnings), written
