"""Dates as the school writes them: 25/02/2023 (or 2023-02-25); impossible dates refused."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic_core import PydanticCustomError

from macros.data.dates import format_date, parse_date
from macros.data.loading import load_site_data

PLAN = "data/years/2023-2024/plan.yml"
DOCUMENTS = "data/legal_documents.yml"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("25/02/2023", date(2023, 2, 25)),
        ("5/9/2023", date(2023, 9, 5)),
        ("29/02/2024", date(2024, 2, 29)),
        ("2023-02-25", date(2023, 2, 25)),
        (" 25/02/2023 ", date(2023, 2, 25)),
    ],
)
def test_a_date_is_read_day_first_or_in_iso_form(written: str, meant: date) -> None:
    assert parse_date(written) == meant


def test_unknown_dates_and_dates_already_read_are_kept() -> None:
    assert parse_date(None) is None
    assert parse_date(date(2023, 3, 30)) == date(2023, 3, 30)


@pytest.mark.parametrize("written", ["30/02/2024", "29/02/2023", "31/04/2024", "00/01/2024", "15/13/2024", "2024-02-30"])
def test_a_date_that_is_not_on_the_calendar_is_refused_by_name(written: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(written)

    assert caught.value.type == "date_impossible"
    assert str(caught.value) == f"ngày {written} không có thật trên lịch"


@pytest.mark.parametrize("written", ["25.02.2023", "25-02-2023", "25/02/23", "2023-2-25", "ngày 25 tháng 2 năm 2023", "", 2023])
def test_a_date_in_another_form_is_refused_with_an_example_of_the_expected_form(written: object) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(written)

    assert caught.value.type == "date_format"
    assert str(caught.value) == "cần một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023"


def test_dates_are_written_back_day_first_with_two_digits() -> None:
    assert format_date(date(2023, 3, 5)) == "05/03/2023"
    assert parse_date(format_date(date(2024, 12, 31))) == date(2024, 12, 31)


# --- In the data files ----------------------------------------------------------


def test_impossible_date_is_refused_with_its_line_and_field(refused) -> None:
    refusal = refused("legal-documents-impossible-date.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (DOCUMENTS, 6)
    assert problem.field == "documents[1].date"
    assert problem.place == "văn bản thứ 1 (503/KH-GDĐT) → ngày ban hành (date)"
    assert refusal.fixture_line(6).strip() == "date: 30/02/2024"
    assert "gặp '30/02/2024'" in problem.message
    assert "ngày 30/02/2024 không có thật trên lịch" in problem.message


def test_badly_formatted_date_is_refused_with_its_line_field_and_the_expected_form(refused) -> None:
    refusal = refused("plan-bad-date-format.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 62)
    assert problem.place == "phần IV → báo cáo thứ 1 (Quý I) → hạn nộp (due_date)"
    assert refusal.fixture_line(62).strip() == "due_date: 25.02.2023"
    assert "gặp '25.02.2023'" in problem.message
    assert "cần một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023" in problem.message


def test_a_date_written_year_first_is_accepted_with_a_warning_showing_the_guides_form(data_copy) -> None:
    documents = data_copy / "legal_documents.yml"
    text = documents.read_text(encoding="utf-8")
    assert "date: 03/03/2023" in text
    documents.write_text(text.replace("date: 03/03/2023", "date: 2023-03-03", 1), encoding="utf-8")

    site = load_site_data(data_copy)

    assert date(2023, 3, 3) in [document.date for document in site.legal_documents]
    (warning,) = [str(w) for w in site.warnings if w.file == "data/legal_documents.yml"]
    assert warning.endswith(
        "ngày '2023-03-03' viết theo dạng năm-tháng-ngày; trang web vẫn hiểu là 03/03/2023, "
        "nhưng nên ghi 03/03/2023 (ngày/tháng/năm) như hướng dẫn"
    )
    assert "→ ngày ban hành (date): " in warning
