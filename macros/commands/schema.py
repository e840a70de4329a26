"""JSON Schemas of the data files, generated from the data models.

Editors with YAML support (VS Code with Red Hat's YAML extension, and the web
editors built on it) find a file's schema through the line it starts with,
``# yaml-language-server: $schema=<path>``: they then complete field names, show
each field's Vietnamese description and underline a mistake as the editor types.

The models in ``macros.data.models`` stay the one source of truth: ``qcdc-schema``
writes ``schema/*.schema.json`` from them, and a test fails when the committed
files differ from a fresh generation. The schemas are written in JSON Schema
draft-07, the version those editors support.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.json_schema import model_schema
from ..data.loading import (
    BOARD_FILE, CONFERENCES_FILE, DIALOGUES_FILE, DISCLOSURES_FILE, DOCUMENTS_FILE, DUTIES_FILE, PLAN_FILE, RECEPTION_FILE,
    REPORTS_FILE, SCHOOL_FILE, SWAPS_FILE,
)
from ..data.models import (
    DialoguesFile, DisclosuresFile, DutiesFile, InspectionBoardFile, LegalDocumentsFile, Plan, Reception, ReportsFile, School,
    StaffConferencesFile, WorkingDaySwapsFile,
)

SCHEMA_FOLDER = Path(__file__).resolve().parents[2] / "schema"
MODELINE_PREFIX = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class DataFileKind:
    """One kind of data file: its name in the data folder, its model and how an editor reads it."""

    file_name: str
    model: type[BaseModel]
    title: str

    @property
    def schema_name(self) -> str:
        return self.file_name.removesuffix(".yml") + ".schema.json"


KINDS = [
    DataFileKind(SCHOOL_FILE, School, "Thông tin nhà trường và các vai trò (data/school.yml)"),
    DataFileKind(DOCUMENTS_FILE, LegalDocumentsFile, "Các văn bản pháp lý được trích dẫn (data/legal_documents.yml)"),
    DataFileKind(PLAN_FILE, Plan, "Kế hoạch thực hiện quy chế dân chủ của một năm học (data/years/<năm học>/plan.yml)"),
    DataFileKind(DIALOGUES_FILE, DialoguesFile, "Các buổi đối thoại của một năm học (data/years/<năm học>/dialogues.yml)"),
    DataFileKind(REPORTS_FILE, ReportsFile, "Tình hình các báo cáo của một năm học (data/years/<năm học>/reports.yml)"),
    DataFileKind(RECEPTION_FILE, Reception, "Tiếp công dân trong một năm học (data/years/<năm học>/reception.yml)"),
    DataFileKind(DUTIES_FILE, DutiesFile, "Danh mục nghĩa vụ định kỳ theo luật (data/duties.yml)"),
    DataFileKind(SWAPS_FILE, WorkingDaySwapsFile, "Các ngày làm việc được hoán đổi (data/working_day_swaps.yml)"),
    DataFileKind(CONFERENCES_FILE, StaffConferencesFile, "Hội nghị cán bộ, công chức, viên chức, người lao động (data/years/<năm học>/staff_conferences.yml)"),
    DataFileKind(BOARD_FILE, InspectionBoardFile, "Ban thanh tra nhân dân: nhiệm kỳ, báo cáo, kiến nghị (data/years/<năm học>/inspection_board.yml)"),
    DataFileKind(DISCLOSURES_FILE, DisclosuresFile, "Sổ theo dõi công khai (data/years/<năm học>/disclosures.yml)"),
]


def kind_of(path: Path) -> DataFileKind:
    """The kind of a data file, from its name (``plan.yml`` is a plan wherever it is)."""
    return next(kind for kind in KINDS if kind.file_name == Path(path).name)


def schema_of(kind: DataFileKind) -> dict[str, Any]:
    """The JSON Schema of one kind of data file."""
    return model_schema(kind.model, kind.title)


def schema_text(kind: DataFileKind) -> str:
    return json.dumps(schema_of(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path = SCHEMA_FOLDER) -> list[Path]:
    """Write every kind's schema into ``folder``; return the files whose content changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for kind in KINDS:
        path = folder / kind.schema_name
        text = schema_text(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def outdated_schemas(folder: Path = SCHEMA_FOLDER) -> list[Path]:
    """The schema files that are missing or differ from what the models generate now."""
    return [
        folder / kind.schema_name
        for kind in KINDS
        if not (folder / kind.schema_name).is_file()
        or (folder / kind.schema_name).read_text(encoding="utf-8") != schema_text(kind)
    ]


def modeline(data_file: Path, folder: Path = SCHEMA_FOLDER) -> str:
    """The first line of a data file: where editors find its schema (a path relative to the file)."""
    target = Path(folder) / kind_of(data_file).schema_name
    relative = os.path.relpath(target.resolve(), Path(data_file).resolve().parent)
    return MODELINE_PREFIX + Path(relative).as_posix()


def with_modeline(text: str, data_file: Path, folder: Path = SCHEMA_FOLDER) -> str:
    """``text`` of a data file, starting with its modeline (an older one is replaced)."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(MODELINE_PREFIX):
        lines = lines[1:]
    return modeline(data_file, folder) + "\n" + "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``qcdc-schema``: write the schemas from the models, or (``--check``) say which are out of date."""
    parser = argparse.ArgumentParser(
        prog="qcdc-schema", description="Tạo lại các tệp JSON Schema trong schema/ từ mô hình dữ liệu."
    )
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra, không ghi; mã thoát 1 nếu cần tạo lại")
    arguments = parser.parse_args(argv)
    if arguments.check:
        outdated = outdated_schemas()
        for path in outdated:
            print(f"{path.relative_to(SCHEMA_FOLDER.parent)} chưa khớp với mô hình dữ liệu; chạy scripts/schema để tạo lại.", file=sys.stderr)
        if outdated:
            return 1
        print(f"Các tệp JSON Schema trong schema/ ({len(KINDS)} tệp) khớp với mô hình dữ liệu, không cần tạo lại.")
        return 0
    written = write_schemas()
    for path in written:
        print(f"Đã ghi {path.relative_to(SCHEMA_FOLDER.parent)}")
    if not written:
        print(f"Các tệp JSON Schema trong schema/ ({len(KINDS)} tệp) đã khớp với mô hình dữ liệu, không có gì phải ghi.")
    return 0
