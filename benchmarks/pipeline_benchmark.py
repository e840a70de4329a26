"""Time the publish gate's steps on a clean clone, as a pipeline runs them, and estimate what the
pipelines cost: minutes from a push to the site being live, the daily rebuild, the monthly CI minutes.

Not a test: timings depend on the machine. Run by ``benchmarks/pipeline``; the results and the
assumptions of the estimate are recorded in benchmarks/RESULTS.md (*Pipelines*).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://truong.example.edu.vn/qcdc/"

# What a hosted runner does before the project's own steps, not measurable here (seconds):
# start the job and its Debian container, fetch the history; install Debian's packages
# (.ci/install-tools gate: Chromium, a Java runtime, Node and npm, about 300 MB from the mirror).
RUNNER_START = (20, 45)
APT_TOOLS = (60, 120)
# A data push also waits for the deploy job (GitHub: deploy-pages; GitLab: the pages job and
# the Pages deployment) after the build job.
DEPLOY = (30, 60)
PUSHES_PER_MONTH = 20
DAYS_PER_MONTH = 30
WEEKS_PER_MONTH = 4.3
# How long the whole suite takes on 2 cores (README, issue 14: 7–10 minutes), plus its own setup.
FULL_SUITE_MINUTES = (8, 11)
GITLAB_FREE_MINUTES = 400


@dataclass
class Step:
    name: str
    command: list[str]
    env: dict[str, str]


def steps(site: str) -> list[Step]:
    return [
        Step("Python packages (scripts/setup pdf, fresh .venv)", ["scripts/setup", "pdf"], {}),
        Step("Test packages and Node tools (scripts/setup test)", ["scripts/setup", "test"], {}),
        Step("Data check (scripts/check)", ["scripts/check"], {}),
        Step("Strict build and PDFs (scripts/pdf --strict)", ["scripts/pdf", "--strict", "--site-dir", site], {"QCDC_SITE_URL": SITE_URL}),
        Step("Site-level checks (scripts/gate)", ["scripts/gate", site], {"CI": "true"}),
    ]


def run(step: Step, cwd: Path) -> tuple[float, float]:
    """Wall-clock and processor seconds (children included) of one step; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(step.command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **step.env},
                            capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{step.name} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the clean clone (its path is printed)")
    arguments = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="qcdc-pipeline-"))
    clone = folder / "clone"
    cache = folder / "cache.tar"
    runs = {}
    for kind in ("cold", "cached"):
        # The pipelines cache .venv and node_modules by the hash of the pins, at the same path:
        # the second run starts from a fresh clone and what the first one left in the cache.
        shutil.rmtree(clone, ignore_errors=True)
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
        timings = []
        if kind == "cached":
            start = time.monotonic()
            subprocess.run(["tar", "-xf", str(cache), "-C", str(clone)], check=True)
            timings.append(("Restore the cache (.venv, node_modules)", time.monotonic() - start, 0.0))
        for step in steps("site"):
            wall, cpu = run(step, clone)
            timings.append((step.name, wall, cpu))
            print(f"{kind}: {step.name}: {wall:.0f} s wall, {cpu:.0f} s CPU", file=sys.stderr)
        if kind == "cold":
            subprocess.run(["tar", "-cf", str(cache), "-C", str(clone), ".venv", "node_modules"], check=True)
        runs[kind] = timings
    if not arguments.keep:
        shutil.rmtree(folder, ignore_errors=True)

    print("| step of the publish gate | cold: wall | cold: CPU | cached: wall | cached: CPU |")
    print("|---|---:|---:|---:|---:|")
    cached = {name: (wall, cpu) for name, wall, cpu in runs["cached"]}
    names = [name for name, _, _ in runs["cached"]]
    cold = {name: (wall, cpu) for name, wall, cpu in runs["cold"]}
    for name in names:
        before = f"{cold[name][0]:.0f} s | {cold[name][1]:.0f} s" if name in cold else "– | –"
        print(f"| {name} | {before} | {cached[name][0]:.0f} s | {cached[name][1]:.0f} s |")
    totals = {kind: sum(wall for _, wall, _ in timings) for kind, timings in runs.items()}
    print(f"| **all steps** | **{totals['cold']:.0f} s** | | **{totals['cached']:.0f} s** | |")
    print()
    measured = totals["cached"]
    print("Estimate with the cache (the usual run: the pins change rarely):")
    print()
    gate = [measured + RUNNER_START[i] + APT_TOOLS[i] for i in (0, 1)]
    live = [gate[i] + DEPLOY[i] for i in (0, 1)]
    print("| estimate on a hosted runner | low | high |")
    print("|---|---:|---:|")
    print(f"| runner and container start (assumed) | {RUNNER_START[0]} s | {RUNNER_START[1]} s |")
    print(f"| Debian packages, `.ci/install-tools gate` (assumed) | {APT_TOOLS[0]} s | {APT_TOOLS[1]} s |")
    print(f"| publish gate job (measured steps + the above) | {minutes(gate[0])} min | {minutes(gate[1])} min |")
    print(f"| deploy (assumed) | {DEPLOY[0]} s | {DEPLOY[1]} s |")
    print(f"| **data push → site live** | **{minutes(live[0])} min** | **{minutes(live[1])} min** |")
    print(f"| **daily rebuild** (the gate job) | **{minutes(gate[0])} min** | **{minutes(gate[1])} min** |")
    # GitLab bills each job's minutes, rounded up; the pages job is short.
    pages_job = (0.5, 1)
    monthly = [
        (PUSHES_PER_MONTH + DAYS_PER_MONTH) * (gate[i] / 60 + pages_job[i]) + WEEKS_PER_MONTH * FULL_SUITE_MINUTES[i]
        for i in (0, 1)
    ]
    print(
        f"| **GitLab CI minutes a month** ({PUSHES_PER_MONTH} data pushes, {DAYS_PER_MONTH} daily, "
        f"{WEEKS_PER_MONTH} weekly full suites) | **{monthly[0]:.0f}** | **{monthly[1]:.0f}** |"
    )
    print(f"| free allowance (GitLab.com Free) | {GITLAB_FREE_MINUTES} | {GITLAB_FREE_MINUTES} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
