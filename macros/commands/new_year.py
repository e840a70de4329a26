"""``qcdc-new-year``: start the next school year from the previous one.

The new year's plan is a copy of the last one's text and structure: the parts,
the duties and who holds them (roles stay in school.yml), the recurring duties
and the list of reports. What belongs to the old document or the old year is
cleared to null, since it is unknown until the new plan is signed: its number,
date and signer, the reports' deadlines (as written and as dates), one-off
due dates and the year's own start and end. The facts of the document that
follow the school rather than the text (governing body, issuing unit,
district, place) start from today's school.yml. Mentions of the school year
("2023-2024", "2023 - 2024") become the new one. Dialogues and reports start
empty; the reception arrangement is kept, without the old year's figures.
The copy keeps the editor's comments and layout, and must pass the data check.
It is marked ``draft: true`` until the editor has copied in the signed text: the
check warns, and the site labels it "Dự thảo" and keeps leading with the last
signed year (``macros.data.current_year``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from ..data.errors import DataError
from ..data.loading import DIALOGUES_FILE, PLAN_FILE, RECEPTION_FILE, REPORTS_FILE, YEARS_FOLDER, load_site_data
from ..data.models import School, SiteData
from .cli import load_or_explain
from .record_templates import empty_records_file
from .schema import with_modeline
from .yaml_edit import nodes, replace_node, replace_values, set_top_level_value

# Values of the old plan that the new one has yet to state.
CLEARED_IN_PLAN = [
    "number",
    "date",
    "signer.title",
    "signer.name",
    "start_date",
    "end_date",
    "reporting.reports.*.due_as_written",
    "reporting.reports.*.due_date",
    "organisation.*.duties.*.due_date",
    "reporting.supervision.duties.*.due_date",
]


class NewYearRefused(Exception):
    """The new year cannot be started; the message says why, in Vietnamese."""


def next_school_year(school_year: str) -> str:
    start = int(school_year[:4]) + 1
    return f"{start}-{start + 1}"


def start_year(data_dir: Path, site: SiteData, source_year: str | None = None) -> list[Path]:
    """Write the folder of the year after ``source_year`` (default: the latest); return the files written.

    The new data is checked as a whole; if it does not pass, the folder is removed again.
    """
    years = [year.school_year for year in site.years]
    source_year = source_year or years[-1]
    if source_year not in years:
        raise NewYearRefused(f"không có năm học {source_year} trong dữ liệu; các năm học có: {', '.join(years)}")
    new_year = next_school_year(source_year)
    source = Path(data_dir) / YEARS_FOLDER / source_year
    target = Path(data_dir) / YEARS_FOLDER / new_year
    if target.exists():
        raise NewYearRefused(f"đã có thư mục năm học {new_year} ({target}); không ghi đè")

    target.mkdir(parents=True)
    written = [target / PLAN_FILE, target / DIALOGUES_FILE, target / REPORTS_FILE]
    try:
        plan_text = new_plan_text((source / PLAN_FILE).read_text(encoding="utf-8"), source_year, new_year)
        _write(target / PLAN_FILE, with_todays_facts(plan_text, site.school))
        for name in (DIALOGUES_FILE, REPORTS_FILE):
            _write(target / name, empty_records_file(name, new_year))
        if (source / RECEPTION_FILE).is_file():
            reception = (source / RECEPTION_FILE).read_text(encoding="utf-8")
            _write(target / RECEPTION_FILE, new_reception_text(reception, source_year, new_year))
            written.append(target / RECEPTION_FILE)
        load_site_data(data_dir)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return written


def new_plan_text(text: str, old_year: str, new_year: str) -> str:
    text = as_draft(replace_values(_without_notes(text), CLEARED_IN_PLAN, "null"))
    note = (
        f"# BẢN NHÁP tạo từ kế hoạch năm học {old_year} (lệnh new-year). Hãy đối chiếu với kế hoạch\n"
        f"# năm học {new_year} đã ký và chép lại nguyên văn những gì thay đổi. Số, ngày ký, người ký\n"
        "# và hạn nộp các báo cáo đang để null (chưa rõ): điền khi có văn bản. Cơ quan chủ quản, đơn vị\n"
        "# ban hành, địa bàn, địa danh lấy theo school.yml hiện nay: sửa nếu văn bản đã ký ghi khác.\n"
    )
    return note + _rename_year(text, old_year, new_year)


def with_todays_facts(text: str, school: School) -> str:
    """The plan's facts of the school as school.yml states them today; each new plan keeps its own from then on."""
    facts = [
        ("governing_body", school.governing_body, "issuing_unit"),
        ("issuing_unit", school.name, "number"),
        ("district", school.district, "number"),
        ("place", school.place, "signer"),
    ]
    for key, value, before in facts:
        text = set_top_level_value(text, key, value, before)
    return text


DRAFT_LINES = (
    "# Dự thảo cho đến khi kế hoạch được ký: mọi trang của năm học ghi rõ \"Dự thảo\".\n"
    "# Khi đã ký: chép lại nguyên văn, điền số, ngày ký, người ký, rồi đổi thành draft: false.\n"
    "draft: true\n"
)


def as_draft(text: str) -> str:
    """The plan marked as a draft (``draft: true``), on the line after its school year."""
    found = dict(nodes(text))
    if ("draft",) in found:
        return replace_values(text, ["draft"], "true")
    end = found[("school_year",)].end_mark.index
    line_end = text.find("\n", end) + 1 or len(text)
    return text[:line_end] + DRAFT_LINES + text[line_end:]


def new_reception_text(text: str, old_year: str, new_year: str) -> str:
    note = f"# Chép từ năm học {old_year} (lệnh new-year): sửa nếu người tiếp, lịch hoặc địa điểm thay đổi.\n"
    return note + _rename_year(replace_node(_without_notes(text), ("figures",), "[]"), old_year, new_year)


# The notes above, as an earlier run wrote them into the year now copied.
_EARLIER_NOTES = re.compile(
    r"^# BẢN NHÁP tạo từ kế hoạch năm học \d{4}-\d{4} \(lệnh new-year\)\..*\n(?:# .*\n){2,3}"
    r"|^# Chép từ năm học \d{4}-\d{4} \(lệnh new-year\):.*\n",
    re.MULTILINE,
)


def _without_notes(text: str) -> str:
    return _EARLIER_NOTES.sub("", text)


def _rename_year(text: str, old_year: str, new_year: str) -> str:
    """Every mention of the old school year, however its dash is written, names the new one."""
    old_start, old_end = old_year.split("-")
    new_start, new_end = new_year.split("-")
    mention = re.compile(rf"\b{old_start}(\s*[-–]\s*){old_end}\b")
    return mention.sub(lambda match: f"{new_start}{match[1]}{new_end}", text)


def _write(path: Path, text: str) -> None:
    # The editor's tools find the schema through the first line; it names the new file's place.
    lines = text.splitlines(keepends=True)
    body = "".join(line for line in lines if not line.startswith("# yaml-language-server:"))
    path.write_text(with_modeline(body, path), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="qcdc-new-year", description="Bắt đầu năm học mới từ kế hoạch của năm học trước."
    )
    parser.add_argument("--tu-nam-hoc", help="năm học làm gốc, ví dụ 2023-2024 (mặc định: năm học mới nhất)")
    parser.add_argument("--du-lieu", default="data", type=Path, help="thư mục dữ liệu (mặc định: data)")
    arguments = parser.parse_args(argv)
    site = load_or_explain(arguments.du_lieu, "Hãy sửa các lỗi trên trước khi bắt đầu năm học mới.")
    if site is None:
        return 1
    try:
        written = start_year(arguments.du_lieu, site, arguments.tu_nam_hoc)
    except NewYearRefused as error:
        print(f"Không tạo được năm học mới: {error}.", file=sys.stderr)
        return 1
    except DataError as error:
        print("Năm học mới chưa tạo được vì dữ liệu tạo ra chưa hợp lệ (đã xóa lại):", file=sys.stderr)
        print(error.report(), file=sys.stderr)
        return 1
    print(f"Đã tạo năm học {written[0].parent.name}:")
    for path in written:
        print(f"  - {path}")
    print(
        "Kế hoạch mới là dự thảo (draft: true): trang web ghi rõ \"Dự thảo\" và trang chủ vẫn theo năm học cũ.\n"
        "Tiếp theo: mở plan.yml, đối chiếu với kế hoạch mới đã ký, chép lại nguyên văn phần thay đổi và điền\n"
        "số, ngày ký, người ký, hạn nộp các báo cáo (đang để null), rồi đổi draft: true thành draft: false.\n"
        "Kiểm tra bằng scripts/check rồi lưu lên git."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
