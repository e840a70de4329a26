"""The whole-year page, for the notice board: every part of the year, once, on one page."""

from __future__ import annotations

from collections import Counter

import pytest

from macros.data.loading import load_site_data
from macros.data.models import SiteData
from macros.year_printout import nested
from tests.conftest import SAMPLE, Build, reader_text

PRINTOUT_PAGE = "2023-2024/in-ca-nam/"
PARTS = ["Kế hoạch", "Trách nhiệm thực hiện", "Đối thoại định kỳ", "Báo cáo: hạn nộp và tình trạng", "Tóm tắt các báo cáo đã công bố"]


@pytest.fixture(scope="module")
def sample_site() -> SiteData:
    return load_site_data(SAMPLE / "data")


def test_headings_go_down_and_anchors_take_the_prefix():
    markdown = "## Kết quả {#ket-qua}\n\nĐoạn\n{: #doan-1 }\n\n### Tiểu mục\n\n\\#\\# không phải tiêu đề \\{#khong\\}\n"
    assert nested(markdown, 2, "bao-cao-quy-1") == (
        "#### Kết quả {#bao-cao-quy-1-ket-qua}\n\nĐoạn\n{: #bao-cao-quy-1-doan-1 }\n\n##### Tiểu mục\n\n"
        "\\#\\# không phải tiêu đề \\{#khong\\}\n"
    )


def test_the_page_holds_every_part_in_order(sample_build: Build, sample_site):
    article = sample_build.page(PRINTOUT_PAGE).select_one("article")
    text = reader_text(article)
    year = sample_site.year("2023-2024")
    published = [record for record in year.reports if record.summary is not None]
    pieces = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        year.plan.legal_bases[0].text,
        year.plan.closing,
        "Trách nhiệm thực hiện",
        *(role.name for role in sample_site.school.roles if role.id in {duty.owner for duty in year.plan.all_duties()}),
        "Đối thoại định kỳ",
        "Các buổi đối thoại",
        "Báo cáo: hạn nộp và tình trạng",
        *(report.name for report in year.plan.reporting.reports),
        "Tóm tắt các báo cáo đã công bố",
    ]
    position = 0
    for piece in pieces:
        found = text.find(" ".join(piece.split()), position)
        assert found >= 0, f"missing or out of order: {piece[:60]!r}"
        position = found
    summaries = text[position:]
    assert published
    for record in published:
        for result in record.summary.results:
            assert result in summaries


def test_one_main_heading_and_no_anchor_twice(sample_build: Build, real_build: Build):
    for build in (sample_build, real_build):
        article = build.page(PRINTOUT_PAGE).select_one("article")
        assert len(article.select("h1")) == 1
        ids = Counter(element["id"] for element in build.page(PRINTOUT_PAGE).select("[id]"))
        assert [name for name, count in ids.items() if count > 1] == []


def test_each_part_after_the_plan_is_its_own_sheet(sample_build: Build):
    parts = sample_build.page(PRINTOUT_PAGE).select("article > .qcdc-printout-part")
    assert [reader_text(part.find("h2")) for part in parts] == [
        "Trách nhiệm thực hiện",
        "Đối thoại định kỳ",
        "Báo cáo: hạn nộp và tình trạng",
        "Tóm tắt các báo cáo đã công bố",
    ]


def test_a_year_without_published_summaries_says_so(real_build: Build):
    text = real_build.article_text(PRINTOUT_PAGE)
    assert "Nhà trường chưa công bố tóm tắt báo cáo nào của năm học 2023-2024." in text


def toc_labels(toc) -> list[str]:
    return [" ".join(link.get_text(" ").split()) for link in toc.select("a.md-nav__link")]


def test_the_table_of_contents_lists_only_the_parts(real_build: Build, sample_build: Build):
    """Material repeats it in the navigation and the sidebar: the plan's headings, the roles,
    the sessions and every report would make the page heavy and the list long on a phone."""
    for build in (real_build, sample_build):
        page = build.page(PRINTOUT_PAGE)
        in_navigation = page.select_one(".md-nav--primary .md-nav--secondary")
        in_sidebar = page.select_one(".md-sidebar--secondary .md-nav--secondary")
        assert toc_labels(in_navigation) == PARTS
        assert toc_labels(in_sidebar) == PARTS
