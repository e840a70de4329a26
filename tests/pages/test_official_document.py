"""The plan as an administrative document: what its printed head and foot say (HTML of real builds)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from macros.data.errors import DataError
from macros.data.loading import load_site_data
from macros.pages.official_document import BLANK, PLACE_BLANK, SHORT_BLANK, date_words, number_line
from tests.conftest import SAMPLE, SAMPLE_DAY, Build, reader_text, run_mkdocs_build

PLAN_PAGE = "2023-2024/ke-hoach/"


def part(build: Build, css: str) -> str:
    element = build.page(PLAN_PAGE).select_one(css)
    assert element is not None, css
    return reader_text(element)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2023, 9, 5), "ngày 05 tháng 9 năm 2023"),
        (date(2024, 1, 15), "ngày 15 tháng 01 năm 2024"),
        (date(2024, 2, 3), "ngày 03 tháng 02 năm 2024"),
        (date(2023, 12, 25), "ngày 25 tháng 12 năm 2023"),
        (None, f"ngày {SHORT_BLANK} tháng {SHORT_BLANK} năm {SHORT_BLANK}"),
    ],
)
def test_dates_are_written_as_the_decree_says(day, words):
    assert date_words(day) == words


def test_an_unknown_number_keeps_only_the_kind_of_document(real_plan):
    assert real_plan.number is None
    assert number_line(real_plan) == f"Số: {SHORT_BLANK}/KH-{SHORT_BLANK}"
    assert number_line(real_plan.model_copy(update={"number": "05/KH-MNHS"})) == "Số: 05/KH-MNHS"
    assert number_line(real_plan.model_copy(update={"document_kind": "VĂN BẢN"})) == f"Số: {BLANK}"


def test_the_real_plan_prints_blanks_where_the_document_is_unknown(real_build: Build):
    header = part(real_build, ".qcdc-official-header")
    assert header == (
        f"{BLANK} TRƯỜNG MẦM NON BÉ NGOAN "  # the data names no governing body
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        f"Số: {SHORT_BLANK}/KH-{SHORT_BLANK} {PLACE_BLANK}, ngày {SHORT_BLANK} tháng {SHORT_BLANK} năm {SHORT_BLANK}"
    )
    # Two lines of recipients, the signer's title and name: all to fill in.
    assert part(real_build, ".qcdc-official-closing") == f"Nơi nhận: {BLANK} {BLANK} {BLANK} {BLANK}"


def test_the_sample_plan_prints_its_known_values(sample_build: Build):
    assert part(sample_build, ".qcdc-official-header") == (
        "ỦY BAN NHÂN DÂN XÃ MẪU TRƯỜNG MẦM NON HOA SEN (TRƯỜNG MẪU) "
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 05/KH-MNHS Xã Mẫu, ngày 05 tháng 9 năm 2023"
    )
    closing = sample_build.page(PLAN_PAGE).select_one(".qcdc-official-closing")
    assert [reader_text(item) for item in closing.select("li")] == [
        "Cơ quan quản lý mẫu (để báo cáo);",
        "Công đoàn cơ sở (để phối hợp);",
        "Lưu: VT.",
    ]
    assert reader_text(closing.select_one(".qcdc-official-signature")) == "HIỆU TRƯỞNG Nguyễn Thị Mẫu"


def test_the_screen_shows_the_recipients_too(real_build: Build, sample_build: Build):
    assert "Nơi nhận: chưa rõ" in part(real_build, ".qcdc-document-meta")
    assert "Nơi nhận: Cơ quan quản lý mẫu (để báo cáo); Công đoàn cơ sở (để phối hợp); Lưu: VT." in part(
        sample_build, ".qcdc-document-meta"
    )


def test_the_printed_head_and_foot_stay_out_of_search(sample_build: Build):
    index = json.loads((sample_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    plan_entries = [doc for doc in index["docs"] if doc["location"].startswith(PLAN_PAGE)]
    assert plan_entries
    text = " ".join(doc["text"] for doc in plan_entries)
    assert "Trên đây là kế hoạch mẫu" in text
    for printed_only in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HIỆU TRƯỞNG", "Mã QR"]:
        assert printed_only not in text


def edit_plan(data_dir, **fields) -> None:
    path = data_dir / "years" / "2023-2024" / "plan.yml"
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    plan.update(fields)
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_recipients_from_the_data_are_printed_as_text(data_copy, tmp_path):
    edit_plan(data_copy, recipients=["<script>alert(1)</script>", "Lưu: *VT*."])
    build = run_mkdocs_build(tmp_path / "site", data_copy)
    assert build.returncode == 0, build.output
    closing = build.page(PLAN_PAGE).select_one(".qcdc-official-closing")
    assert closing.select("ul script, ul em") == []
    assert [reader_text(item) for item in closing.select("li")] == ["<script>alert(1)</script>", "Lưu: *VT*."]


def test_recipients_when_given_are_a_list_of_text(data_copy):
    edit_plan(data_copy, recipients=[])
    with pytest.raises(DataError) as error:
        load_site_data(data_copy)
    assert "recipients" in error.value.report()


def sample_site_with(tmp_path: Path, name: str, school_facts: dict[str, str]) -> Build:
    """The sample site built from a copy of its data (outside the repository, like every copy: no edit links)."""
    data = tmp_path / name / "data"
    shutil.copytree(SAMPLE / "data", data)
    school = data / "school.yml"
    text = school.read_text(encoding="utf-8")
    for key, value in school_facts.items():
        text, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
        assert count == 1, key
    school.write_text(text, encoding="utf-8")
    build = run_mkdocs_build(tmp_path / name / "site", data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY)
    assert build.returncode == 0, build.output
    return build


def without_footer(page: Path) -> bytes:
    return re.sub(rb'<footer class="md-footer[^"]*">.*?</footer>', b"", page.read_bytes(), flags=re.DOTALL)


def test_changing_todays_school_facts_leaves_an_earlier_years_printed_plan_byte_for_byte(tmp_path: Path):
    """A signed plan keeps its governing body, issuing unit, district and place when school.yml moves on."""
    before = sample_site_with(tmp_path, "before", {})
    after = sample_site_with(tmp_path, "after", {
        "governing_body": "Ủy ban nhân dân phường Mới",
        "district": "phường Mới, thành phố Mới",
        "place": "Phường Mới",
        "address": "Số 9 đường Mới",
    })
    # Today's facts reach the home page...
    assert "Ủy ban nhân dân phường Mới" not in before.article_text("")
    assert "Ủy ban nhân dân phường Mới" in after.article_text("")
    # ...and no earlier year's plan: not its printed head, not a byte of the page but the site's
    # footer, which names today's school on screen and is not printed (print.css).
    assert without_footer(after.site_dir / PLAN_PAGE / "index.html") == without_footer(before.site_dir / PLAN_PAGE / "index.html")
    assert "Ủy ban nhân dân phường Mới" in (after.site_dir / PLAN_PAGE / "index.html").read_text(encoding="utf-8")
    assert "ỦY BAN NHÂN DÂN XÃ MẪU" in part(after, ".qcdc-official-header")


def test_a_plan_with_unknown_facts_of_its_own_prints_blanks_not_todays_school(data_copy, tmp_path):
    school = data_copy / "school.yml"
    school.write_text(school.read_text(encoding="utf-8").replace("governing_body: null", "governing_body: Ủy ban nhân dân xã Mới"), encoding="utf-8")
    edit_plan(data_copy, issuing_unit=None)
    build = run_mkdocs_build(tmp_path / "site", data_copy)
    assert build.returncode == 0, build.output
    header = part(build, ".qcdc-official-header")
    assert header.startswith(f"{BLANK} {BLANK} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "MỚI" not in header
    assert "Đơn vị ban hành: chưa rõ" in part(build, ".qcdc-document-meta")
