"""The editor's guide (/huong-dan/): its steps, its templates and its example of a failed check are real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from macros.data.loading import load_site_data
from macros.commands.record_templates import example_records_file
from tests.conftest import ROOT, Build, reader_text


GUIDE_PAGES = ["huong-dan/", "huong-dan-yaml/"]


def code_blocks(build: Build) -> list[str]:
    return [block.get_text() for url in GUIDE_PAGES for block in build.page(url).select("article pre")]


def test_the_guide_walks_through_each_task_of_the_editor(real_build: Build) -> None:
    page = real_build.page("huong-dan/")
    assert page.find("h1").get_text(strip=True).startswith("Hướng dẫn cập nhật trang")
    headings = [reader_text(heading) for heading in page.select("article h2")]
    # The forms first; the YAML files as the fallback.
    assert headings == [
        "Đăng nhập vào trang Biên tập",
        "Công bố tóm tắt một báo cáo",
        "Tải lên bản PDF đã ký",
        "Ghi một buổi đối thoại",
        "Khi biểu mẫu báo lỗi",
        "Khi trang không được cập nhật",
        "Bắt đầu năm học mới",
        "Thiết lập một lần",
        "Sửa tệp YAML (cách dự phòng)",
        "Xem trước trên máy tính",
    ]
    # The YAML route, on a page of its own (the guide stays under 60 KiB), linked from its section.
    fallback = real_build.page("huong-dan-yaml/")
    assert reader_text(fallback.find("h1")).startswith("Sửa tệp YAML (cách dự phòng)")
    assert [reader_text(heading) for heading in fallback.select("article h2")] == [
        "Những điều cần nhớ khi sửa tệp",
        "Sửa một tệp trên trình duyệt",
        "Công bố tóm tắt một báo cáo bằng tệp YAML",
        "Ghi một buổi đối thoại bằng tệp YAML",
        "Ghi việc thực hiện các nghĩa vụ theo luật",
    ]
    section = page.find(id="sua-tep-yaml").find_next_sibling("p")
    assert section.find("a", href="../huong-dan-yaml/") is not None
    text = " ".join(reader_text(build_page.select_one("article")) for build_page in (page, fallback))
    for step in [
        "Commit changes", "Actions", "Pipelines", "scripts/new-year", "scripts/add-record bao-cao", "Công bố ngay", "draft: false",
        "2024-02-25",
    ]:
        assert step in text
    for setting in ["QCDC_EDITOR_APP_ID", "QCDC_EDITOR_AUTH_URL", "QCDC_EDITOR_AUTH_SITE", "Redirect URI"]:
        assert setting in text


def test_the_guide_shows_the_forms_with_screenshots_made_by_the_editor_test(real_build: Build) -> None:
    page = real_build.page("huong-dan/")
    images = [image["src"] for image in page.select("article img")]
    assert images, "the guide shows the forms"
    for source in images:
        name = source.rsplit("/", 1)[1]
        assert (ROOT / "docs" / "assets" / "huong-dan" / name).is_file(), source
        # tests/site/test_editor.py takes each of them (QCDC_UPDATE_SCREENSHOTS=1 writes them here).
        assert f'"{name}"' in (ROOT / "tests" / "site" / "test_editor.py").read_text(encoding="utf-8"), name
    assert all(image.get("loading") == "lazy" for image in page.select("article img")), "a reader's first load stays light"


def test_the_templates_shown_are_the_ones_the_add_command_writes(real_build: Build) -> None:
    site = load_site_data(ROOT / "data")
    blocks = code_blocks(real_build)
    for file_name, key in [("reports.yml", "reports"), ("dialogues.yml", "sessions")]:
        template = example_records_file(site, file_name)
        assert template in blocks
        entry = yaml.safe_load(template)[key][0]
        assert any("[cần điền:" in str(value) for value in entry.values())


def test_the_failed_check_shown_is_what_the_check_says_for_the_file_shown(real_build: Build, data_copy: Path) -> None:
    blocks = code_blocks(real_build)
    broken = next(block for block in blocks if "sumary:" in block)
    message = next(block for block in blocks if block.startswith("Dữ liệu có"))
    (data_copy / "years" / "2023-2024" / "reports.yml").write_text(broken, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.cli", str(data_copy)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )

    assert result.returncode == 1
    assert result.stderr.strip() == message.strip()


def test_the_disclosure_register_example_is_a_valid_file(real_build: Build, data_copy: Path) -> None:
    example = next(block for block in code_blocks(real_build) if block.startswith("entries:"))
    (data_copy / "years" / "2023-2024" / "disclosures.yml").write_text(example, encoding="utf-8")
    site = load_site_data(data_copy)
    assert [entry.title for entry in site.years[0].disclosures] == ["Dự toán thu, chi ngân sách năm 2024"]
