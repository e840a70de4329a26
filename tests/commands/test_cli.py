"""The check command: validates the data without building, in the editor's language."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REAL_DATA, ROOT, SAMPLE


def check(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.cli", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_valid_real_data_passes_and_its_deadline_warnings_are_printed():
    result = check(str(REAL_DATA))
    assert result.returncode == 0, result.stderr
    assert "Dữ liệu hợp lệ: Trường mầm non Bé Ngoan, năm học 2023-2024." in result.stdout
    assert "Có 3 cảnh báo" in result.stdout
    for day in ("25/02/2023", "25/04/2023", "25/08/2023"):
        assert day in result.stdout


def test_the_sample_data_passes_without_warnings():
    result = check(str(SAMPLE / "data"))
    assert result.returncode == 0, result.stderr
    assert "cảnh báo" not in result.stdout


def test_invalid_data_exits_1_with_every_problem_and_no_traceback(data_copy):
    plan = data_copy / "years" / "2023-2024" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("kind: quy", "kind: quarterly"), encoding="utf-8")
    result = check(str(data_copy))
    assert result.returncode == 1
    assert "Dữ liệu có 1 lỗi" in result.stderr
    assert "data/years/2023-2024/plan.yml, dòng" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_the_real_build_is_strict_and_still_prints_the_deadline_warnings(real_build):
    assert "Cảnh báo dữ liệu: data/years/2023-2024/plan.yml" in real_build.output
    assert "25/02/2023" in real_build.output
