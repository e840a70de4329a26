"""Lighthouse on a phone: accessibility, best practices and SEO score 100 on the home, plan and report pages.

The performance score is printed by ``scripts/lighthouse`` and recorded in
benchmarks/RESULTS.md, not asserted: it simulates a slow phone from timings of
this machine, so it moves with the machine's load.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CHROMIUM, Build, require_tool
from tests.lighthouse import measure
from tests.node_tools import INSTALL_HINT, LIGHTHOUSE, node


def test_home_plan_and_report_pages_score_100_except_performance(real_build: Build, sample_build: Build) -> None:
    require_tool(Path(CHROMIUM).exists(), f"{CHROMIUM} not found")
    require_tool(node() is not None and LIGHTHOUSE.is_file(), f"Lighthouse not found: {INSTALL_HINT}")

    results = measure(real_build.site_dir, sample_build.site_dir)

    pages = [result.url.split("/", 3)[3] for result in results]
    assert pages[0] == "" and pages[1].endswith("/ke-hoach/") and "/bao-cao/" in pages[2], pages
    below = {
        result.url: {name: score for name, score in result.scores.items() if name != "performance" and score < 100}
        for result in results
    }
    details = [audit for result in results for audit in result.failed_audits if not audit.startswith("performance")]
    assert all(not scores for scores in below.values()), (below, details)
    assert all(0 < result.scores["performance"] <= 100 for result in results), "no performance score: did the page load?"
