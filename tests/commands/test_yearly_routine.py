"""The yearly routine on a private copy of the data: start the next year, add a report or a dialogue."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.commands.add_record import RecordRefused, add_dialogue, add_report
from macros.data.current_year import CURRENT_YEAR_VARIABLE, resolve_current_year
from macros.data.errors import DataError
from macros.data.loading import load_site_data
from macros.commands.new_year import NewYearRefused, start_year
from macros.commands.schema import MODELINE_PREFIX, SCHEMA_FOLDER
from tests.conftest import ROOT, SAMPLE

BLANK = re.compile(r'^(?P<indent>\s*)(?P<lead>- |(?P<key>\w+): )"\[cần điền[^"]*"\s*$')


def fill(path: Path, values: dict[str, str]) -> None:
    """Fill every blank of the templates in a file: by field name, list items with a sentence."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = BLANK.match(line)
        if match:
            value = values[match["key"]] if match["key"] else "Nội dung do nhà trường công bố."
            line = f"{match['indent']}{match['lead']}{value}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "mau"
    shutil.copytree(SAMPLE / "data", copy)
    return copy


# --- Starting a new school year ------------------------------------------------------------


def test_the_new_year_is_a_valid_copy_of_the_plan_without_what_belonged_to_the_old_one(data_copy: Path) -> None:
    written = start_year(data_copy, load_site_data(data_copy))

    folder = data_copy / "years" / "2024-2025"
    assert [path.relative_to(folder).as_posix() for path in written] == ["plan.yml", "dialogues.yml", "reports.yml", "reception.yml"]
    site = load_site_data(data_copy)
    assert [year.school_year for year in site.years] == ["2023-2024", "2024-2025"]
    old, new = site.plan("2023-2024"), site.plan("2024-2025")
    # Unknown until the new plan is signed.
    assert (new.number, new.date, new.signer.title, new.signer.name) == (None, None, None, None)
    assert [(report.due_as_written, report.due_date) for report in new.reporting.reports] == [(None, None)] * 4
    # The structure, the duties, who holds them and how often stay.
    assert [(duty.id, duty.owner, duty.when, duty.every_months, duty.legal_basis) for duty in new.all_duties()] == [
        (duty.id, duty.owner, duty.when, duty.every_months, duty.legal_basis) for duty in old.all_duties()
    ]
    assert [report.id for report in new.reporting.reports] == [report.id for report in old.reporting.reports]
    assert new.content == old.content and new.legal_bases == old.legal_bases
    # The school year is renamed wherever the text names it.
    assert new.subtitle == "Năm học: 2024-2025"
    assert "năm học 2024 - 2025" in new.preamble[-1]
    assert new.reporting.reports[-1].name == "Báo cáo năm 2024-2025"
    year = site.year("2024-2025")
    assert year.dialogues == [] and year.reports == []
    assert year.reception.receivers == site.year("2023-2024").reception.receivers and year.reception.figures == []


def test_a_new_years_plan_is_a_draft_the_check_warns_about_until_it_is_signed(data_copy: Path, monkeypatch) -> None:
    monkeypatch.delenv(CURRENT_YEAR_VARIABLE, raising=False)
    start_year(data_copy, load_site_data(data_copy))
    site = load_site_data(data_copy)
    assert site.plan("2024-2025").draft and not site.plan("2023-2024").draft
    # The last signed plan stays the running year's.
    assert resolve_current_year(site).school_year == "2023-2024"
    check = [sys.executable, "-m", "macros.commands.cli", str(data_copy)]
    result = subprocess.run(check, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "years/2024-2025/plan.yml, dòng 12, dự thảo (draft): kế hoạch năm học 2024-2025 còn là dự thảo" in result.stdout

    plan = data_copy / "years" / "2024-2025" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ndraft: true\n", "\ndraft: false\n"), encoding="utf-8")
    site = load_site_data(data_copy)
    assert not site.plan("2024-2025").draft and resolve_current_year(site).school_year == "2024-2025"
    assert not [warning for warning in site.warnings if warning.field == "draft"]


def test_the_new_plan_keeps_the_editors_comments_and_points_editors_at_its_schema(data_copy: Path) -> None:
    start_year(data_copy, load_site_data(data_copy))

    text = (data_copy / "years" / "2024-2025" / "plan.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert (data_copy / "years" / "2024-2025" / lines[0].removeprefix(MODELINE_PREFIX)).resolve() == (SCHEMA_FOLDER / "plan.schema.json").resolve()
    assert lines[1].startswith("# BẢN NHÁP tạo từ kế hoạch năm học 2023-2024")
    assert "  # Hạn nộp chép đúng như văn bản ghi, kể cả khi ngày tháng có vẻ chưa hợp lý." in lines
    assert "due_date: 25/02/2023" not in text and "      due_date: null" in lines


def test_the_new_plan_starts_from_todays_facts_of_the_school_and_the_old_one_keeps_its_own(data_copy: Path) -> None:
    """After 1 July 2025 there are no districts: the school's facts change, a signed plan's do not."""
    school = data_copy / "school.yml"
    text = school.read_text(encoding="utf-8").replace("governing_body: null", "governing_body: Ủy ban nhân dân xã Bà Điểm")
    text = text.replace("district: huyện Hóc Môn", "district: xã Bà Điểm").replace("place: null", "place: 'Bà Điểm'")
    school.write_text(text, encoding="utf-8")
    # A plan written before plans had these facts: they are added, not only replaced.
    old_plan = data_copy / "years" / "2023-2024" / "plan.yml"
    old_text = old_plan.read_text(encoding="utf-8")
    old_plan.write_text(re.sub(r"^(governing_body|district):.*\n", "", old_text, flags=re.MULTILINE), encoding="utf-8")

    start_year(data_copy, load_site_data(data_copy))

    site = load_site_data(data_copy)
    new = site.plan("2024-2025")
    assert (new.governing_body, new.issuing_unit, new.district, new.place) == (
        "Ủy ban nhân dân xã Bà Điểm", "Trường mầm non Bé Ngoan", "xã Bà Điểm", "Bà Điểm",
    )
    old = site.plan("2023-2024")
    assert (old.governing_body, old.issuing_unit, old.district, old.place) == (None, "Trường mầm non Bé Ngoan", None, None)
    lines = (data_copy / "years" / "2024-2025" / "plan.yml").read_text(encoding="utf-8").splitlines()
    keys = [line.split(":")[0] for line in lines if re.match(r"^\w+:", line)]
    assert keys.index("governing_body") < keys.index("issuing_unit") < keys.index("district") < keys.index("number")


def test_a_year_with_records_starts_a_new_year_without_them(sample_copy: Path) -> None:
    # The sample's next year is already out: start it again, from the year that has records.
    shutil.rmtree(sample_copy / "years" / "2024-2025")
    site = load_site_data(sample_copy)
    assert site.year("2023-2024").dialogues and site.years[-1].reception.figures

    start_year(sample_copy, site, "2023-2024")

    year = load_site_data(sample_copy).year("2024-2025")
    assert year.dialogues == [] and year.reports == [] and year.reception.figures == []


def test_a_year_that_exists_already_is_never_overwritten(data_copy: Path) -> None:
    start_year(data_copy, load_site_data(data_copy))
    plan = data_copy / "years" / "2024-2025" / "plan.yml"
    before = plan.read_bytes()

    with pytest.raises(NewYearRefused, match="đã có thư mục năm học 2024-2025"):
        start_year(data_copy, load_site_data(data_copy), "2023-2024")
    assert plan.read_bytes() == before


def test_the_new_year_command_runs_on_a_data_folder(data_copy: Path) -> None:
    command = [sys.executable, "-m", "macros.commands.new_year", "--du-lieu", str(data_copy)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Đã tạo năm học 2024-2025" in result.stdout

    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 0 and "Đã tạo năm học 2025-2026" in again.stdout
    plan = (data_copy / "years" / "2025-2026" / "plan.yml").read_text(encoding="utf-8")
    # A draft copied from a draft carries one note, about its own origin, and one draft mark.
    assert plan.count("BẢN NHÁP") == 1 and "tạo từ kế hoạch năm học 2024-2025" in plan
    assert plan.count("\ndraft: true\n") == 1


# --- Adding a report summary or a dialogue from a template -----------------------------------


def blanks_refused(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as refusal:
        load_site_data(data_dir)
    return [str(problem) for problem in refusal.value.problems]


def test_a_report_template_stops_publishing_until_filled_then_passes(data_copy: Path) -> None:
    path, line = add_report(data_copy, load_site_data(data_copy))

    assert path == data_copy / "years" / "2023-2024" / "reports.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(MODELINE_PREFIX)
    assert lines[line - 1].strip() == "- id: bao-cao-quy-1"  # the first planned report without a record
    problems = blanks_refused(data_copy)
    assert len(problems) == 6
    assert all("chưa điền chỗ trống của mẫu [cần điền:" in problem for problem in problems)
    assert problems[1].startswith(f"data/years/2023-2024/reports.yml, dòng {line + 4}, báo cáo thứ 1 (bao-cao-quy-1) → ngày nộp (submitted_date):")

    fill(path, {"period": "Quý I năm học 2023-2024", "submitted_date": "20/12/2023", "recipient": "Phòng Giáo dục và Đào tạo"})
    record = load_site_data(data_copy).year("2023-2024").reports[0]
    assert (record.id, record.submitted, record.recipient) == ("bao-cao-quy-1", True, "Phòng Giáo dục và Đào tạo")
    assert record.summary.results == ["Nội dung do nhà trường công bố."]


def test_the_next_report_template_is_the_next_planned_report_and_a_duplicate_is_refused(data_copy: Path) -> None:
    path, _ = add_report(data_copy, load_site_data(data_copy))
    fill(path, {"period": "Quý I", "submitted_date": "20/12/2023", "recipient": "null"})

    path, line = add_report(data_copy, load_site_data(data_copy))
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].strip() == "- id: bao-cao-6-thang"
    fill(path, {"period": "6 tháng", "submitted_date": "20/01/2024", "recipient": "null"})
    assert [record.id for record in load_site_data(data_copy).year("2023-2024").reports] == ["bao-cao-quy-1", "bao-cao-6-thang"]

    with pytest.raises(RecordRefused, match="'bao-cao-quy-1' đã có"):
        add_report(data_copy, load_site_data(data_copy), report_id="bao-cao-quy-1")


def test_an_unplanned_report_template_asks_for_its_name_and_deadline(sample_copy: Path) -> None:
    path, line = add_report(sample_copy, load_site_data(sample_copy), "2023-2024", "bao-cao-dot-xuat-le-hoi")

    fill(path, {"name": "Báo cáo đột xuất về lễ hội", "due_date": "null", "period": "Tháng 5/2024",
                "submitted_date": "02/05/2024", "recipient": "Cơ quan quản lý mẫu"})
    record = next(r for r in load_site_data(sample_copy).year("2023-2024").reports if r.id == "bao-cao-dot-xuat-le-hoi")
    assert (record.name, record.kind, record.due_date) == ("Báo cáo đột xuất về lễ hội", "dot-xuat", None)


def test_a_dialogue_template_joins_the_existing_sessions_and_passes_once_filled(sample_copy: Path) -> None:
    site = load_site_data(sample_copy)
    count = len(site.year("2023-2024").dialogues)

    path, line = add_dialogue(sample_copy, site, "2023-2024")

    lines = path.read_text(encoding="utf-8").splitlines()
    # Same indentation as the sessions already in the file; the sample's plan has two periodic duties to choose from.
    assert lines[line - 1] == f"  - id: doi-thoai-{count + 1}"
    assert lines[line] == '    duty: "[cần điền: mã nhiệm vụ trong kế hoạch: doi-thoai-dinh-ky, doi-thoai-cha-me]"'
    assert len(blanks_refused(sample_copy)) == 7
    fill(path, {"duty": "doi-thoai-dinh-ky", "date": "10/07/2024", "time": '"14:00"', "place": "Hội trường", "chair": "hieu-truong",
                "participants": "Toàn thể cán bộ, giáo viên, nhân viên"})
    sessions = load_site_data(sample_copy).year("2023-2024").dialogues
    assert len(sessions) == count + 1 and sessions[-1].status == "planned" and sessions[-1].time == "14:00"


def test_records_are_added_to_the_empty_files_of_a_new_year(data_copy: Path) -> None:
    start_year(data_copy, load_site_data(data_copy))

    path, line = add_dialogue(data_copy, load_site_data(data_copy))

    assert path == data_copy / "years" / "2024-2025" / "dialogues.yml"
    text = path.read_text(encoding="utf-8")
    assert "sessions:\n" in text and "sessions: []" not in text
    # The real plan has one periodic dialogue duty: the template names it.
    assert text.splitlines()[line] == "    duty: doi-thoai-dinh-ky"
    fill(path, {"date": "null", "time": "null", "place": "null", "chair": "nguoi-dung-dau", "participants": "null"})
    assert [session.id for session in load_site_data(data_copy).year("2024-2025").dialogues] == ["doi-thoai-1"]


def test_the_add_command_refuses_with_a_message_when_every_planned_report_has_a_record(sample_copy: Path) -> None:
    command = [sys.executable, "-m", "macros.commands.add_record", "bao-cao", "--nam-hoc", "2023-2024", "--du-lieu", str(sample_copy)]
    site = load_site_data(sample_copy)
    recorded = {record.id for record in site.year("2023-2024").reports}
    for report in site.plan("2023-2024").reporting.reports:
        if report.id not in recorded:
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
            assert result.returncode == 0, result.stderr
            fill(sample_copy / "years" / "2023-2024" / "reports.yml", {"period": "Kỳ", "submitted_date": "01/06/2024", "recipient": "null"})

    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "mọi báo cáo trong kế hoạch năm học 2023-2024 đã có" in result.stderr and "--ma" in result.stderr


# --- Ids given on the command line ------------------------------------------------------------


@pytest.mark.parametrize(
    "identifier",
    [
        "x\nsummary: {results: [bị chèn]}",
        "bao-cao\n  - id: khac",
        "x: y",
        "x # chú thích",
        "Bao-Cao",
        "bao cao",
        "báo-cáo",
        "-x",
        "x-",
        "x--y",
        "",
        "'x'",
        "[x]",
        "x\u202e",
        "cac-buoi",
        "theo-ke-hoach",
        "phan-2",
        "x" * 81,
    ],
)
def test_an_id_that_is_not_a_plain_id_is_refused_before_anything_is_written(sample_copy: Path, identifier: str) -> None:
    year = sample_copy / "years" / "2023-2024"
    before = {path.name: path.read_bytes() for path in year.iterdir() if path.is_file()}
    site = load_site_data(sample_copy)

    for add in (add_report, add_dialogue):
        with pytest.raises(RecordRefused, match="mã"):
            add(sample_copy, site, "2023-2024", identifier)

    assert {path.name: path.read_bytes() for path in year.iterdir() if path.is_file()} == before
    load_site_data(sample_copy)  # still valid


def test_the_add_command_refuses_an_id_with_a_line_break_and_leaves_the_file_as_it_was(sample_copy: Path) -> None:
    reports = sample_copy / "years" / "2023-2024" / "reports.yml"
    before = reports.read_bytes()
    command = [sys.executable, "-m", "macros.commands.add_record", "bao-cao", "--nam-hoc", "2023-2024", "--du-lieu", str(sample_copy)]

    result = subprocess.run([*command, "--ma", "x\nsummary: bị chèn"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "không hợp lệ" in result.stderr and "xuống dòng" in result.stderr
    assert reports.read_bytes() == before
    assert not list(reports.parent.glob(".*.tmp"))
