"""pre-commit runs the data check before a commit, and stops a commit of broken data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REAL_DATA, ROOT, SAMPLE

CONFIG = ROOT / ".pre-commit-config.yaml"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home")}
    return subprocess.run(arguments, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300, check=False)


def test_the_configuration_is_valid_for_pre_commit() -> None:
    result = run([*PRE_COMMIT, "validate-config", str(CONFIG)], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hook_is_local_and_runs_a_script_of_the_project() -> None:
    hooks = {hook["id"]: hook for repo in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"qcdc-check", "qcdc-check-sample", "qcdc-schema"}
    for hook in hooks.values():
        script = ROOT / hook["entry"].split()[0]
        assert script.is_file() and os.access(script, os.X_OK), hook["entry"]
        assert hook["pass_filenames"] is False


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with the project's scripts, hooks and data, committed."""
    project = tmp_path / "project"
    project.mkdir()
    for name in [".pre-commit-config.yaml", "pyproject.toml", "requirements.txt"]:
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copytree(REAL_DATA, project / "data")
    shutil.copytree(SAMPLE / "data", project / "examples" / "truong-mau" / "data")
    # The copy runs the commands of the environment these tests run in. Its setup step is
    # left out: installing from the copy would point that shared environment at the copy.
    (project / "scripts" / "setup").write_text("#!/usr/bin/env bash\nexit 0\n", encoding="utf-8")
    (project / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    (project / ".gitignore").write_text(".venv\n", encoding="utf-8")
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "Dữ liệu"]):
        assert run(command, project).returncode == 0
    return project


def test_the_hooks_pass_on_valid_data_and_run_the_data_check(project: Path) -> None:
    result = run([*PRE_COMMIT, "run", "--all-files", "--verbose"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kiểm tra dữ liệu (data/)" in result.stdout
    assert result.stdout.count("Dữ liệu hợp lệ:") == 2  # the real data and the sample


def test_a_commit_of_broken_data_is_stopped_with_the_checks_message(project: Path) -> None:
    plan = project / "data" / "years" / "2023-2024" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntittle:", 1), encoding="utf-8")
    assert run(["git", "add", str(plan)], project).returncode == 0

    result = run(["git", "commit", "-m", "Sửa kế hoạch"], project)
    assert result.returncode == 0  # no hook installed yet: git alone does not check
    run(["git", "reset", "-q", "--soft", "HEAD~1"], project)

    assert run([*PRE_COMMIT, "install"], project).returncode == 0
    result = run(["git", "commit", "-m", "Sửa kế hoạch"], project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Kiểm tra dữ liệu (data/)" in output and "Failed" in output
    assert "trường tittle" in output and "có phải ý bạn là 'title'?" in output
    # The editor is told what happened: the commit was refused, and what to do.
    assert "Dữ liệu có 2 lỗi, lần commit này bị từ chối, chưa có gì được lưu:" in output
    assert "trang web chưa được cập nhật" not in output
    assert "rồi commit lại" in output
    # Only the hooks whose files changed run: the sample was not touched.
    assert "Kiểm tra dữ liệu mẫu (examples/truong-mau/data/)" in output and "Skipped" in output
    log = run(["git", "log", "--format=%s"], project).stdout.splitlines()
    assert log == ["Dữ liệu"]
