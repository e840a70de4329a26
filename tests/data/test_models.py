"""Validation messages: what the models refuse, told in Vietnamese with file, line and field.

The field is named by its path in the file (list items counted from 1),
followed by the model's Vietnamese description of it.
"""

from __future__ import annotations

from macros.data.models import Plan, Report

PLAN = "data/years/2023-2024/plan.yml"


def test_unknown_key_is_refused_with_the_closest_known_key_suggested(refused) -> None:
    refusal = refused("plan-unknown-key.yml")

    missing, unknown = refusal.problems
    assert refusal.fixture_line(4).startswith("titel: ")
    assert (unknown.file, unknown.line, unknown.field) == (PLAN, 4, "titel")
    assert "trường 'titel' không có trong mẫu dữ liệu" in unknown.message
    assert "có phải ý bạn là 'title'?" in unknown.message
    assert "Các trường được dùng ở đây: closing, content," in unknown.message
    # The misspelt key also leaves 'title' missing; that is reported as well.
    assert (missing.file, missing.line) == (PLAN, 2)
    assert missing.field.startswith("title (")
    assert "thiếu trường bắt buộc" in missing.message


def test_list_where_text_is_expected_is_refused_saying_what_was_found(refused) -> None:
    refusal = refused("plan-list-instead-of-text.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 4)
    assert problem.field.startswith("title (")
    assert refusal.fixture_line(4) == "title:"
    assert "gặp một danh sách; cần một đoạn chữ" in problem.message


def test_number_where_text_is_expected_is_refused_with_a_hint_to_quote_it(refused) -> None:
    refusal = refused("plan-number-instead-of-text.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 7)
    assert problem.field.startswith("number (")
    assert refusal.fixture_line(7) == "number: 15"
    assert "gặp 15 (một số nguyên); cần một đoạn chữ" in problem.message
    assert "đặt trong dấu ngoặc kép" in problem.message


def test_yes_or_no_where_text_is_expected_is_shown_as_yaml_wrote_it(refused) -> None:
    refusal = refused("plan-no-instead-of-null.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 7)
    assert problem.field.startswith("number (")
    assert refusal.fixture_line(7) == "number: no"
    assert "gặp false (true hoặc false); cần một đoạn chữ" in problem.message
    assert "False" not in problem.message


def test_missing_required_field_is_refused_at_the_line_of_its_item(refused) -> None:
    refusal = refused("plan-missing-required-field.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 58)
    assert problem.field.startswith("reporting.reports[1].name (")
    assert refusal.fixture_line(58).strip() == "- id: bao-cao-quy-1"
    assert "thiếu trường bắt buộc này" in problem.message
    assert "ghi null" in problem.message


def test_id_with_capitals_or_spaces_is_refused_with_an_example_of_a_good_id(refused) -> None:
    refusal = refused("plan-bad-id.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 38)
    assert problem.field.startswith("organisation[1].duties[1].id (")
    assert refusal.fixture_line(38).strip() == "- id: Xay_Dung Ke-Hoach"
    assert "gặp 'Xay_Dung Ke-Hoach'" in problem.message
    assert "chữ thường không dấu, số và dấu gạch nối, ví dụ hieu-truong" in problem.message


def test_school_year_of_two_years_apart_is_refused(refused) -> None:
    refusal = refused("plan-school-year-not-consecutive.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 2)
    assert problem.field.startswith("school_year (")
    assert refusal.fixture_line(2) == "school_year: 2023-2025"
    assert "gặp '2023-2025'" in problem.message
    assert "năm học phải gồm hai năm liền nhau, ví dụ 2023-2024" in problem.message


def test_report_kind_out_of_its_choices_is_refused_listing_the_choices_in_vietnamese(refused) -> None:
    refusal = refused("plan-report-kind-not-a-choice.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 60)
    assert problem.field.startswith("reporting.reports[1].kind (")
    assert refusal.fixture_line(60).strip() == "kind: quý"
    assert "gặp 'quý'" in problem.message
    assert "chỉ nhận một trong các giá trị: 'quy', '6-thang', '9-thang', 'nam' hoặc 'dot-xuat'" in problem.message
    assert " or " not in problem.message


def test_a_field_is_named_with_its_vietnamese_description_from_the_model(refused) -> None:
    number = refused("plan-number-instead-of-text.yml").only()
    kind = refused("plan-report-kind-not-a-choice.yml").only()

    assert number.field == f"number ({Plan.model_fields['number'].description})"
    assert kind.field == f"reporting.reports[1].kind ({Report.model_fields['kind'].description})"
