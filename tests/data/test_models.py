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
    assert (missing.field, missing.place) == ("title", "trích yếu (title)")
    assert "thiếu trường bắt buộc" in missing.message


def test_list_where_text_is_expected_is_refused_saying_what_was_found(refused) -> None:
    refusal = refused("plan-list-instead-of-text.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 4)
    assert problem.place == "trích yếu (title)"
    assert refusal.fixture_line(4) == "title:"
    assert "gặp một danh sách; cần chữ, viết ngay sau dấu hai chấm trên cùng dòng" in problem.message


def test_number_where_text_is_expected_is_refused_with_a_hint_to_quote_it(refused) -> None:
    refusal = refused("plan-number-instead-of-text.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 7)
    assert problem.place == "số, ký hiệu văn bản (number)"
    assert refusal.fixture_line(7) == "number: 15"
    assert problem.message == 'gặp 15; cần chữ: đặt số trong dấu ngoặc kép, ví dụ "15"'


def test_yes_or_no_where_text_is_expected_is_shown_as_yaml_wrote_it(refused) -> None:
    refusal = refused("plan-no-instead-of-null.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 7)
    assert problem.place == "số, ký hiệu văn bản (number)"
    assert refusal.fixture_line(7) == "number: no"
    assert "gặp false; cần chữ: nếu chưa biết, ghi null" in problem.message
    assert "False" not in problem.message


def test_missing_required_field_is_refused_at_the_line_of_its_item(refused) -> None:
    refusal = refused("plan-missing-required-field.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 58)
    assert problem.place == "phần IV → báo cáo thứ 1 (bao-cao-quy-1) → tên báo cáo (name)"
    assert refusal.fixture_line(58).strip() == "- id: bao-cao-quy-1"
    assert "thiếu trường bắt buộc này" in problem.message
    assert "ghi null" in problem.message


def test_id_with_capitals_or_spaces_is_refused_with_an_example_of_a_good_id(refused) -> None:
    refusal = refused("plan-bad-id.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 38)
    assert problem.field == "organisation[1].duties[1].id"
    assert refusal.fixture_line(38).strip() == "- id: Xay_Dung Ke-Hoach"
    assert "gặp 'Xay_Dung Ke-Hoach'" in problem.message
    assert "chữ thường không dấu, số và dấu gạch nối, ví dụ hieu-truong" in problem.message


def test_school_year_of_two_years_apart_is_refused(refused) -> None:
    refusal = refused("plan-school-year-not-consecutive.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 2)
    assert problem.place == "năm học (school_year)"
    assert refusal.fixture_line(2) == "school_year: 2023-2025"
    assert "gặp '2023-2025'" in problem.message
    assert "năm học phải gồm hai năm liền nhau, ví dụ 2023-2024" in problem.message


def test_report_kind_out_of_its_choices_is_refused_listing_the_choices_in_vietnamese(refused) -> None:
    refusal = refused("plan-report-kind-not-a-choice.yml")

    problem = refusal.only()
    assert (problem.file, problem.line) == (PLAN, 60)
    assert problem.place == "phần IV → báo cáo thứ 1 (Quý I) → loại (kind)"
    assert refusal.fixture_line(60).strip() == "kind: quý"
    assert "gặp 'quý'" in problem.message
    assert "chỉ nhận một trong các giá trị: 'quy', '6-thang', '9-thang', 'nam' hoặc 'dot-xuat'" in problem.message
    assert " or " not in problem.message


def test_a_field_is_named_in_words_from_the_models_descriptions_and_the_data(refused) -> None:
    number = refused("plan-number-instead-of-text.yml").only()
    kind = refused("plan-report-kind-not-a-choice.yml").only()

    # The description up to its first qualification; list items by what they are, counted from 1, and their name.
    assert Plan.model_fields["number"].description.startswith("số, ký hiệu văn bản (")
    assert number.place == "số, ký hiệu văn bản (number)"
    assert Report.model_fields["kind"].description.startswith("loại: ")
    assert kind.place == "phần IV → báo cáo thứ 1 (Quý I) → loại (kind)"
    assert str(kind).startswith("data/years/2023-2024/plan.yml, dòng 60, phần IV → báo cáo thứ 1 (Quý I) → loại (kind): gặp 'quý'; ")
    # One level of parentheses, and no programming type's name.
    for problem in (number, kind):
        assert "((" not in str(problem) and "))" not in str(problem)
        assert "đoạn chữ" not in str(problem) and "số nguyên" not in str(problem)
