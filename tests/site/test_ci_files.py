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


CODE_PATHS = ROOT / ".ci" / "code-paths.txt"


def code_paths() -> list[str]:
    lines = CODE_PATHS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_github_runs_on_push_to_main_daily_weekly_and_by_hand() -> None:
    workflow = load(GITHUB_WORKFLOW)
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true.
    assert triggers["push"]["branches"] == ["main"]
    crons = [schedule["cron"] for schedule in triggers["schedule"]]
    assert len(crons) == 2 and crons[0].split()[2:] == ["*", "*", "*"], "the first schedule is daily"
    # The weekly one is the one that runs the whole suite.
    assert workflow["env"]["WEEKLY_FULL_SUITE"] == crons[1] and crons[1].split()[2:4] == ["*", "*"]
    assert "workflow_dispatch" in triggers


def test_github_builds_the_pdfs_strictly_checks_the_built_site_and_publishes_it() -> None:
    jobs = load(GITHUB_WORKFLOW)["jobs"]
    steps = jobs["build"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    lines = run_lines(steps)
    assert lines == [
        "scripts/check", "bash .ci/install-tools gate", "scripts/setup test", "scripts/pdf --strict --site-dir site", "scripts/gate site"
    ]
    build = next(step for step in steps if step.get("run", "").startswith("scripts/pdf"))
    # The published address (never the local preview's, which scripts/pdf refuses).
    assert build["env"]["QCDC_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["env"]["QCDC_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert build["env"]["QCDC_EDIT_URI"] == "edit/${{ github.ref_name }}/"
    # The form editor (npm packages installed by scripts/setup test above) must be in what is published.
    assert build["env"]["QCDC_EDITOR"] == "required"
    gate = next(step for step in steps if step.get("run", "").startswith("scripts/gate"))
    assert gate["env"]["CI"] == "true"
    assert steps[-1]["uses"].startswith("actions/upload-pages-artifact@") and steps[-1]["with"]["path"] == "site"
    # Publishing is a separate job that only starts once the gate and the whole suite (when it ran) passed.
    deploy = jobs["deploy"]
    assert deploy["needs"] == ["build", "full-suite"]
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_github_runs_the_whole_suite_for_code_changes_weekly_and_by_hand() -> None:
    steps = load(GITHUB_WORKFLOW)["jobs"]["full-suite"]["steps"]
    scope = next(step for step in steps if step.get("id") == "scope")
    assert '.ci/needs-full-suite "$BEFORE" "$GITHUB_SHA"' in scope["run"]
    assert '[ "$SCHEDULE" = "$WEEKLY_FULL_SUITE" ]' in scope["run"]
    suite = steps[-1]
    assert suite["run"] == "bash .ci/run" and suite["if"] == "steps.scope.outputs.needed == 'true'"


def test_gitlab_gates_builds_the_pdfs_strictly_and_publishes_the_checked_site_from_the_default_branch() -> None:
    pipeline = load(GITLAB_CI)
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    gate, pages = pipeline["publish-gate"], pipeline["pages"]
    assert gate["script"] == [
        "scripts/check",
        "bash .ci/install-tools gate",
        "scripts/setup test",
        'QCDC_SITE_URL="${CI_PAGES_URL}/" scripts/pdf --strict --site-dir public',
        "scripts/gate public",
    ]
    assert gate["artifacts"]["paths"] == ["public"] and "rules" not in gate
    assert gate["variables"] == {
        "QCDC_REPO_URL": "$CI_PROJECT_URL", "QCDC_EDIT_URI": "-/edit/$CI_DEFAULT_BRANCH/", "QCDC_EDITOR": "required", "CI": "true"
    }
    assert pipeline["stages"].index(gate["stage"]) < pipeline["stages"].index(pages["stage"])
    assert pages["needs"] == [{"job": "publish-gate", "artifacts": True}, {"job": "test", "optional": True}]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_gitlab_runs_the_whole_suite_for_the_same_code_paths_and_on_the_weekly_schedule() -> None:
    test = load(GITLAB_CI)["test"]
    assert test["script"] == ["bash .ci/run"]
    rules = test["rules"]
    assert rules[0] == {"if": '$CI_PIPELINE_SOURCE == "schedule" && $QCDC_FULL_SUITE == "true"'}
    assert rules[1] == {"if": '$CI_PIPELINE_SOURCE == "schedule"', "when": "never"}
    assert rules[-1]["changes"]["paths"] == code_paths()


@pytest.mark.parametrize(
    ("files", "needed"),
    [
        (["data/years/2023-2024/reports.yml"], False),
        (["data/school.yml", "README.md", "benchmarks/RESULTS.md"], False),
        (["data/school.yml", "macros/pages/rendering.py"], True),
        (["overrides/main.html"], True),
        (["requirements-test.txt"], True),
        (["package-lock.json"], True),
        (["docs/assets/print.css"], True),
        (["tests/conftest.py"], True),
        ([".gitlab-ci.yml"], True),
    ],
)
def test_only_a_change_of_code_templates_or_dependencies_calls_for_the_whole_suite(files: list[str], needed: bool) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "needs-full-suite"), "--files", *files],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert result.stdout.strip() == ("true" if needed else "false")


def test_both_pipelines_keep_the_installed_packages_between_runs_keyed_by_the_pins() -> None:
    """The publish gate's minutes go mostly to installing: a run with unchanged pins restores them."""
    jobs = load(GITHUB_WORKFLOW)["jobs"]
    for name in ("build", "full-suite"):
        steps = jobs[name]["steps"]
        cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
        assert cache["with"]["path"].split() == [".venv", "node_modules"]
        assert "hashFiles('requirements*.txt', 'pyproject.toml', 'package-lock.json')" in cache["with"]["key"]
        # Restored before anything installs.
        assert steps.index(cache) < next(i for i, step in enumerate(steps) if "run" in step)
    pipeline = load(GITLAB_CI)
    assert pipeline["cache"] == {"key": {"files": ["requirements-test.txt", "package-lock.json"]}, "paths": [".venv/", "node_modules/"]}
    assert pipeline["pages"]["cache"] == []
