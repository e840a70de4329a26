"""The MkDocs plugin: a data mistake fails the build, and never replaces the published site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.commands.new_year import start_year
from macros.data.loading import load_site_data
from macros.publications.pdf import serve_folder
from tests.built_site import html_pages
from tests.conftest import FIXTURES, ROOT, reader_text, run_mkdocs_build


def break_plan(data_dir: Path, old: str, new: str) -> None:
    plan = data_dir / "years" / "2023-2024" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_data_error_fails_the_build_with_a_located_vietnamese_message(tmp_path, data_copy):
    break_plan(data_copy, "school_year: 2023-2024", "school_year: 2023-2024\ntitel: Kế hoạch")
    build = run_mkdocs_build(tmp_path / "site", data_copy)
    assert build.returncode != 0
    assert "data/years/2023-2024/plan.yml, dòng 6, trường titel" in build.output
    assert "có phải ý bạn là 'title'?" in build.output
    assert "Traceback" not in build.output


def test_all_errors_of_a_run_are_reported_together(tmp_path, data_copy):
    break_plan(data_copy, "owner: hieu-truong", "owner: hieu-truongg")
    documents = data_copy / "legal_documents.yml"
    text = documents.read_text(encoding="utf-8").replace("kind: Luật", "kind: [Luật]")
    documents.write_text(text.replace("date: 03/03/2023", "date: 31/04/2023"), encoding="utf-8")
    build = run_mkdocs_build(tmp_path / "site", data_copy)
    assert build.returncode != 0
    assert "Dữ liệu có 3 lỗi" in build.output
    assert "'hieu-truongg'" in build.output
    assert "ngày 31/04/2023 không có thật" in build.output
    assert "data/legal_documents.yml, dòng 11, văn bản thứ 2 (10/2022/QH15) → loại văn bản (kind): gặp một danh sách" in build.output


def test_a_failed_build_leaves_the_last_good_site_untouched(tmp_path, data_copy):
    site = tmp_path / "site"
    assert run_mkdocs_build(site, data_copy).returncode == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}

    break_plan(data_copy, "kind: quy", "kind: quarterly")
    assert run_mkdocs_build(site, data_copy).returncode != 0

    after = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def project_with_extra_page(tmp_path: Path, name: str, markdown: str) -> Path:
    """A copy of the site's pages plus one page, built with the real configuration."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / name).write_text(markdown, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(
    ("markdown", "cause"),
    [
        pytest.param("# Trang\n\n[hỏng](khong-co.md)\n", "'khong-co.md', but the target is not found", id="broken-link"),
        pytest.param("# Trang\n\n[hỏng](van-ban.md#khong-co-muc-nay)\n", "does not contain an anchor '#khong-co-muc-nay'", id="broken-anchor"),
        pytest.param("# Trang\n\n{{ macro_khong_co() }}\n", "'macro_khong_co' is undefined", id="macro-error"),
    ],
)
def test_a_late_build_failure_also_keeps_the_last_good_site(tmp_path, markdown, cause):
    site = tmp_path / "site"
    assert run_mkdocs_build(site).returncode == 0
    index_before = (site / "index.html").read_bytes()

    config = project_with_extra_page(tmp_path, "them.md", markdown)
    build = run_mkdocs_build(site, ROOT / "data", config=config)
    assert build.returncode != 0, build.output
    assert cause in build.output
    assert (site / "index.html").read_bytes() == index_before
    assert not (site / "them").exists()


def hostile_data(data_copy: Path) -> Path:
    for name in ("school.yml", "legal_documents.yml"):
        shutil.copy(FIXTURES / "hostile" / name, data_copy / name)
    return data_copy


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    build = run_mkdocs_build(tmp_path_factory.mktemp("hostile-site") / "site", hostile_data(data))
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("url", ["", "2023-2024/trach-nhiem/", "van-ban/"])
def test_html_typed_into_data_is_shown_as_text_and_never_runs(hostile_build, url):
    article = hostile_build.page(url).select_one("article")
    for own in article.select(".qcdc-print-qr"):
        own.decompose()  # the page's own QR code (an SVG), made from its address, not from the data
    assert article.find(["script", "img", "svg", "iframe", "table", "ol"]) is None
    for element in article.find_all(True):
        assert not any(attribute.startswith("on") for attribute in element.attrs), element
        assert "javascript:" not in element.get("href", "") + element.get("src", "")


def test_hostile_text_reaches_the_reader_verbatim(hostile_build):
    home = hostile_build.page("").select_one("article").get_text(" ")
    assert "<script>window.pwned = 1</script>Trường *mầm non* [Bé](javascript:alert(1)) Ngoan" in home
    assert "{{ 7 * 7 }} huyện # Hóc Môn" in home
    documents = hostile_build.page("van-ban/").select_one("article").get_text(" ")
    assert "&lt;b&gt;đã mã hóa&lt;/b&gt;" in documents
    assert "Luật `Thực hiện` dân chủ ở cơ sở" in documents


def test_a_successful_build_publishes_the_whole_site_and_leaves_no_staging_folder(tmp_path):
    site = tmp_path / "site"
    assert run_mkdocs_build(site).returncode == 0
    # The search plugin writes its index after the pages: it must be in the published site.
    assert (site / "search" / "search_index.json").is_file()
    assert (site / "2023-2024" / "ke-hoach" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_data_is_loaded_and_checked_once_per_build(real_build):
    assert real_build.output.count("Đã đọc và kiểm tra dữ liệu") == 1
    assert "Đã đọc và kiểm tra dữ liệu trong data: " in real_build.output
    assert real_build.output.count("Cảnh báo dữ liệu: data/years/2023-2024/plan.yml, dòng 209") == 1


def test_the_sample_build_names_its_own_data_folder(sample_build):
    assert "Đã đọc và kiểm tra dữ liệu trong examples/truong-mau/data: " in sample_build.output


@pytest.mark.parametrize("site", ["real_build", "sample_build"])
def test_no_page_shows_unrendered_template_code(site, request):
    build = request.getfixturevalue(site)
    for path in build.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "{{" not in html and "{%" not in html, path


def test_navigation_names_every_entry_with_its_vietnamese_title(real_build):
    navigation = real_build.page("2023-2024/ke-hoach/").select_one(".md-nav--primary")
    labels = [reader_text(link) for link in navigation.select(".md-nav__link")]
    # Short labels naming the year; the pages keep their full titles.
    assert "Báo cáo 2023-2024" in labels and "Nghĩa vụ 2023-2024" in labels
    assert "Bao cao" not in labels


# --- A publishing build needs the site's published address ----------------------------


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        (None, True),
        ("", True),
        ("http://127.0.0.1:8000/", True),
        ("http://127.8.0.1/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://0.0.0.0/", True),
        ("/qcdc/", True),
        ("https://truong.example.edu.vn/qcdc/", False),
        ("https://user.github.io/qcdc/", False),
        ("http://192.168.1.10/", False),  # a school's own server on its network
    ],
)
def test_a_publishing_build_knows_an_address_that_leads_nowhere(address, refused):
    from macros.publications.pdf import unpublishable_address

    assert (unpublishable_address(address) is not None) == refused


def test_scripts_pdf_refuses_the_local_address_in_vietnamese_and_keeps_the_old_site(tmp_path, monkeypatch):
    """The pipelines publish with scripts/pdf: without QCDC_SITE_URL it stops before building anything."""
    import subprocess

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("trang cũ", encoding="utf-8")
    monkeypatch.delenv("QCDC_SITE_URL", raising=False)
    result = subprocess.run(
        [str(ROOT / "scripts" / "pdf"), "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Địa chỉ trang web (site_url) đang là http://127.0.0.1:8000/, chỉ mở được trên chính máy dựng trang" in output
    assert "QCDC_SITE_URL" in output and "Traceback" not in output
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"


def test_the_pages_of_a_draft_year_say_so_on_screen_and_on_paper(tmp_path, data_copy, page):
    start_year(data_copy, load_site_data(data_copy))  # writes 2024-2025 as a draft
    build = run_mkdocs_build(tmp_path / "site", data_copy)
    assert build.returncode == 0, build.output
    assert "Cảnh báo dữ liệu: data/years/2024-2025/plan.yml, dòng 12, dự thảo (draft)" in build.output
    draft_pages = [path for path in html_pages(build.site_dir) if path.startswith("2024-2025/")]
    assert "2024-2025/ke-hoach/" in draft_pages and "2024-2025/in-ca-nam/" in draft_pages
    for path in html_pages(build.site_dir):
        if path.endswith("/") or path == "":
            banner = build.page(path).select("article .qcdc-draft-banner")
            expected = ["DỰ THẢO — kế hoạch năm học 2024-2025 chưa được ký ban hành; nội dung còn có thể thay đổi."]
            assert [" ".join(b.get_text().split()) for b in banner] == (expected if path in draft_pages else []), path
    feed = (build.site_dir / "du-lieu" / "cap-nhat.xml").read_text(encoding="utf-8")
    assert "<title>Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm học 2024-2025 (dự thảo)</title>" in feed
    assert "<title>Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm học 2023-2024</title>" in feed
    # The home page and the navigation keep leading with the signed year.
    home = build.page("")
    assert home.select_one(".md-nav--primary .md-nav__link[href$='2023-2024/ke-hoach/']").get_text(" ", strip=True) == "Kế hoạch 2023-2024"
    with serve_folder(build.site_dir) as server:
        page.emulate_media(media="print")
        page.goto(server + "2024-2025/ke-hoach/")
        assert page.locator(".qcdc-draft-banner").is_visible()
        assert page.locator(".qcdc-draft-banner strong").inner_text() == "DỰ THẢO"
