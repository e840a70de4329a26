"""Reading YAML: values as written, the line of every field, and refusals that name their line.

Bad data comes from tests/fixtures/invalid/: each test puts one broken file in
place of the real one in a copy of data/, and reads what the editor is told.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import yaml_source
from macros.data.yaml_source import field_path, read_yaml

REAL_DATA = Path(__file__).resolve().parents[2] / "data"
PLAN = "data/years/2023-2024/plan.yml"


# --- What a valid file reads as -------------------------------------------------


def test_values_are_read_as_written_and_dates_stay_text() -> None:
    source = read_yaml(REAL_DATA / "legal_documents.yml", "data/legal_documents.yml")

    first, second, third = source.value["documents"][:3]
    assert first["date"] == "30/03/2023"
    assert first["number"] == "503/KH-GDĐT"
    assert second["date"] == "10/11/2022"
    assert second["year"] == 2022
    assert third["date"] is None


def test_an_iso_date_is_not_turned_into_a_date_by_yaml(tmp_path: Path) -> None:
    # The models parse dates, so that an impossible one gets a clear message.
    path = tmp_path / "dates.yml"
    path.write_text("due_date: 2023-02-25\nschool_year: 2023-2024\n", encoding="utf-8")

    assert read_yaml(path, "dates.yml").value == {"due_date": "2023-02-25", "school_year": "2023-2024"}


def test_every_field_remembers_the_line_of_its_key() -> None:
    source = read_yaml(REAL_DATA / "school.yml", "data/school.yml")

    assert source.line_of(("name",)) == 4
    assert source.line_of(("roles",)) == 15
    assert source.line_of(("roles", 1)) == 18
    assert source.line_of(("roles", 1, "id")) == 18
    assert source.line_of(("roles", 1, "name")) == 19


def test_a_field_that_is_not_in_the_file_takes_the_line_of_what_encloses_it() -> None:
    source = read_yaml(REAL_DATA / "school.yml", "data/school.yml")

    assert source.line_of(("roles", 1, "description")) == 18
    assert source.line_of(("no_such_field",)) == 4


def test_field_paths_count_list_items_from_one() -> None:
    assert field_path(("organisation", 3, "duties", 0, "owner")) == "organisation[4].duties[1].owner"
    assert field_path(("school_year",)) == "school_year"
    assert field_path(()) == ""


# --- Refused files, one test per kind of mistake --------------------------------


def test_yaml_syntax_error_names_its_line_and_says_to_quote_text_with_a_colon(refused) -> None:
    refusal = refused("plan-syntax-colon.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 5, None)
    assert refusal.fixture_line(5) == "subtitle: Năm học: 2023-2024"
    assert problem.message.startswith("lỗi cú pháp YAML")
    assert "dấu hai chấm ':' không đúng chỗ" in problem.message
    assert "dấu ngoặc kép" in problem.message


def test_misaligned_indentation_is_explained_in_vietnamese(refused) -> None:
    refusal = refused("plan-syntax-indentation.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 11, None)
    assert refusal.fixture_line(11) == " name: null"
    assert "không thẳng hàng" in problem.message
    # PyYAML's own English ("expected <block end>, but found ...") must not reach the editor.
    assert "expected" not in problem.message
    assert "found" not in problem.message


def test_tab_indentation_is_refused_with_its_line(refused) -> None:
    refusal = refused("plan-tab-indentation.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 10, None)
    assert refusal.fixture_line(10) == "\ttitle: null"
    assert "Tab" in problem.message
    assert "dấu cách" in problem.message


def test_duplicate_key_is_refused_naming_both_lines_and_the_field(refused) -> None:
    refusal = refused("plan-duplicate-key.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 40, "organisation[1].duties[1].owner")
    assert refusal.fixture_line(39).strip() == "owner: hieu-truong"
    assert refusal.fixture_line(40).strip() == "owner: ban-giam-hieu"
    assert "'owner' bị lặp lại (đã có ở dòng 39)" in problem.message


def test_alias_is_refused_with_its_line_and_field(refused) -> None:
    refusal = refused("plan-alias.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 31, "content[1].items[1].cites")
    assert refusal.fixture_line(31).strip() == "cites: *can-cu"
    assert "bí danh YAML (dấu *)" in problem.message
    assert "viết đầy đủ giá trị" in problem.message


def test_python_object_tag_is_refused_and_never_run(refused, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tag would write this file in the working directory if it were ever executed.
    monkeypatch.chdir(tmp_path)

    refusal = refused("plan-python-tag.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 8, "date")
    assert refusal.fixture_line(8).startswith("date: !!python/object/apply:os.system")
    assert "thẻ YAML '!!python/object/apply:os.system' không được phép" in problem.message
    assert not (tmp_path / "yaml-ran-a-command.txt").exists()


def test_file_not_in_utf8_is_refused_naming_the_line_of_the_first_bad_character(refused) -> None:
    refusal = refused("plan-not-utf8.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 6, None)
    assert refusal.fixture_line(6).startswith("issuing_unit: Tr")
    assert "không ở mã UTF-8" in problem.message
    assert "lưu lại tệp dưới dạng UTF-8" in problem.message


def test_invisible_control_character_is_refused_with_its_line(refused) -> None:
    refusal = refused("plan-control-character.yml")

    problem = refusal.only()
    assert (problem.file, problem.line, problem.field) == (PLAN, 52, None)
    assert "\x0b" in refusal.fixture_line(52)
    assert "ký tự điều khiển" in problem.message
    assert "U+000B" in problem.message


def test_an_unquoted_time_stays_text_instead_of_becoming_a_base_60_number(tmp_path):
    path = tmp_path / "dialogues.yml"
    path.write_text("time: 14:30\ncount: 12\n", encoding="utf-8")
    assert read_yaml(path, "data/dialogues.yml").value == {"time": "14:30", "count": 12}


# --- Two parsers, one reading -------------------------------------------------------


@pytest.mark.skipif(yaml_source._FastLoader is None, reason="PyYAML without libyaml: only the pure-Python parser runs")
@pytest.mark.parametrize("data_dir", [REAL_DATA, REAL_DATA.parent / "examples" / "truong-mau" / "data"], ids=["real", "sample"])
def test_libyaml_reads_every_data_file_exactly_as_the_pure_python_parser(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(data_dir.rglob("*.yml"))
    fast = [read_yaml(path, path.name) for path in files]
    monkeypatch.setattr(yaml_source, "_FastLoader", None)
    slow = [read_yaml(path, path.name) for path in files]

    assert [(s.value, s.lines) for s in fast] == [(s.value, s.lines) for s in slow]
