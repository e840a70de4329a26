"""``qcdc-add``: add a report's summary or a dialogue session to a school year, from a template.

The template is appended to the year's ``reports.yml`` or ``dialogues.yml``
(created when missing), with comments and ``[cần điền: …]`` blanks; the data
check refuses the file until every blank is filled, and accepts it then.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from ..data.loading import DIALOGUES_FILE, REPORTS_FILE, YEARS_FOLDER
from ..data.anchors import is_page_anchor
from ..data.models import ID_PATTERN, SchoolYear, SiteData
from ..data.yaml_source import read_yaml
from .cli import load_or_explain
from .record_templates import dialogue_session, empty_records_file, periodic_dialogue_duties, records_list_key, report_record
from .schema import with_modeline
from .yaml_edit import append_item


class RecordRefused(Exception):
    """The record cannot be added; the message says why, in Vietnamese."""


def add_report(data_dir: Path, site: SiteData, school_year: str | None = None, report_id: str | None = None) -> tuple[Path, int]:
    """Append a report template; return the file and the line where the new record starts."""
    year = _year(site, school_year)
    recorded = {record.id for record in year.reports or []}
    planned = {report.id: report for report in year.plan.reporting.reports}
    if report_id is None:
        report_id = next((id_ for id_ in planned if id_ not in recorded), None)
        if report_id is None:
            raise RecordRefused(
                f"mọi báo cáo trong kế hoạch năm học {year.school_year} đã có trong {REPORTS_FILE}; "
                "với báo cáo đột xuất, hãy ghi mã của nó: --ma <mã-bao-cao>"
            )
    elif _valid_id(report_id) in recorded:
        raise RecordRefused(f"báo cáo mã {report_id!r} đã có trong {REPORTS_FILE} của năm học {year.school_year}")
    entry = report_record(planned.get(report_id), report_id, year.school_year)
    return _append(data_dir, year, REPORTS_FILE, entry)


def add_dialogue(data_dir: Path, site: SiteData, school_year: str | None = None, session_id: str | None = None) -> tuple[Path, int]:
    """Append a dialogue session template; return the file and the line where the new record starts."""
    year = _year(site, school_year)
    taken = {session.id for session in year.dialogues or []}
    if session_id is None:
        number = len(taken) + 1
        while f"doi-thoai-{number}" in taken:
            number += 1
        session_id = f"doi-thoai-{number}"
    elif _valid_id(session_id) in taken:
        raise RecordRefused(f"buổi đối thoại mã {session_id!r} đã có trong {DIALOGUES_FILE} của năm học {year.school_year}")
    duties = periodic_dialogue_duties(year.plan) or year.plan.all_duties()
    entry = dialogue_session(session_id, duties, [role.id for role in site.school.roles])
    return _append(data_dir, year, DIALOGUES_FILE, entry)


def _valid_id(identifier: str) -> str:
    """An id given on the command line, checked before anything is written: it goes into the YAML as it is."""
    if not re.fullmatch(ID_PATTERN.strip("^$"), identifier) or len(identifier) > 80:
        raise RecordRefused(
            f"mã {identifier!r} không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối "
            "(không dấu cách, không xuống dòng), ví dụ bao-cao-phong-chay"
        )
    if is_page_anchor(identifier):
        raise RecordRefused(f"mã {identifier!r} trùng với tên một mục có sẵn của trang web; hãy chọn mã khác, ví dụ {identifier}-1")
    return identifier


def _year(site: SiteData, school_year: str | None) -> SchoolYear:
    if school_year is None:
        return site.years[-1]
    years = [year.school_year for year in site.years]
    if school_year not in years:
        raise RecordRefused(f"không có năm học {school_year} trong dữ liệu; các năm học có: {', '.join(years)}")
    return site.year(school_year)


def _append(data_dir: Path, year: SchoolYear, file_name: str, entry: str) -> tuple[Path, int]:
    path = Path(data_dir) / YEARS_FOLDER / year.school_year / file_name
    key = records_list_key(file_name)
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = with_modeline(empty_records_file(file_name, year.school_year), path)
    try:
        new_text = append_item(text, key, entry)
    except ValueError as error:
        raise RecordRefused(f"{path}: {error}") from None
    _write_atomically(path, new_text)
    source = read_yaml(path, str(path))
    return path, source.line_of((key, len(source.value[key]) - 1))


def _write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: an interrupted write never leaves it half-written."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="qcdc-add", description="Thêm tóm tắt một báo cáo hoặc một buổi đối thoại vào dữ liệu, từ mẫu có sẵn."
    )
    parser.add_argument("loai", choices=["bao-cao", "doi-thoai"], help="bao-cao: tóm tắt báo cáo; doi-thoai: buổi đối thoại")
    parser.add_argument("--nam-hoc", help="năm học, ví dụ 2023-2024 (mặc định: năm học mới nhất)")
    parser.add_argument("--ma", help="mã của báo cáo hoặc buổi đối thoại (mặc định: báo cáo kế tiếp của kế hoạch / doi-thoai-<số>)")
    parser.add_argument("--du-lieu", default="data", type=Path, help="thư mục dữ liệu (mặc định: data)")
    arguments = parser.parse_args(argv)
    site = load_or_explain(arguments.du_lieu, "Hãy sửa các lỗi trên (hoặc điền nốt mẫu đã thêm trước đó) rồi chạy lại lệnh.")
    if site is None:
        return 1
    add = add_report if arguments.loai == "bao-cao" else add_dialogue
    try:
        path, line = add(arguments.du_lieu, site, arguments.nam_hoc, arguments.ma)
    except RecordRefused as error:
        print(f"Không thêm được: {error}.", file=sys.stderr)
        return 1
    print(f"Đã thêm mẫu vào {path}, từ dòng {line}.")
    print("Mở tệp, thay mọi chỗ “[cần điền: …]” bằng nội dung thật, lưu lại, rồi kiểm tra bằng lệnh scripts/check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
