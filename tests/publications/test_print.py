"""The site on paper: the PDFs that headless Chromium prints, read back with real tools.

``scripts/pdf`` builds with ``QCDC_PDF=true``: the build prints the plan and the
whole-year page of every school year with Debian's Chromium. These tests make
such builds of the real and of the sample data, and also print every page of
both sites, then read the PDFs with poppler-utils and zbarimg (see pdf_files.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from macros.publications.pdf import CHROMIUM, PdfError, PrintJob, print_in, print_pages
from tests.built_site import html_pages, page_file
from macros.data.loading import load_site_data
from tests.conftest import REAL_DATA, SAMPLE, SAMPLE_DAY, Build, require_tool, run_mkdocs_build
from tests.many_reports import PUBLISHED, SUMMARY_MARK, fifty_published_reports
from tests.pdf_files import POINTS_PER_MM, Pdf, missing_tools

REAL_URL = "https://truong.example.edu.vn/qcdc/"
SAMPLE_URL = "https://mau.example.edu.vn/"
PLAN_PAGE = "2023-2024/ke-hoach/"
PRINTOUT_PAGE = "2023-2024/in-ca-nam/"
PLAN_PDF = "2023-2024/pdf/ke-hoach-2023-2024.pdf"
PRINTOUT_PDF = "2023-2024/pdf/ban-in-ca-nam-2023-2024.pdf"
A4 = (210 * POINTS_PER_MM, 297 * POINTS_PER_MM)
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# Text of the screen only: the theme's search box and the site's additions around the official text.
SCREEN_ONLY_TEXT = ["Tìm kiếm", "Liên kết đến mục này", "¶", "Văn bản căn cứ:", "Toàn văn kế hoạch"]


@pytest.fixture(scope="module")
def printing() -> None:
    """Chromium and the PDF tools: skipped without them on a user's machine, failed in CI."""
    require_tool(CHROMIUM.exists(), f"{CHROMIUM} not found: print tests skipped (install Debian's chromium)")
    missing = missing_tools()
    require_tool(not missing, f"missing {', '.join(missing)}: print tests skipped")


def build_with_pdfs(site_dir: Path, site_url: str, data_dir: Path = REAL_DATA, **options) -> Build:
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("QCDC_PDF", "true")
        environment.setenv("QCDC_SITE_URL", site_url)
        build = run_mkdocs_build(site_dir, data_dir, **options)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def real_pdfs(printing, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_with_pdfs(tmp_path_factory.mktemp("real-pdf") / "site", REAL_URL)


@pytest.fixture(scope="module")
def sample_pdfs(printing, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_with_pdfs(
        tmp_path_factory.mktemp("sample-pdf") / "site", SAMPLE_URL, SAMPLE / "data", config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY
    )


@pytest.fixture(scope="module")
def fifty_pdfs(printing, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample site with 50 published summaries: its printout continues on parts."""
    data = fifty_published_reports(tmp_path_factory.mktemp("fifty-data") / "data")
    return build_with_pdfs(
        tmp_path_factory.mktemp("fifty-pdf") / "site", SAMPLE_URL, data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY
    )


def printout_parts(build: Build) -> list[str]:
    """URL paths of the pages that continue the printout, in order."""
    links = build.page(PRINTOUT_PAGE).select(".qcdc-printout-pages a[href]")
    return [urljoin("https://site/" + PRINTOUT_PAGE, link["href"]).removeprefix("https://site/") for link in links]


def first_heading(build: Build, url_path: str) -> str:
    """The text of the first section heading of a page, as printed."""
    return " ".join(build.page(url_path).select_one("article h2").get_text(" ").replace("¶", "").split())


@pytest.fixture(scope="module")
def plan_pdf(real_pdfs: Build) -> Pdf:
    return Pdf(real_pdfs.site_dir / PLAN_PDF)


@pytest.fixture(scope="module")
def sample_plan_pdf(sample_pdfs: Build) -> Pdf:
    return Pdf(sample_pdfs.site_dir / PLAN_PDF)


def assert_a4(pdf: Pdf) -> None:
    sizes = pdf.page_sizes()
    assert len(sizes) == pdf.page_count
    for number, (width, height) in enumerate(sizes, start=1):
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, f"page {number} is {width} x {height} pt, not A4"


def assert_no_blank_page(pdf: Pdf) -> None:
    """Every page has something printed between the top and bottom margins, where page numbers go."""
    for number in range(1, pdf.page_count + 1):
        assert pdf.ink(number, top_mm=19, bottom_mm=19) > 0, f"{pdf.path.name}: page {number} of {pdf.page_count} is blank"


RUNNING_LINE = re.compile(r"^Trường .+ · Năm học \d{4}-\d{4}( · .+)?$")
QR_CAPTION = ("Bản trực tuyến, luôn cập nhật:", "Nội dung cập nhật lần cuối:")


def content_lines(pdf: Pdf, number: int) -> list[str]:
    """A sheet's lines without what every sheet carries: the running line, the page number, the QR code's caption."""
    return [
        line
        for line in pdf.lines(number)
        if not (RUNNING_LINE.match(line) or re.fullmatch(r"(Trang )?\d+(/\d+)?", line) or line.startswith(QR_CAPTION))
    ]


def nav_labels(build: Build, url_path: str) -> list[str]:
    """The navigation's labels that the page's own content does not also contain."""
    page = build.page(url_path)
    article = " ".join(page.select_one("article").get_text(" ").split())
    labels = {" ".join(link.get_text(" ").split()) for link in page.select(".md-nav--primary .md-nav__link")}
    return sorted(label for label in labels if label and label not in article)


# --- The plan, as the build prints it -----------------------------------------------


def test_the_plan_prints_on_a4(plan_pdf: Pdf, sample_plan_pdf: Pdf):
    assert_a4(plan_pdf)
    assert_a4(sample_plan_pdf)


def test_the_plan_takes_a_few_pages_and_none_is_blank(plan_pdf: Pdf, sample_plan_pdf: Pdf):
    # The real plan fills four pages at 14 pt; the sample plan is short.
    assert 3 <= plan_pdf.page_count <= 6
    assert 1 <= sample_plan_pdf.page_count <= 3
    assert_no_blank_page(plan_pdf)
    assert_no_blank_page(sample_plan_pdf)


def test_the_plan_prints_the_motto_and_its_title(plan_pdf: Pdf, real_plan):
    text = plan_pdf.text()
    assert MOTTO in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert real_plan.document_kind in text
    assert real_plan.title in text
    assert real_plan.issuing_unit.upper() in text
    assert real_plan.closing in text


def test_the_plan_prints_without_navigation_or_search(plan_pdf: Pdf, real_pdfs: Build):
    # (The running line names the school year, as the navigation's section does.)
    text = " ".join(line for number in range(1, plan_pdf.page_count + 1) for line in content_lines(plan_pdf, number))
    labels = nav_labels(real_pdfs, PLAN_PAGE)
    assert labels, "the page has no navigation to look for"
    for label in labels + SCREEN_ONLY_TEXT:
        assert label not in text


def test_the_plan_embeds_its_fonts_the_shipped_serif_first(plan_pdf: Pdf):
    fonts = plan_pdf.fonts()
    assert fonts and all(embedded for _, embedded in fonts), fonts
    names = [name.split("+")[-1] for name, _ in fonts]
    assert "LiberationSerif" in names and "LiberationSerif-Bold" in names


def test_page_numbers_are_centred_at_the_top_from_the_second_page(plan_pdf: Pdf):
    top_margin = 20 * POINTS_PER_MM
    for number in range(1, plan_pdf.page_count + 1):
        words = plan_pdf.words(number)
        in_margin = [word for word in words if word.y_max < top_margin]
        if number == 1:
            assert in_margin == []
            continue
        assert [word.text for word in in_margin] == [str(number)]
        # Centred over the text, whose edges are the page's left and right margins.
        body = [word for word in words if word.y_min > top_margin]
        middle = (in_margin[0].x_min + in_margin[0].x_max) / 2
        assert abs(middle - (min(w.x_min for w in body) + max(w.x_max for w in body)) / 2) < 3


def test_the_plan_keeps_the_administrative_margins(plan_pdf: Pdf):
    """Left 30 mm and right 15 mm (Nghị định 30/2020, Phụ lục I); justified text reaches the right one."""
    width = plan_pdf.page_sizes()[0][0]
    for number in range(1, plan_pdf.page_count + 1):
        words = plan_pdf.words(number)
        assert min(word.x_min for word in words) >= 30 * POINTS_PER_MM - 1
        assert max(word.x_max for word in words) <= width - 15 * POINTS_PER_MM + 1
    body = plan_pdf.words(2)
    assert max(word.x_max for word in body) > width - 15 * POINTS_PER_MM - 2


def test_unknown_number_date_signer_and_recipients_print_as_blanks(plan_pdf: Pdf, real_plan):
    assert real_plan.number is None and real_plan.date is None and real_plan.signer.name is None
    text = plan_pdf.text()
    assert "Số: ……/KH-……" in text
    assert "…………, ngày …… tháng …… năm ……" in text
    assert "Nơi nhận:" in text
    assert "chưa rõ" not in text


def test_known_values_print_in_the_document_layout(sample_plan_pdf: Pdf):
    text = sample_plan_pdf.text()
    for expected in [
        "ỦY BAN NHÂN DÂN XÃ MẪU",
        "TRƯỜNG MẦM NON HOA SEN (TRƯỜNG MẪU)",
        MOTTO,
        "Số: 05/KH-MNHS",
        "Xã Mẫu, ngày 05 tháng 9 năm 2023",
        "Nơi nhận: - Cơ quan quản lý mẫu (để báo cáo); - Công đoàn cơ sở (để phối hợp); - Lưu: VT.",
        "HIỆU TRƯỞNG",
        "Nguyễn Thị Mẫu",
        "DỮ LIỆU MẪU",
    ]:
        assert expected in text


def test_the_qr_code_of_the_plan_reads_as_its_online_address(plan_pdf: Pdf, sample_plan_pdf: Pdf):
    assert plan_pdf.qr_codes(plan_pdf.page_count) == [REAL_URL + PLAN_PAGE]
    assert sample_plan_pdf.qr_codes(sample_plan_pdf.page_count) == [SAMPLE_URL + PLAN_PAGE]


@pytest.mark.parametrize("pdf_file", [PLAN_PDF, PRINTOUT_PDF])
def test_the_pdfs_are_tagged_vietnamese_titled_and_have_an_outline_of_their_headings(sample_pdfs: Build, pdf_file: str):
    """A screen reader reads them in Vietnamese, in order; a reader jumps through them by their bookmarks."""
    pdf = Pdf(sample_pdfs.site_dir / pdf_file)
    info = pdf.info()
    assert info["Tagged"] == "yes"
    page = PLAN_PAGE if pdf_file == PLAN_PDF else PRINTOUT_PAGE
    assert info["Title"] == sample_pdfs.page(page).title.get_text()
    assert pdf.language() == "vi"
    headings = [
        " ".join(heading.get_text(" ").replace("¶", "").split())
        for heading in sample_pdfs.page(page).select("article h1, article h2, article h3, article h4")
    ]
    outline = pdf.outline()
    # In the headings' order (`in` walks the iterator on); only the screen's page title and the
    # printout's "Kế hoạch" are not printed.
    remaining = iter(headings)
    assert all(title in remaining for _, title in outline)
    assert len(outline) >= len(headings) - 2
    assert "III. TỔ CHỨC THỰC HIỆN" in [title for _, title in outline]
    assert {depth for depth, _ in outline} >= {1, 2}


# --- The whole-year page ---------------------------------------------------------------


def test_the_whole_year_prints_the_plan_on_its_own_sheets_and_lets_the_parts_share_sheets(sample_pdfs: Build):
    pdf = Pdf(sample_pdfs.site_dir / PRINTOUT_PDF)
    assert_a4(pdf)
    assert_no_blank_page(pdf)
    parts = ["Trách nhiệm thực hiện", "Đối thoại định kỳ", "Báo cáo: hạn nộp và tình trạng", "Tóm tắt các báo cáo đã công bố"]
    sheets = {number: content_lines(pdf, number) for number in range(1, pdf.page_count + 1)}
    starts = {part: next(number for number, lines in sheets.items() if part in lines) for part in parts}
    # The plan, a document to sign, ends its sheets; the first part starts the next one.
    plan_ends = next(number for number, lines in sheets.items() if any("Nơi nhận" in line for line in lines))
    assert sheets[starts[parts[0]]][0] == parts[0] and starts[parts[0]] == plan_ends + 1
    assert list(starts.values()) == sorted(starts.values())
    # A part starts where the one before it ended, not on a sheet of its own.
    assert any(sheets[starts[part]][0] != part for part in parts[1:])
    text = pdf.text()
    assert MOTTO in text and "Kết quả đạt được" in text
    assert pdf.qr_codes(pdf.page_count) == [SAMPLE_URL + PRINTOUT_PAGE]


def test_pages_after_the_plan_are_numbered_at_the_bottom(sample_pdfs: Build):
    pdf = Pdf(sample_pdfs.site_dir / PRINTOUT_PDF)
    last = pdf.lines(pdf.page_count)
    assert last[-1] == f"Trang {pdf.page_count}/{pdf.page_count}"


@pytest.mark.parametrize("site", ["sample_pdfs", "fifty_pdfs"])
def test_no_page_ends_with_a_heading(site: str, request):
    """A heading is kept with the text it introduces."""
    build: Build = request.getfixturevalue(site)
    pdf = Pdf(build.site_dir / PRINTOUT_PDF)
    headings = {
        " ".join(h.get_text(" ").replace("¶", "").split())
        for url_path in [PRINTOUT_PAGE, *printout_parts(build)]
        for h in build.page(url_path).select("article h2, article h3, article h4")
    }
    for number in range(1, pdf.page_count + 1):
        lines = content_lines(pdf, number)
        assert lines, f"page {number} holds nothing but its running line, page number or QR code"
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_the_whole_year_pdf_holds_the_parts_that_continue_the_page(fifty_pdfs: Build):
    """One file for the notice board: the main page, then every part, each on a new sheet."""
    parts = printout_parts(fifty_pdfs)
    assert len(parts) >= 2
    pdf = Pdf(fifty_pdfs.site_dir / PRINTOUT_PDF)
    assert_a4(pdf)
    assert_no_blank_page(pdf)
    text = pdf.text()
    assert text.index(MOTTO) < text.index("Báo cáo: hạn nộp và tình trạng")
    positions = [text.find(SUMMARY_MARK.format(number=number) + ".") for number in range(1, PUBLISHED + 1)]
    assert -1 not in positions and positions == sorted(positions), "a summary is missing or out of order"
    for number in (1, PUBLISHED):
        assert text.count(SUMMARY_MARK.format(number=number) + ".") == 1
    lines = [line for number in range(1, pdf.page_count + 1) for line in content_lines(pdf, number)]
    starts = [lines.index(first_heading(fifty_pdfs, url_path)) for url_path in parts]
    assert starts == sorted(starts)
    # The way between the parts is for the screen.
    for screen_only in ["Bản in dài nên được chia", "Các tóm tắt tiếp theo:", "Hết bản in"]:
        assert screen_only not in text
    assert pdf.lines(pdf.page_count)[-1] == f"Trang {pdf.page_count}/{pdf.page_count}"
    assert pdf.qr_codes(pdf.page_count) == [SAMPLE_URL + PRINTOUT_PAGE]
    # Every part offers the file too.
    for url_path in parts:
        links = [urljoin("https://site/" + url_path, a["href"]) for a in fifty_pdfs.page(url_path).select(".qcdc-downloads a")]
        assert "https://site/" + PRINTOUT_PDF in links


def test_the_links_of_the_pdf_and_of_its_appended_parts_lead_to_the_published_pages(fifty_pdfs: Build):
    """A part's links are relative to the part's address: appended to the main page, they are resolved
    first; then every link to the site leads to its published address, not to the server that printed it."""
    all_links = Pdf(fifty_pdfs.site_dir / PRINTOUT_PDF).links()
    assert not [link for link in all_links if urlsplit(link).hostname in {"127.0.0.1", "localhost"}]
    links = [link for link in all_links if link.startswith(SAMPLE_URL)]
    targets = {link.removeprefix(SAMPLE_URL).split("#")[0] for link in links}
    assert "2023-2024/bao-cao/bao-cao-quy-1/" in targets  # "Xem tóm tắt" in the appended deadline table
    for link in links:
        address = urlsplit(link.removeprefix(SAMPLE_URL.rstrip("/")))
        file = page_file(fifty_pdfs.site_dir, unquote(address.path).lstrip("/"))
        assert file.is_file(), link
        if address.fragment:
            assert f'id="{address.fragment}"' in file.read_text(encoding="utf-8"), link


def test_a_part_printed_by_itself_starts_on_its_first_sheet(printing, browser, fifty_pdfs: Build, tmp_path: Path):
    part = printout_parts(fifty_pdfs)[0]
    [written] = print_in(browser, fifty_pdfs.site_dir, [PrintJob(part, "part.pdf")], tmp_path)
    pdf = Pdf(written)
    assert_a4(pdf)
    assert_no_blank_page(pdf)
    first_sheet = content_lines(pdf, 1)
    assert first_sheet[0].startswith("DỮ LIỆU MẪU")
    assert first_heading(fifty_pdfs, part) in first_sheet[:4]
    assert pdf.qr_codes(pdf.page_count) == [SAMPLE_URL + part]


def test_a_continuation_without_parts_to_append_fails_the_print(printing, browser, real_build: Build, tmp_path: Path):
    job = PrintJob(PRINTOUT_PAGE, "in-ca-nam.pdf", continued_on=("van-ban/",))
    with pytest.raises(PdfError, match="Trang van-ban/ không có phần nào để in tiếp trang 2023-2024/in-ca-nam/"):
        print_in(browser, real_build.site_dir, [job], tmp_path)


# --- Downloads ---------------------------------------------------------------------------


@pytest.mark.parametrize("url_path", [PLAN_PAGE, PRINTOUT_PAGE])
def test_the_pages_offer_the_pdfs_for_download(real_pdfs: Build, url_path: str):
    links = real_pdfs.page(url_path).select(".qcdc-downloads a")
    targets = [urljoin("https://site/" + url_path, link["href"]) for link in links]
    assert targets == ["https://site/" + PLAN_PDF, "https://site/" + PRINTOUT_PDF]
    for pdf in [PLAN_PDF, PRINTOUT_PDF]:
        assert (real_pdfs.site_dir / pdf).read_bytes().startswith(b"%PDF-")
        # scripts/pdf says where each PDF went.
        assert f"Đã in tệp PDF: {real_pdfs.site_dir / pdf}" in real_pdfs.output


def test_a_build_without_pdfs_offers_none(real_build: Build):
    assert real_build.page(PLAN_PAGE).select(".qcdc-downloads") == []
    assert not (real_build.site_dir / "2023-2024" / "pdf").exists()


def test_printing_without_chromium_says_so_in_vietnamese(real_build: Build, tmp_path: Path):
    with pytest.raises(PdfError, match="Không tìm thấy trình duyệt Chromium"):
        print_pages(real_build.site_dir, [PrintJob(PLAN_PAGE, "x.pdf")], tmp_path, chromium=tmp_path / "chromium")


# --- Every page of both sites -----------------------------------------------------------


@pytest.fixture(scope="module", params=["real", "sample"])
def every_page(printing, browser, request, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pdf]:
    """Every HTML page of the real or the sample site, printed by the PDF command's own code.

    (In pytest-playwright's browser: a second Playwright cannot start in the same process.)
    """
    build: Build = request.getfixturevalue(f"{request.param}_build")
    folder = tmp_path_factory.mktemp(f"{request.param}-every-page")
    pages = html_pages(build.site_dir)
    jobs = [PrintJob(page, f"{index}.pdf") for index, page in enumerate(pages)]
    print_in(browser, build.site_dir, jobs, folder)
    return {page: Pdf(folder / job.pdf) for page, job in zip(pages, jobs)}


def test_every_page_prints_on_a4_without_blank_page_or_search(every_page: dict[str, Pdf]):
    assert len(every_page) > 5
    for url_path, pdf in every_page.items():
        assert_a4(pdf)
        assert_no_blank_page(pdf)
        assert "Tìm kiếm" not in pdf.text(), url_path


def test_every_printed_page_ends_with_its_qr_code(every_page: dict[str, Pdf]):
    # Without QCDC_SITE_URL the site's address is the local preview's (mkdocs.yml).
    site_url = os.environ.get("QCDC_SITE_URL", "http://127.0.0.1:8000/")
    for url_path, pdf in every_page.items():
        if url_path == "404.html":
            continue  # No address of its own: it stands in for every missing one.
        assert pdf.qr_codes(pdf.page_count) == [urljoin(site_url, url_path)], url_path


def test_every_status_icon_prints(every_page: dict[str, Pdf], request):
    # The words say the status; the icon beside them must not print as a gap (an emoji
    # does, where the printing machine has no emoji font).
    build: Build = request.getfixturevalue(f"{request.node.callspec.params['every_page']}_build")
    printed = 0
    for url_path, pdf in every_page.items():
        if url_path == "404.html":
            continue
        icons = {icon.get_text() for icon in build.page(url_path).select(".qcdc-badge > span[aria-hidden]")}
        for icon in icons:
            assert icon in pdf.text(), (url_path, icon)
            printed += 1
    assert printed


# The content below which a sheet that is not the last of a long document counts as wasted.
LEAST_FILL = 0.2
LONG_DOCUMENT = 3
# Pages whose length follows the repository's git history, which grows with every data commit
# (and differs between clones): their last sheet is as full as that history makes it. Their
# other sheets, and the QR code's place, are checked like every page's.
GROWS_WITH_HISTORY = {"lich-su/"}


def test_no_sheet_is_wasted_and_every_sheet_says_whose_it_is(every_page: dict[str, Pdf], request):
    """No sheet holds only the QR code, none is under a fifth full (but the last of a long
    document), none ends with a heading or a label; each names the school, the year and the page."""
    site = request.node.callspec.params["every_page"]
    build: Build = request.getfixturevalue(f"{site}_build")
    school = load_site_data(REAL_DATA if site == "real" else SAMPLE / "data").school.name
    wasted, unnamed, dangling = [], [], []
    for url_path, pdf in every_page.items():
        if url_path == "404.html":
            continue  # A theme template, not a page: no running line, one short sheet.
        headings = {
            " ".join(h.get_text(" ").replace("¶", "").split()) for h in build.page(url_path).select("article :is(h1, h2, h3, h4)")
        }
        for number in range(1, pdf.page_count + 1):
            where = f"{url_path} sheet {number}/{pdf.page_count}"
            lines = content_lines(pdf, number)
            if not [line for line in lines if not line.startswith("DỮ LIỆU MẪU")]:
                wasted.append(f"{where}: only the QR code")
            elif (
                pdf.page_count > 1
                and not (number == pdf.page_count >= LONG_DOCUMENT)
                and not (number == pdf.page_count and url_path in GROWS_WITH_HISTORY)
                and pdf.fill(number) < LEAST_FILL
            ):
                wasted.append(f"{where}: {pdf.fill(number):.2f} full")
            if not any(line.startswith(f"{school} · Năm học ") for line in pdf.lines(number)):
                unnamed.append(where)
            if number < pdf.page_count and lines and (lines[-1] in headings or lines[-1].endswith(":")):
                dangling.append(f"{where}: {lines[-1]!r}")
    assert wasted == []
    assert unnamed == []
    assert dangling == []


def test_every_page_prints_with_the_embedded_fonts_only(every_page: dict[str, Pdf]):
    """No glyph from a fallback font: those print as bitmaps (Type 3), faint, or not at all."""
    for url_path, pdf in every_page.items():
        fonts = pdf.fonts()
        # A Type 3 font has no name: it is a fallback's glyphs drawn as pictures.
        assert fonts and all(embedded and name != "[none]" for name, embedded in fonts), (url_path, fonts)
        assert any(name.split("+")[-1] == "LiberationSerif" for name, _ in fonts), (url_path, fonts)


# --- The print stylesheet in the browser -------------------------------------------------


def test_print_only_parts_show_in_print_and_the_screen_parts_do_not(page, site_server: str):
    page.goto(urljoin(site_server, PLAN_PAGE))
    printed = [".qcdc-official-header", ".qcdc-official-closing", ".qcdc-print-qr svg"]
    screen = ["article h1", ".qcdc-document-meta", ".md-header", ".md-sidebar--primary", ".md-footer"]
    for selector in printed:
        assert not page.locator(selector).is_visible(), selector
    for selector in screen:
        assert page.locator(selector).first.is_visible(), selector
    page.emulate_media(media="print")
    for selector in printed:
        assert page.locator(selector).is_visible(), selector
    for selector in screen:
        assert not page.locator(selector).first.is_visible(), selector


def test_printed_links_to_other_sites_show_their_address(page, site_server: str):
    page.goto(urljoin(site_server, "van-ban/"))
    # The data holds no address of another site yet: one is added to the page as a reader would meet it.
    page.evaluate(
        """() => {
            const link = document.createElement("a");
            link.href = "https://vanban.chinhphu.vn/?pageid=27160&docid=200537";
            link.textContent = "Nghị định 30/2020/NĐ-CP";
            link.id = "external";
            document.querySelector("article p").append(" ", link);
        }"""
    )
    internal = page.locator("article a[href^='../']").first
    page.emulate_media(media="print")
    shown = page.evaluate("getComputedStyle(document.getElementById('external'), '::after').content")
    assert shown == '" (https://vanban.chinhphu.vn/?pageid=27160&docid=200537)"'
    assert internal.evaluate("element => getComputedStyle(element, '::after').content") in {"none", "normal"}


# A4 less print.css's left and right margins (20 and 15 mm), in CSS pixels (96 to the inch).
A4_TEXT_WIDTH_PX = round((210 - 20 - 15) / 25.4 * 96)


@pytest.mark.parametrize("url_path", ["2023-2024/bao-cao/", "2023-2024/in-ca-nam/", "tiep-cong-dan/", "du-lieu/"])
def test_tables_fit_the_width_of_an_a4_sheet(page, sample_server: str, url_path: str):
    """A table wider than the sheet would be cut, or the browser would shrink the whole page to fit it."""
    page.set_viewport_size({"width": A4_TEXT_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(urljoin(sample_server, url_path))
    assert page.locator("article table").count() > 0
    overflowing = page.evaluate(
        """(width) => [...document.querySelectorAll("article table")]
            .filter((table) => table.getBoundingClientRect().right > width)
            .map((table) => table.querySelector("th").textContent)"""
        , A4_TEXT_WIDTH_PX,
    )
    assert overflowing == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= A4_TEXT_WIDTH_PX


def test_the_rules_under_the_issuer_and_the_title_are_a_third_to_a_half_of_their_line(page, site_server: str):
    """Nghị định 30/2020, Phụ lục I; and the title block is set in one weight."""
    page.set_viewport_size({"width": A4_TEXT_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(urljoin(site_server, PLAN_PAGE))
    measured = page.evaluate(
        """() => {
            const longestLine = (element) => {
                const range = document.createRange();
                range.selectNodeContents(element);
                return Math.max(...[...range.getClientRects()].map((rect) => rect.width));
            };
            return ['.qcdc-official-unit', '.qcdc-document .qcdc-document-title'].map((selector) => {
                const element = document.querySelector(selector);
                const lines = [...element.querySelectorAll('strong')].map(longestLine);
                return [selector, parseFloat(getComputedStyle(element, '::after').width), Math.max(...lines)];
            });
        }"""
    )
    for selector, rule, line in measured:
        assert 1 / 3 <= rule / line <= 1 / 2, (selector, rule, line)
    weights = page.evaluate("() => [...document.querySelectorAll('.qcdc-document-title p')].map((p) => getComputedStyle(p).fontWeight)")
    assert len(weights) >= 1 and set(weights) == {"700"}
