"""Page weight: no page passes 60 KiB of HTML, however many school years and reports the site keeps.

Built, like the benchmark (benchmarks/RESULTS.md), from the sample school with 50 published
reports a year, at 1 and at 3 school years. A page may grow with the years only by a line
or so (the year switcher, a row or a link per year); from the growth between the two builds,
no page may reach 60 KiB before the site holds 30 years.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.build_benchmark import REPORTS_PER_YEAR, synthetic_data
from tests.built_site import html_pages, page_file
from tests.conftest import SAMPLE, SAMPLE_DAY, run_mkdocs_build

LIMIT = 60 * 1024
YEARS_KEPT = 30
SMALL, LARGE = 1, 3
_SCHOOL_YEAR = re.compile(r"\d{4}-\d{4}")


def page_kind(url_path: str) -> str:
    """The page with its school year left out: /2022-2023/bao-cao/ and /2023-2024/bao-cao/ are one kind."""
    return _SCHOOL_YEAR.sub("<năm>", url_path)


def largest_by_kind(site_dir: Path) -> dict[str, int]:
    """Bytes of the largest HTML page of each kind of a built site."""
    sizes: dict[str, int] = {}
    for url_path in html_pages(site_dir):
        kind = page_kind(url_path)
        sizes[kind] = max(sizes.get(kind, 0), page_file(site_dir, url_path).stat().st_size)
    return sizes


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, int]]:
    """Largest page of each kind, for the site of SMALL and of LARGE school years."""
    result = {}
    for years in (SMALL, LARGE):
        folder = tmp_path_factory.mktemp(f"years-{years}")
        data = synthetic_data(folder / "data", years)
        build = run_mkdocs_build(folder / "site", data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY)
        assert build.returncode == 0, build.output
        result[years] = largest_by_kind(build.site_dir)
    return result


def test_the_pages_that_list_reports_or_years_are_built(sizes):
    assert REPORTS_PER_YEAR == 50
    for kind in ["<năm>/bao-cao/", "tiep-cong-dan/", "<năm>/tiep-cong-dan/", "du-lieu/", ""]:
        assert kind in sizes[SMALL] and kind in sizes[LARGE], kind


def test_no_page_passes_60_kib_with_50_reports_a_year(sizes):
    too_large = {kind: size for kind, size in sizes[LARGE].items() if size > LIMIT}
    assert too_large == {}


def test_no_page_would_pass_60_kib_at_30_school_years(sizes):
    projected = {}
    for kind, size in sizes[LARGE].items():
        per_year = max(0, size - sizes[SMALL].get(kind, size)) / (LARGE - SMALL)
        projected[kind] = round(size + (YEARS_KEPT - LARGE) * per_year)
    too_large = {kind: size for kind, size in projected.items() if size > LIMIT}
    assert too_large == {}, "bytes at 30 years, growing as from 1 to 3 years"


def test_the_report_index_and_the_pages_that_showed_every_year_grow_by_a_line_a_year_at_most(sizes):
    # What still grows is the year switcher and a row or link per year, not a section per year
    # (a year's reception took 3 KiB on /tiep-cong-dan/, its downloads 1.4 KiB on /du-lieu/).
    for kind in ["<năm>/bao-cao/", "tiep-cong-dan/", "<năm>/tiep-cong-dan/", "du-lieu/"]:
        per_year = (sizes[LARGE][kind] - sizes[SMALL][kind]) / (LARGE - SMALL)
        assert per_year < 1024, f"{kind}: {per_year:.0f} bytes more per school year"
