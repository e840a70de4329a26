"""The whole-year printout, for the notice board: every part of the year, once, on pages of at most 60 KiB.

The main page (``/<year>/in-ca-nam/``) holds the plan, the responsibilities, the
dialogues, the report deadlines and the summaries that still fit; the others
continue on parts (``in-ca-nam/2/``, ``3/``…), outside the navigation and search.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.data.build_views import BuildViews
from macros.data.changes import History, HistoryKind
from macros.data.loading import load_site_data
from macros.data.models import SiteData
from macros.data.status import resolve_today
from macros.pages.rendering import Renderer
from macros.pages.markdown_text import place_links
from macros.pages.year_printout import (
    estimated_html_sizes,
    fill_pages,
    nested,
    printout,
    printout_layout,
    printout_pieces,
    year_printout,
)
from tests.built_site import LinkChecker, page_file
from tests.conftest import REAL_DATA, SAMPLE, SAMPLE_DAY, Build, reader_text, run_mkdocs_build, serve_folder
from tests.many_reports import PUBLISHED, SUMMARY_MARK, fifty_published_reports, published_in_order
from tests.site.test_accessibility import VIEWPORTS, axe_violations
from tests.site.test_html_validity import FAILING, nu_html_checker

PRINTOUT_PAGE = "2023-2024/in-ca-nam/"
PAGE_LIMIT = 60 * 1024
PARTS = ["Kế hoạch", "Trách nhiệm thực hiện", "Đối thoại định kỳ", "Báo cáo: hạn nộp và tình trạng", "Tóm tắt các báo cáo đã công bố"]


@pytest.fixture(scope="module")
def sample_site() -> SiteData:
    return load_site_data(SAMPLE / "data")


@pytest.fixture(scope="module")
def fifty_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fifty_published_reports(tmp_path_factory.mktemp("fifty") / "data")


@pytest.fixture(scope="module")
def fifty_build(fifty_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample site with 50 published summaries in 2023-2024."""
    build = run_mkdocs_build(tmp_path_factory.mktemp("fifty-site") / "site", fifty_data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY)
    assert build.returncode == 0, build.output
    return build


def printout_pages(build: Build) -> list[str]:
    """URL paths of the printout's pages in order, as its main page lists them (itself alone when it has no parts)."""
    nav = build.page(PRINTOUT_PAGE).select_one(".qcdc-printout-pages")
    if nav is None:
        return [PRINTOUT_PAGE]
    listed = nav.select("a[href], [aria-current=page]")
    return [_site_path(PRINTOUT_PAGE, element["href"]) if element.name == "a" else PRINTOUT_PAGE for element in listed]


def _site_path(from_page: str, href: str) -> str:
    return urljoin("https://site/" + from_page, href).removeprefix("https://site/")


def summary_ids(page: BeautifulSoup) -> list[str]:
    """Report ids of the summaries a printout page holds, in order."""
    return [heading["id"].removeprefix("tom-tat-") for heading in page.select("article h3[id^=tom-tat-]")]


def page_size(build: Build, page: str) -> int:
    return (build.site_dir / page / "index.html").stat().st_size


def holds_deadlines(page: BeautifulSoup) -> bool:
    return page.find(id="bao-cao") is not None


def toc_labels(toc) -> list[str]:
    return [" ".join(link.get_text(" ").split()) for link in toc.select("a.md-nav__link")]


# --- Nesting the pages into one ------------------------------------------------------------


def test_headings_go_down_and_anchors_take_the_prefix():
    markdown = "## Kết quả {#ket-qua}\n\nĐoạn\n{: #doan-1 }\n\n### Tiểu mục\n\n\\#\\# không phải tiêu đề \\{#khong\\}\n"
    assert nested(markdown, 2, "bao-cao-quy-1") == (
        "#### Kết quả {#bao-cao-quy-1-ket-qua}\n\nĐoạn\n{: #bao-cao-quy-1-doan-1 }\n\n##### Tiểu mục\n\n"
        "\\#\\# không phải tiêu đề \\{#khong\\}\n"
    )


def test_the_printouts_pieces_are_rendered_once_and_each_page_places_their_links(sample_site):
    """Rendered once per build for no page, a piece placed on a page is what rendering it for that page makes."""
    renderer = Renderer(BuildViews(sample_site, resolve_today(SAMPLE_DAY), History(HistoryKind.NO_GIT), SAMPLE / "data"))
    made = printout(renderer, "2023-2024")
    main, part = made.layout.page(1), "2023-2024/in-ca-nam/2.md"
    pieces = made.pieces
    assert pieces.summaries and list(pieces.summaries) == [report.id for report in pieces.published]

    for page in (main, part):
        assert place_links(pieces.plan, page) == nested(renderer.plan(page, "2023-2024"), 1)
        assert place_links(pieces.deadlines, page) == nested(renderer.reports(page, "2023-2024"), 1, "bao-cao")
        assert "\x1a" not in place_links(pieces.responsibilities + pieces.dialogues, page)
    # The page is made of the pieces as they are, not rendered again.
    piece = "Đoạn mẫu [Văn bản](\x1avan-ban.md#kh-1)\n"
    page = year_printout(renderer, main, dataclasses.replace(made, pieces=dataclasses.replace(pieces, plan=piece)))
    assert "Đoạn mẫu [Văn bản](../van-ban.md#kh-1)" in page
    assert place_links(pieces.plan, main) not in page


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
    assert [reader_text(part.find("h2")) for part in parts] == PARTS[1:]
    assert [part for part in parts if "qcdc-printout-part--same-sheet" in part["class"]] == []


def test_a_year_without_published_summaries_says_so(real_build: Build):
    text = real_build.article_text(PRINTOUT_PAGE)
    assert "Nhà trường chưa công bố tóm tắt báo cáo nào của năm học 2023-2024." in text
    assert printout_pages(real_build) == [PRINTOUT_PAGE]
    assert not (real_build.site_dir / PRINTOUT_PAGE / "2").exists()


def test_summaries_that_fit_stay_on_the_main_page(sample_build: Build):
    """A few summaries keep the printout on one page: the browser's Print gives the whole year."""
    assert printout_pages(sample_build) == [PRINTOUT_PAGE]
    assert holds_deadlines(sample_build.page(PRINTOUT_PAGE))
    assert summary_ids(sample_build.page(PRINTOUT_PAGE)) == published_in_order(SAMPLE / "data")
    assert sample_build.page(PRINTOUT_PAGE).select(".qcdc-printout-pages") == []


# --- A page light enough for a phone ---------------------------------------------------------


def test_the_table_of_contents_lists_only_the_parts(real_build: Build, sample_build: Build):
    """Material repeats it in the navigation and the sidebar: the plan's headings, the roles,
    the sessions and every report would make the page heavy and the list long on a phone."""
    for build in (real_build, sample_build):
        page = build.page(PRINTOUT_PAGE)
        in_navigation = page.select_one(".md-nav--primary .md-nav--secondary")
        in_sidebar = page.select_one(".md-sidebar--secondary .md-nav--secondary")
        assert toc_labels(in_navigation) == PARTS
        assert toc_labels(in_sidebar) == PARTS


@pytest.mark.parametrize("data", [REAL_DATA, SAMPLE / "data"], ids=["real", "sample"])
def test_the_layout_estimates_each_piece_above_the_html_that_mkdocs_makes_of_it(data: Path, fifty_data: Path):
    from mkdocs.config import load_config

    config = load_config(str(SAMPLE / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    pieces: list[str] = []
    for folder in (data, fifty_data):
        site = load_site_data(folder)
        renderer = Renderer(BuildViews(site, resolve_today(SAMPLE_DAY), History(HistoryKind.NO_GIT), folder))
        for year in site.years:
            year_pieces = printout_pieces(renderer, year.school_year)
            printout_layout(renderer, year_pieces, lambda chunk: pieces.extend(chunk) or [0] * len(chunk))

    for piece, estimate in zip(pieces, estimated_html_sizes(pieces)):
        actual = len(converter.reset().convert(piece).encode())
        # Over, so that no page passes the budget; by little, so that pages are not cut short.
        assert actual <= estimate <= 1.3 * actual, piece[:80]


def test_the_real_printout_stays_under_60_kib(real_build: Build):
    for page in printout_pages(real_build):
        assert page_size(real_build, page) <= PAGE_LIMIT, f"/{page}: {page_size(real_build, page) / 1024:.1f} KiB"


# --- Fifty published reports -----------------------------------------------------------------


def test_with_50_reports_what_grows_with_them_continues_on_parts(fifty_build: Build):
    pages = printout_pages(fifty_build)
    assert len(pages) >= 3
    assert pages[1:] == [f"{PRINTOUT_PAGE}{number}/" for number in range(2, len(pages) + 1)]
    on_disk = sorted(path.parent for path in (fifty_build.site_dir / PRINTOUT_PAGE).glob("*/index.html"))
    assert [path.relative_to(fifty_build.site_dir).as_posix() + "/" for path in on_disk] == sorted(pages[1:])
    # The main page keeps what the plan fixes.
    main = fifty_build.page(PRINTOUT_PAGE)
    assert main.find(id="trach-nhiem") is not None and main.find(id="doi-thoai") is not None
    # The deadline table is printed once, before the summaries; every part holds at least one summary
    # or the deadline table.
    with_deadlines = [number for number, page in enumerate(pages) if holds_deadlines(fifty_build.page(page))]
    with_summaries = [number for number, page in enumerate(pages) if summary_ids(fifty_build.page(page))]
    assert len(with_deadlines) == 1 and with_deadlines[0] <= with_summaries[0]
    assert set(range(1, len(pages))) <= set(with_deadlines) | set(with_summaries)


def test_with_50_reports_every_page_of_the_printout_stays_under_60_kib(fifty_build: Build):
    sizes = {page: page_size(fifty_build, page) for page in printout_pages(fifty_build)}
    assert {page: size for page, size in sizes.items() if size > PAGE_LIMIT} == {}


def test_with_50_summaries_each_is_printed_once_in_order(fifty_build: Build, fifty_data: Path):
    pages = [fifty_build.page(page) for page in printout_pages(fifty_build)]
    assert [report for page in pages for report in summary_ids(page)] == published_in_order(fifty_data)
    texts = [reader_text(page.select_one("article")) for page in pages]
    for number in range(1, PUBLISHED + 1):
        mark = SUMMARY_MARK.format(number=number) + "."
        assert sum(text.count(mark) for text in texts) == 1, mark


def test_the_main_page_says_on_screen_and_in_print_where_the_printout_continues(fifty_build: Build):
    pages = printout_pages(fifty_build)
    section = fifty_build.page(PRINTOUT_PAGE).find(id="phan-tiep-theo").parent
    # On paper too, and without a sheet of its own: it follows the last part before it.
    assert section.find_parent(class_="qcdc-screen-only") is None and "qcdc-screen-only" not in section["class"]
    assert "qcdc-printout-part--same-sheet" in section["class"]
    listed = section.select("li")
    assert len(listed) == len(pages) - 1
    for number, (item, page) in enumerate(zip(listed, pages[1:]), start=2):
        link = item.find("a")
        assert reader_text(link) == f"Phần {number}/{len(pages)}"
        assert _site_path(PRINTOUT_PAGE, link["href"]) == page
        part = fifty_build.page(page)
        names = [reader_text(heading) for heading in part.select("article h3[id^=tom-tat-]")]
        said = reader_text(item)
        assert ("hạn nộp và tình trạng các báo cáo" in said) == holds_deadlines(part)
        if len(names) > 1:
            assert f"{len(names)} tóm tắt báo cáo, từ “{names[0]}” đến “{names[-1]}”" in said
        elif names:
            assert f"tóm tắt báo cáo “{names[0]}”" in said


def test_every_page_of_the_printout_leads_to_the_others(fifty_build: Build):
    pages = printout_pages(fifty_build)
    for number, page in enumerate(pages, start=1):
        html = fifty_build.page(page)
        nav = html.select_one("nav.qcdc-printout-pages")
        assert "qcdc-screen-only" in nav["class"]
        assert reader_text(nav.select_one("[aria-current=page]")) == f"phần {number}"
        assert [_site_path(page, link["href"]) for link in nav.select("a")] == pages[: number - 1] + pages[number:]
        if number == 1:
            continue
        # On paper, every section of a part says which part it is.
        for heading in html.select("article h2"):
            assert reader_text(heading).endswith(f" (phần {number}/{len(pages)})")
        last = html.select("article .qcdc-printout-continued > p.qcdc-screen-only a")[-1]
        assert _site_path(page, last["href"]) == (pages[number] if number < len(pages) else PRINTOUT_PAGE)
        assert html.select_one("title").get_text().startswith(f"Bản in cả năm học 2023-2024, phần {number}/{len(pages)}")


def test_the_parts_stay_out_of_the_navigation_and_of_search(fifty_build: Build):
    parts = printout_pages(fifty_build)[1:]
    navigation = fifty_build.page("").select(".md-nav--primary a[href]")
    assert not [link["href"] for link in navigation if re.search(r"in-ca-nam/\d+/", link["href"])]
    index = json.loads((fifty_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [entry["location"] for entry in index["docs"] if entry["location"].startswith(PRINTOUT_PAGE)]
    assert parts


def test_a_part_lists_its_sections_and_reports_in_its_table_of_contents(fifty_build: Build):
    for page in printout_pages(fifty_build)[1:]:
        html = fifty_build.page(page)
        sidebar = html.select_one(".md-sidebar--secondary .md-nav--secondary")
        assert toc_labels(sidebar) == [reader_text(heading) for heading in html.select("article h2, article h3")]


def test_a_part_says_when_its_content_last_changed(fifty_build: Build):
    # (No "Sửa trang này" here: this data folder is outside the project's repository.)
    page = fifty_build.page(printout_pages(fifty_build)[1])
    assert page.select_one(".qcdc-page-facts time") is not None


# --- Parts are pages like the others (the real and sample sites have none to check) ------------


def test_the_pages_of_the_printout_are_valid_html_and_their_links_lead_somewhere(fifty_build: Build):
    pages = printout_pages(fifty_build)
    messages = nu_html_checker([str(page_file(fifty_build.site_dir, page)) for page in pages])
    assert [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] in FAILING] == []
    checker = LinkChecker(fifty_build)
    assert [problem for page in pages for problem in checker.problems(page, fifty_build.page(page))] == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_pages_of_the_printout_meet_wcag_21_aa(browser, fifty_build: Build, viewport: str):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = {}
    with serve_folder(fifty_build.site_dir) as server:
        for path in printout_pages(fifty_build):
            page.goto(urljoin(server, path), wait_until="networkidle")
            if violations := axe_violations(page):
                found[path] = violations
    context.close()
    assert found == {}


# --- Laying the summaries out ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("costs", "first_page_used", "pages"),
    [
        ([], 0, [[]]),
        ([3, 3, 3], 0, [[0, 1, 2]]),
        ([4, 4, 4, 4], 0, [[0, 1], [2, 3]]),
        ([4, 4, 4], 6, [[0], [1, 2]]),
        # The main page may hold no summary; any other page holds at least one, even a big one.
        ([4, 4], 9, [[], [0, 1]]),
        ([4, 20, 4], 0, [[0], [1], [2]]),
        # In order: a small summary does not jump ahead of a big one into a page's free room.
        ([6, 6, 1], 0, [[0], [1, 2]]),
    ],
)
def test_summaries_fill_the_pages_in_order_as_far_as_the_budget_allows(costs, first_page_used, pages):
    assert fill_pages(costs, 10, first_page_used) == pages
