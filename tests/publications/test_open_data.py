"""Open data (/du-lieu/): each year's JSON is its YAML files plus the statuses, the CSV tables read back equal the data."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from macros.publications.open_data import csv_cell
from tests.built_site import table_row
from tests.conftest import SAMPLE, Build, reader_text
from tests.published_data import SITE_URL, iso, is_date, raw, target_of

SAMPLE_DATA = SAMPLE / "data"
YEARS = ["2023-2024", "2024-2025"]
OPTIONAL_FILES = {
    "dialogues": "dialogues.yml", "reports": "reports.yml", "reception": "reception.yml",
    "staff_conferences": "staff_conferences.yml", "inspection_board": "inspection_board.yml", "disclosures": "disclosures.yml",
}


def download(build: Build, path: str) -> bytes:
    return (build.site_dir / "du-lieu" / path).read_bytes()


def json_file(build: Build, path: str) -> dict:
    return json.loads(download(build, path).decode("utf-8"))


def csv_rows(build: Build, path: str) -> list[dict[str, str]]:
    content = download(build, path)
    # UTF-8 with a byte order mark (Excel's cue) and RFC 4180's CRLF line ends.
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content and b"\n" not in content.replace(b"\r\n", b"")[:200]
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def assert_carries(written: object, exported: object, where: str = "") -> None:
    """``exported`` (JSON) says exactly what the editor ``written`` in YAML: dates in ISO 8601,
    a paragraph given as plain text as {"text": …}, and fields left out only at their empty default."""
    if isinstance(written, dict):
        assert isinstance(exported, dict), where
        for key, value in written.items():
            assert key in exported, f"{where}.{key} missing"
            assert_carries(value, exported[key], f"{where}.{key}")
        for key in exported.keys() - written.keys():
            assert exported[key] in (None, [], False), f"{where}.{key} = {exported[key]!r} was not in the data"
    elif isinstance(written, list):
        assert isinstance(exported, list) and len(exported) == len(written), where
        for index, (item, out) in enumerate(zip(written, exported)):
            assert_carries(item, out, f"{where}[{index}]")
    elif isinstance(written, str) and isinstance(exported, dict):
        assert exported == {"text": written, "cites": []}, where
    elif is_date(written):
        assert exported == iso(written), where
    else:
        assert exported == written, where


# --- JSON -----------------------------------------------------------------------------


@pytest.mark.parametrize("school_year", YEARS)
def test_a_years_json_carries_each_of_its_yaml_files(sample_build, school_year):
    exported = json_file(sample_build, f"{school_year}/nam-hoc.json")
    folder = SAMPLE_DATA / "years" / school_year
    assert exported["school_year"] == school_year
    assert_carries(raw(folder / "plan.yml"), exported["plan"], "plan")
    for key, name in OPTIONAL_FILES.items():
        if (folder / name).exists():
            assert_carries(raw(folder / name), exported[key], key)
        else:
            assert exported[key] is None, f"{key}: the school has not published {name}"


def test_the_shared_json_files_carry_the_school_and_the_legal_documents(sample_build):
    assert_carries(raw(SAMPLE_DATA / "school.yml"), json_file(sample_build, "nha-truong.json"), "school")
    assert_carries(raw(SAMPLE_DATA / "legal_documents.yml"), json_file(sample_build, "van-ban.json"), "documents")


def test_the_json_adds_the_statuses_of_the_build_day(sample_build):
    statuses = json_file(sample_build, "2023-2024/nam-hoc.json")["statuses"]
    assert statuses["as_of"] == "2024-06-15"
    reports = {report["id"]: report for report in statuses["reports"]}
    assert [report["id"] for report in statuses["reports"]] == [
        "bao-cao-quy-1", "bao-cao-6-thang", "bao-cao-9-thang", "bao-cao-nam", "bao-cao-phong-chay",
    ]
    assert (reports["bao-cao-quy-1"]["status"], reports["bao-cao-quy-1"]["status_label"]) == ("on_time", "Đã nộp đúng hạn")
    assert reports["bao-cao-6-thang"]["status"] == "late"
    assert reports["bao-cao-nam"]["status"] == "due_soon" and reports["bao-cao-nam"]["summary_page"] is None
    assert reports["bao-cao-phong-chay"]["in_plan"] is False
    assert reports["bao-cao-quy-1"]["summary_page"] == SITE_URL + "2023-2024/bao-cao/bao-cao-quy-1/"
    duties = {duty["duty"]: duty for duty in statuses["duties"]}
    assert duties["doi-thoai-dinh-ky"]["compliance"] == "met"
    assert duties["doi-thoai-cha-me"]["compliance"] == "not_met"
    assert duties["doi-thoai-cha-me"]["missed"][0] == {"from": "2023-09-25", "due": "2023-12-25"}
    assert statuses["next_dialogue"] == "doi-thoai-dau-nam-2024"
    assert statuses["latest_published"] == "bao-cao-9-thang"
    legal = {duty["id"]: duty for duty in statuses["legal_duties"]}
    assert legal["doi-thoai-cha-me"]["in_plan"] is True and legal["doi-thoai-cha-me"]["verdict"] == "missing"
    disclosed = legal["cong-khai-dung-han"]
    assert disclosed["basis"] == ["Luật số 10/2022/QH15, Điều 47"] and disclosed["applies_to_staff_more_than"] is None
    assert [(o["deadline"], o["verdict"]) for o in disclosed["occurrences"]] == [
        ("2023-09-12", "kept"), ("2024-02-16", "late"), ("2024-05-07", "missing"), ("2024-06-10", "kept"),
    ]
    assert legal["hoi-nghi-hang-nam"]["applies_to_staff_more_than"] == 7


def test_the_duties_table_has_a_row_per_deadline_with_its_verdict(sample_build):
    rows = csv_rows(sample_build, "2023-2024/nghia-vu.csv")
    quarters = [row for row in rows if row["Mã nghĩa vụ"] == "bao-cao-ban-thanh-tra-quy"]
    assert [(row["Hạn"], row["Tình trạng (mã)"], row["Tình trạng"]) for row in quarters] == [
        ("2023-11-30", "kept", "Đã thực hiện đúng hạn"), ("2024-02-29", "late", "Thực hiện muộn"),
        ("2024-05-31", "missing", "Chưa thực hiện"), ("2024-08-31", "not_yet_due", "Chưa đến hạn"),
    ]
    assert quarters[0]["Căn cứ"] == "Nghị định số 59/2023/NĐ-CP, khoản 3 Điều 22"
    # The next year has no records yet: its duties say so, never "missing".
    next_year = csv_rows(sample_build, "2024-2025/nghia-vu.csv")
    assert {row["Tình trạng (mã)"] for row in next_year} <= {"unknown", "not_yet_due"}


def test_every_link_in_the_json_leads_to_a_page_of_the_site(sample_build):
    for school_year in YEARS:
        exported = json_file(sample_build, f"{school_year}/nam-hoc.json")
        links = [*exported["pages"].values(), *(r["summary_page"] for r in exported["statuses"]["reports"] if r["summary_page"])]
        for url in links:
            target_of(sample_build, url)


@pytest.mark.parametrize(
    ("schema", "documents"),
    [
        ("nam-hoc", [f"{year}/nam-hoc.json" for year in YEARS]),
        ("nha-truong", ["nha-truong.json"]),
        ("van-ban", ["van-ban.json"]),
    ],
)
def test_every_json_file_satisfies_its_published_schema(sample_build, schema, documents):
    published = json_file(sample_build, f"luoc-do/{schema}.schema.json")
    jsonschema.Draft7Validator.check_schema(published)
    validator = jsonschema.Draft7Validator(published, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert published["title"].endswith(".json)") and "description" in json.dumps(published)
    for document in documents:
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(json_file(sample_build, document))]
        assert errors == [], document


def test_the_schema_refuses_what_the_json_never_holds(sample_build):
    validator = jsonschema.Draft7Validator(json_file(sample_build, "luoc-do/nam-hoc.schema.json"))
    year = json_file(sample_build, "2023-2024/nam-hoc.json")
    year["statuses"]["reports"][0]["status"] = "xong"
    year["plan"]["tittle"] = "gõ nhầm"
    messages = sorted(error.message for error in validator.iter_errors(year))
    assert len(messages) == 2 and any("'xong' is not one of" in m for m in messages) and any("'tittle'" in m for m in messages)


# --- CSV ------------------------------------------------------------------------------


def cell(value: object) -> str:
    """How a YAML value reads back from the CSV (empty when unknown)."""
    return "" if value is None else str(value)


def test_the_dialogues_table_reads_back_as_the_data(sample_build):
    roles = {role["id"]: role["name"] for role in raw(SAMPLE_DATA / "school.yml")["roles"]}
    for school_year in YEARS:
        sessions = raw(SAMPLE_DATA / "years" / school_year / "dialogues.yml")["sessions"]
        rows = csv_rows(sample_build, f"{school_year}/doi-thoai.csv")
        assert len(rows) == len(sessions)
        for row, session in zip(rows, sessions):
            assert row["Năm học"] == school_year
            assert row["Mã buổi"] == session["id"]
            assert row["Mã nhiệm vụ"] == session["duty"]
            assert row["Trạng thái (mã)"] == session["status"]
            assert row["Ngày"] == cell(iso(session["date"]))
            assert row["Giờ"] == cell(session.get("time"))
            assert row["Địa điểm"] == cell(session.get("place"))
            assert row["Mã vai trò chủ trì"] == cell(session.get("chair"))
            assert row["Chủ trì"] == cell(roles.get(session.get("chair")))
            assert row["Thành phần"] == cell(session.get("participants"))
            assert row["Nội dung"].split("\n") == (session.get("agenda") or [""])
            assert row["Tóm tắt biên bản"] == cell(session.get("minutes_summary"))
            assert row["Số ý kiến"] == str(len(session.get("questions", [])))
            assert row["Số việc cần làm tiếp"] == str(len(session.get("follow_ups", [])))
            assert row["Ghi chú"] == cell(session.get("note"))


def test_the_reports_table_reads_back_as_the_data_with_each_status(sample_build):
    plan = raw(SAMPLE_DATA / "years" / "2023-2024" / "plan.yml")
    records = {record["id"]: record for record in raw(SAMPLE_DATA / "years" / "2023-2024" / "reports.yml")["reports"]}
    rows = csv_rows(sample_build, "2023-2024/bao-cao.csv")
    planned = plan["reporting"]["reports"]
    ad_hoc = [record for record in records.values() if record["id"] not in {report["id"] for report in planned}]
    assert [row["Mã báo cáo"] for row in rows] == [report["id"] for report in planned] + [record["id"] for record in ad_hoc]
    for row, report in zip(rows, planned + ad_hoc):
        record = records.get(report["id"], {})
        assert row["Tên báo cáo"] == report["name"]
        assert row["Loại (mã)"] == report["kind"]
        assert row["Trong kế hoạch"] == ("có" if report in planned else "không")
        assert row["Hạn nộp (nguyên văn)"] == cell(report.get("due_as_written"))
        assert row["Hạn nộp"] == cell(iso(report.get("due_date")))
        assert row["Kỳ báo cáo"] == cell(record.get("period"))
        assert row["Đã nộp"] == ("có" if record.get("submitted") else "không" if record else "")
        assert row["Ngày nộp"] == cell(iso(record.get("submitted_date")))
        assert row["Nơi nhận"] == cell(record.get("recipient"))
        assert row["Tình trạng tính đến ngày"] == "2024-06-15"
    statuses = {row["Mã báo cáo"]: (row["Tình trạng (mã)"], row["Tình trạng"]) for row in rows}
    assert statuses["bao-cao-6-thang"] == ("late", "Nộp muộn")
    assert statuses["bao-cao-nam"] == ("due_soon", "Sắp đến hạn")
    quarter = rows[0]
    assert target_of(sample_build, quarter["Trang tóm tắt"]).parent.name == "bao-cao-quy-1"
    assert target_of(sample_build, quarter["Tệp đính kèm"]).read_bytes().startswith(b"%PDF-")
    assert rows[3]["Trang tóm tắt"] == "", "the year's report is not published yet"


def test_the_responsibilities_table_has_every_duty_of_the_plan_as_written(sample_build):
    plan = raw(SAMPLE_DATA / "years" / "2023-2024" / "plan.yml")
    tasks = [*((task, "III") for task in plan["organisation"]), (plan["reporting"]["supervision"], "IV")]
    duties = {duty["id"]: (duty, task, part) for task, part in tasks for duty in task["duties"]}
    rows = csv_rows(sample_build, "2023-2024/trach-nhiem.csv")
    assert sorted(row["Mã nhiệm vụ"] for row in rows) == sorted(duties)
    for row in rows:
        duty, task, part = duties[row["Mã nhiệm vụ"]]
        assert row["Phần của kế hoạch"] == part
        assert row["Mã vai trò"] == cell(duty["owner"])
        assert row["Nội dung (nguyên văn)"] == duty.get("quote", task["text"])
        assert row["Thời gian, tần suất"] == cell(duty.get("when"))
        assert row["Định kỳ (số tháng)"] == cell(duty.get("every_months"))
        assert row["Căn cứ (mã văn bản)"] == "; ".join(duty.get("legal_basis", []))
    compliance = {row["Mã nhiệm vụ"]: row["Tình trạng thực hiện"] for row in rows}
    assert compliance["doi-thoai-cha-me"] == "Chưa đạt" and compliance["tiep-cong-dan"] == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "có"),
        (False, "không"),
        (6, "6"),
        ("Hội trường", "Hội trường"),
        ("- Tổ chức đối thoại", "'- Tổ chức đối thoại"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+84 28", "'+84 28"),
        ("@ban", "'@ban"),
    ],
)
def test_a_cell_never_reaches_excel_as_a_formula(value, expected):
    assert csv_cell(value) == expected


# --- The page ----------------------------------------------------------------------------


def test_the_open_data_page_links_every_download_and_each_leads_to_a_file(sample_build):
    page = sample_build.page("du-lieu/")
    links = {a["href"] for a in page.select("article a[href]") if not a["href"].startswith(("#", "webcal:"))}
    expected = {"lich.ics", "cap-nhat.xml", "nha-truong.json", "van-ban.json"}
    expected |= {f"luoc-do/{name}.schema.json" for name in ("nam-hoc", "nha-truong", "van-ban")}
    for school_year in YEARS:
        expected |= {f"{school_year}/{name}" for name in ("nam-hoc.json", "trach-nhiem.csv", "doi-thoai.csv", "bao-cao.csv", "nghia-vu.csv")}
    assert expected <= links
    for href in expected:
        assert (sample_build.site_dir / "du-lieu" / href).is_file(), href
    text = reader_text(page.select_one("article"))
    assert "UTF-8 có BOM" in text and "tính đến ngày 15/06/2024" in text


def test_the_open_data_page_lists_every_year_in_one_table_the_current_year_first(sample_build):
    page = sample_build.page("du-lieu/")
    table = page.select_one("#nam-hoc").find_next("table")
    rows = [table_row(cell) for cell in table.select("tbody tr td:first-child")]
    # The sample's current year is 2023-2024; the plan of 2024-2025 is already out.
    assert [row["Năm học"] for row in rows] == ["2023-2024 (đang diễn ra)", "2024-2025"]
    assert rows[0] == {
        "Năm học": "2023-2024 (đang diễn ra)",
        "Toàn bộ dữ liệu": "JSON năm học 2023-2024",
        "Trách nhiệm": "CSV trách nhiệm năm học 2023-2024",
        "Đối thoại": "CSV đối thoại năm học 2023-2024",
        "Báo cáo": "CSV báo cáo năm học 2023-2024",
        "Nghĩa vụ": "CSV nghĩa vụ năm học 2023-2024",
    }
    # No heading per year; each year keeps its anchor, on its row.
    assert [reader_text(h) for h in page.select("article h3")] == []
    for school_year in YEARS:
        assert page.find(id=f"nam-hoc-{school_year}").find_parent("tr") is not None


def test_a_download_link_shows_its_format_and_names_its_year_to_screen_readers(sample_build):
    link = sample_build.page("du-lieu/").select_one('article a[href="2024-2025/doi-thoai.csv"]')
    hidden = link.select_one(".qcdc-sr-only")
    assert reader_text(hidden) == "đối thoại năm học 2024-2025"
    hidden.extract()
    assert reader_text(link) == "CSV"


def test_the_open_data_page_offers_the_calendar_to_subscribe(sample_build):
    page = sample_build.page("du-lieu/")
    subscribe = page.select_one('article a[href^="webcal:"]')
    assert subscribe["href"] == "webcal://127.0.0.1:8000/du-lieu/lich.ics"
    assert SITE_URL + "du-lieu/lich.ics" in reader_text(page.select_one("#lich").find_next("ul"))
