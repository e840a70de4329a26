"""The JSON Schemas of the data files: generated from the models, found by editors, and right about the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.data.yaml_source import read_yaml
from macros.commands.schema import KINDS, MODELINE_PREFIX, SCHEMA_FOLDER, kind_of, outdated_schemas, schema_text, write_schemas
from macros.commands.schema import main as schema_command
from tests.conftest import FIXTURES, REAL_DATA, ROOT, SAMPLE

DATA_FILES = sorted([*REAL_DATA.rglob("*.yml"), *(SAMPLE / "data").rglob("*.yml")])


def data_file_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def validator_for(kind_file_name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMA_FOLDER / kind_of(Path(kind_file_name)).schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_there_are_real_and_sample_data_files_of_every_kind() -> None:
    assert {path.name for path in DATA_FILES} == {kind.file_name for kind in KINDS}
    assert any(path.is_relative_to(REAL_DATA) for path in DATA_FILES)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.file_name)
def test_the_committed_schema_is_what_the_models_generate(kind) -> None:
    committed = (SCHEMA_FOLDER / kind.schema_name).read_text(encoding="utf-8")
    assert committed == schema_text(kind), "schema/ is out of date: run scripts/schema"


def test_the_schema_command_writes_missing_files_and_reports_changes(tmp_path: Path) -> None:
    assert outdated_schemas(tmp_path) == [tmp_path / kind.schema_name for kind in KINDS]
    assert write_schemas(tmp_path) == [tmp_path / kind.schema_name for kind in KINDS]
    assert outdated_schemas(tmp_path) == []
    (tmp_path / "plan.schema.json").write_text("{}", encoding="utf-8")
    assert outdated_schemas(tmp_path) == [tmp_path / "plan.schema.json"]
    assert write_schemas(tmp_path) == [tmp_path / "plan.schema.json"]


def test_the_schema_check_says_the_schemas_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_command(["--check"]) == 0
    assert capsys.readouterr().out == f"Các tệp JSON Schema trong schema/ ({len(KINDS)} tệp) khớp với mô hình dữ liệu, không cần tạo lại.\n"


@pytest.mark.parametrize("path", DATA_FILES, ids=data_file_id)
def test_every_data_file_starts_with_the_modeline_of_its_schema(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(MODELINE_PREFIX)
    target = (path.parent / first_line.removeprefix(MODELINE_PREFIX)).resolve()
    assert target == (SCHEMA_FOLDER / kind_of(path).schema_name).resolve()
    assert target.is_file()


@pytest.mark.parametrize("path", DATA_FILES, ids=data_file_id)
def test_every_real_and_sample_data_file_satisfies_its_schema(path: Path) -> None:
    value = read_yaml(path, path.name).value
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator_for(path.name).iter_errors(value)]
    assert errors == []


def test_the_schema_speaks_vietnamese_to_the_editor() -> None:
    def properties(node: object) -> list[tuple[str, dict]]:
        found = []
        if isinstance(node, dict):
            found += [(name, value) for name, value in node.get("properties", {}).items()]
            for value in node.values():
                found += properties(value)
        elif isinstance(node, list):
            for value in node:
                found += properties(value)
        return found

    for kind in KINDS:
        schema = json.loads(schema_text(kind))
        fields = properties(schema)
        assert fields
        assert [name for name, field in fields if not field.get("description")] == []
        assert [name for name, field in fields if "title" in field] == []
        assert schema["title"].endswith(f"{kind.file_name})")
    plan = json.loads(schema_text(kind_of(Path("plan.yml"))))
    assert plan["properties"]["purposes"]["description"] == "mục đích"


# Fixtures whose mistake is in the shape of the data: the schema must catch it, at its place,
# while the editor types. (Mistakes that need other files, such as an unknown role, are for the check.)
SCHEMA_LEVEL_MISTAKES = {
    "plan-unknown-key.yml": ([], "'titel' was unexpected"),
    "plan-missing-required-field.yml": (["reporting", "reports", 0], "'name' is a required property"),
    "plan-bad-date-format.yml": (["reporting", "reports", 0, "due_date"], "'25.02.2023'"),
    "plan-bad-id.yml": (["organisation", 0, "duties", 0, "id"], "does not match"),
    "plan-list-instead-of-text.yml": (["title"], "is not of type 'string'"),
    "plan-number-instead-of-text.yml": (["number"], "15 is not valid"),
    "plan-report-kind-not-a-choice.yml": (["reporting", "reports", 0, "kind"], "'quý' is not one of"),
    "plan-no-instead-of-null.yml": (["number"], "False is not valid"),
}


@pytest.mark.parametrize(("fixture", "expected"), sorted(SCHEMA_LEVEL_MISTAKES.items()))
def test_the_schema_refuses_a_file_with_a_mistake_in_its_shape(fixture: str, expected: tuple[list, str]) -> None:
    value = read_yaml(FIXTURES / "invalid" / fixture, fixture).value
    errors = [(list(error.absolute_path), error.message) for error in validator_for("plan.yml").iter_errors(value)]
    place, words = expected
    assert any(path == place and words in message for path, message in errors), errors


def test_the_schema_refuses_records_with_a_misspelt_field_or_an_unknown_status() -> None:
    dialogues = validator_for("dialogues.yml")
    session = {"id": "doi-thoai-1", "duty": "doi-thoai-dinh-ky", "status": "held", "date": "05/09/2023"}
    assert list(dialogues.iter_errors({"sessions": [session]})) == []
    assert list(dialogues.iter_errors({"sessions": [{**session, "status": "done"}]}))
    assert list(dialogues.iter_errors({"sessions": [{**session, "date": "2023/09/05"}]}))
    reports = validator_for("reports.yml")
    record = {"id": "bao-cao-quy-i", "submitted": True, "submitted_date": "15/12/2023", "summary": {"results": ["Đạt."]}}
    assert list(reports.iter_errors({"reports": [record]})) == []
    assert list(reports.iter_errors({"reports": [{**record, "sumary": None}]}))
    assert list(reports.iter_errors({"reports": [{**record, "summary": {"results": []}}]}))
