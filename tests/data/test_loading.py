"""Loading the data folder: the real data loads; every problem of a run is reported together."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from macros.data.loading import load_site_data

REAL_DATA = Path(__file__).resolve().parents[2] / "data"
INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "invalid"
PLAN = "data/years/2023-2024/plan.yml"
SCHOOL = "data/school.yml"
DOCUMENTS = "data/legal_documents.yml"


def test_the_real_data_loads() -> None:
    site = load_site_data(REAL_DATA)

    assert site.school.name == "Trường mầm non Bé Ngoan"
    assert [plan.school_year for plan in site.plans] == ["2023-2024"]
    assert site.current_plan.school_year == "2023-2024"
    assert site.role("hieu-truong").name == "Hiệu trưởng"
    assert site.document("kh-503-kh-gddt-2023").date == date(2023, 3, 30)
    assert site.current_plan.reporting.reports[0].due_date == date(2023, 2, 25)


def test_missing_file_is_reported_by_name_without_hiding_the_problems_of_the_others(with_fixtures, refused_folder) -> None:
    data_dir = with_fixtures("plan-quote-not-in-text.yml")
    (data_dir / "school.yml").unlink()

    refusal = refused_folder(data_dir)

    assert refusal.where() == [(SCHOOL, 1, None), (PLAN, 43, "organisation[1].duties[2].quote")]
    assert refusal.problems[0].message == "không tìm thấy tệp này"


def test_year_folder_without_its_plan_is_reported(data_copy: Path, refused_folder) -> None:
    (data_copy / "years" / "2024-2025").mkdir()

    refusal = refused_folder(data_copy)

    assert refusal.where() == [("data/years/2024-2025/plan.yml", 1, None)]
    assert "không tìm thấy tệp này" in refusal.only().message


def test_empty_file_is_refused_saying_fields_are_expected(refused) -> None:
    refusal = refused("plan-empty.yml")

    assert refusal.where() == [(PLAN, 1, None)]
    assert (INVALID / "plan-empty.yml").stat().st_size == 0
    message = refusal.only().message
    assert "nhóm trường (tên: giá trị)" in message
    assert "không được trống" in message


def test_all_problems_of_a_run_are_reported_together_across_files(refused) -> None:
    refusal = refused("school-duplicate-role.yml", "legal-documents-impossible-date.yml", "plan-quote-not-in-text.yml")

    # A refused file (legal_documents.yml) does not stop the checks of the others.
    assert [(file, line, field.split(" (")[0]) for file, line, field in refusal.where()] == [
        (DOCUMENTS, 6, "documents[1].date"),
        (SCHOOL, 18, "roles[6].id"),
        (PLAN, 43, "organisation[1].duties[2].quote"),
    ]
    assert refusal.report.startswith("Dữ liệu có 3 lỗi, trang web chưa được cập nhật:\n")


def test_the_report_gives_file_line_and_field_before_each_message(refused) -> None:
    refusal = refused("plan-duplicate-duty.yml")

    assert refusal.report.splitlines()[1] == (
        "  - data/years/2023-2024/plan.yml, dòng 41, phần III → đoạn thứ 1 → nhiệm vụ thứ 2 (xay-dung-ke-hoach-quy-che) → mã nhiệm vụ (id): "
        "mã nhiệm vụ 'xay-dung-ke-hoach-quy-che' bị trùng (đã dùng ở dòng 38); mỗi mã chỉ dùng một lần"
    )


@pytest.mark.parametrize("fixture", sorted(path.name for path in INVALID.glob("*.yml")))
def test_every_invalid_file_is_refused_in_vietnamese_without_a_traceback(refused, fixture: str) -> None:
    refusal = refused(fixture)

    assert refusal.problems
    assert refusal.report.startswith("Dữ liệu có ")
    assert "Traceback" not in refusal.report
    for english in ("Error", "expected", "found", "line ", "column", "position"):
        assert english not in refusal.report
