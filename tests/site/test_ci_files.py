"""The publishing pipelines for GitHub and GitLab: valid for their hosts, and publishing only what passed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

GITHUB_WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with one of the schemas it ships (no network needed)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.parametrize(("schema", "path"), [("vendor.github-workflows", GITHUB_WORKFLOW), ("vendor.gitlab-ci", GITLAB_CI)])
def test_the_pipeline_is_valid_for_its_git_host(schema: str, path: Path) -> None:
    result = check_jsonschema(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


@pytest.mark.parametrize(
    ("schema", "path", "old", "new"),
    [
        ("vendor.github-workflows", GITHUB_WORKFLOW, "runs-on: ubuntu-latest", "runs_on: ubuntu-latest"),
        ("vendor.gitlab-ci", GITLAB_CI, "  script:", "  scripts:"),
    ],
)
def test_a_misspelt_key_in_a_pipeline_is_refused(tmp_path: Path, schema: str, path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_jsonschema(schema, broken)
    assert result.returncode != 0
    assert "Schema validation errors were encountered" in result.stdout


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_lines(steps: list[dict]) -> list[str]:
    return [line.strip() for step in steps for line in step.get("run", "").splitlines() if line.strip()]


def test_github_runs_on_push_to_main_daily_and_by_hand() -> None:
    workflow = load(GITHUB_WORKFLOW)
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true.
    assert triggers["push"]["branches"] == ["main"]
    assert len(triggers["schedule"]) == 1 and triggers["schedule"][0]["cron"]
    assert "workflow_dispatch" in triggers


def test_github_checks_tests_and_builds_strictly_with_the_whole_history_before_publishing() -> None:
    jobs = load(GITHUB_WORKFLOW)["jobs"]
    steps = jobs["build"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert run_lines(steps)[:2] == ["scripts/check", "bash .ci/run"]
    assert any(line.startswith(".venv/bin/mkdocs build --strict") for line in run_lines(steps))
    assert steps[-1]["uses"].startswith("actions/upload-pages-artifact@")
    build = next(step for step in steps if ".venv/bin/mkdocs build" in step.get("run", ""))
    assert build["env"]["QCDC_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert build["env"]["QCDC_EDIT_URI"] == "edit/${{ github.ref_name }}/"
    # The form editor (npm packages installed by .ci/run above) must be in what is published.
    assert build["env"]["QCDC_EDITOR"] == "required"
    # Publishing is a separate job that only starts once everything above passed.
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_gitlab_tests_first_then_builds_strictly_and_publishes_public_from_the_default_branch() -> None:
    pipeline = load(GITLAB_CI)
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    assert pipeline["stages"].index(pipeline["test"]["stage"]) < pipeline["stages"].index(pipeline["pages"]["stage"])
    assert pipeline["test"]["script"] == ["scripts/check", "bash .ci/run"]
    assert any("mkdocs build --strict --site-dir public" in line for line in pipeline["pages"]["script"])
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["variables"] == {
        "QCDC_REPO_URL": "$CI_PROJECT_URL", "QCDC_EDIT_URI": "-/edit/$CI_DEFAULT_BRANCH/", "QCDC_EDITOR": "required"
    }
    # The form editor's files come from the npm packages, installed before the build.
    script = pipeline["pages"]["script"]
    npm = next(index for index, line in enumerate(script) if line.startswith("npm ci"))
    assert npm < next(index for index, line in enumerate(script) if "mkdocs build" in line)
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
