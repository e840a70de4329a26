"""The editor's guide (/huong-dan/): its steps, its templates and its example of a failed check are real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from macros.data.loading import load_site_data
from macros.commands.record_templates import example_records_file
from tests.conftest import ROOT, Build, reader_text


def code_blocks(build: Build) -> list[str]:
    return [block.get_text() for block in build.page("huong-dan/").select("article pre")]


def test_the_guide_walks_through_each_task_of_the_editor(real_build: Build) -> None:
    page = real_build.page("huong-dan/")
    assert page.find("h1").get_text(strip=True).startswith("Hướng dẫn cập nhật trang")
    headings = [reader_text(heading) for heading in page.select("article h2")]
    assert headings == [
        "Những điều cần nhớ khi sửa tệp",
        "Sửa một tệp trên trình duyệt",
        "Công bố tóm tắt một báo cáo",
        "Ghi một buổi đối thoại",
        "Khi trang không được cập nhật",
        "Bắt đầu năm học mới",
        "Xem trước trên máy tính",
    ]
    text = reader_text(page.select_one("article"))
    for step in ["Commit changes", "Actions", "Pipelines", "scripts/new-year", "scripts/add-record bao-cao", "draft: false", "2024-02-25"]:
        assert step in text


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
