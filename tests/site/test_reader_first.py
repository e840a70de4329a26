"""Reader first: the navigation a parent needs, the school named everywhere, its contacts as links,
the editors' tools in their own corner (issue 13)."""

from __future__ import annotations

from tests.conftest import Build, reader_text


def navigation_outline(build: Build, url: str = "") -> list[tuple[str, list[str]]]:
    """The primary navigation's top level: each entry's label and the labels below it."""
    top = build.page(url).select_one("nav.md-nav--primary > ul")
    outline = []
    for item in top.find_all("li", recursive=False):
        label = " ".join(item.find(["a", "label"]).get_text().split())
        below = [a for a in item.select(":scope ul a") if a.find_parent("nav", class_="md-nav--secondary") is None]
        outline.append((label, [" ".join(a.get_text().split()) for a in below if not a["href"].startswith("#")]))
    return outline


def test_the_navigation_leads_with_the_years_pages_and_keeps_the_editors_material_apart(sample_build):
    assert navigation_outline(sample_build) == [
        ("Trang chủ", []),
        ("Kế hoạch 2023-2024", []),
        ("Trách nhiệm 2023-2024", []),
        ("Đối thoại 2023-2024", []),
        ("Báo cáo 2023-2024", []),
        ("Nghĩa vụ 2023-2024", []),
        ("Bản in cả năm 2023-2024", []),
        ("Tiếp công dân", []),
        ("Văn bản pháp lý", []),
        ("Góc biên tập", ["Hướng dẫn cập nhật", "Sửa tệp YAML (cách dự phòng)", "Lịch sử thay đổi", "Dữ liệu mở"]),
    ]
    # Every page shows the same navigation; another year's page too (its year switcher leads back).
    assert navigation_outline(sample_build, "2024-2025/ke-hoach/")[1][0] == "Kế hoạch 2023-2024"


def test_the_school_names_the_site_in_the_header_the_title_and_the_link_preview(sample_build, real_build):
    school = "Trường mầm non Hoa Sen (trường mẫu)"
    home = sample_build.page("")
    assert reader_text(home.select_one(".qcdc-header-name__school")) == school
    assert home.title.get_text() == f"{school} - [Dữ liệu mẫu] Công khai thực hiện quy chế dân chủ ở cơ sở"
    assert sample_build.page("van-ban/").title.get_text() == f"Văn bản pháp lý - {school}"
    preview = {meta["property"]: meta["content"] for meta in home.select("meta[property]")}
    assert preview["og:site_name"] == school and preview["og:title"] == school and preview["og:locale"] == "vi_VN"
    assert reader_text(home.select_one("article h1")) == school
    assert reader_text(real_build.page("").select_one(".qcdc-header-name__school")) == "Trường mầm non Bé Ngoan"


def test_editor_tools_are_in_the_footers_editors_corner_only(sample_build):
    page = sample_build.page("2023-2024/bao-cao/")
    assert page.select(".md-header .md-source, .md-nav__source .md-source") == []
    assert page.find("a", string="Sửa trang này") is None
    corner = page.select_one("footer .qcdc-footer__editors")
    labels = [reader_text(a) for a in corner.select("a")]
    assert labels == [
        "Biên tập nội dung (biểu mẫu)", "Hướng dẫn cập nhật", "Sửa tệp YAML (cách dự phòng)", "Lịch sử thay đổi", "Dữ liệu mở",
        "Sửa dữ liệu của trang này", "Kho dữ liệu của trang (git)",
    ]
    assert corner.find("a", string="Biên tập nội dung (biểu mẫu)")["href"] == "../../bien-tap/"
    assert corner.find("a", string="Sửa dữ liệu của trang này")["href"].endswith("data/years/2023-2024/reports.yml")


def test_public_contacts_are_tel_and_mailto_links_in_the_footer_the_home_and_reception_pages(sample_build):
    for url in ["", "tiep-cong-dan/"]:
        page = sample_build.page(url)
        hrefs = {a["href"] for a in page.select("article a[href^='tel:'], article a[href^='mailto:']")}
        assert "tel:02800000000" in hrefs, url
        footer = {a["href"] for a in page.select("footer a[href^='tel:'], footer a[href^='mailto:']")}
        assert footer == {"tel:02800000000", "mailto:vanphong@mnhoasen.example"}, url
    assert "mailto:vanphong@mnhoasen.example" in {a["href"] for a in sample_build.page("").select("article a")}


def test_the_footer_names_the_legal_basis_of_the_plan(sample_build):
    basis = sample_build.page("").select_one("footer .qcdc-footer__basis")
    assert "Căn cứ pháp lý" in reader_text(basis)
    assert all(a["href"].startswith("van-ban/") for a in basis.select("a"))
    assert len(basis.select("a")) >= 2


def test_dialogues_show_the_session_to_come_first_then_the_held_ones_newest_first(sample_build):
    article = sample_build.page("2023-2024/doi-thoai/").select_one("article")
    order = [reader_text(element) for element in article.select(".qcdc-session-group, h3")]
    assert order == [
        "Sắp diễn ra", "Ngày 16/08/2024",
        "Đã qua, mới nhất trước", "Ngày 18/03/2024", "Ngày 22/12/2023", "Ngày 20/10/2023", "Ngày 25/09/2023",
    ]
    postponed = article.select_one(".qcdc-badge--postponed")
    assert reader_text(postponed) == "‖ Hoãn"


FIRST_SCREEN = """
() => ["article h1", ".qcdc-counts", ".qcdc-glance"].map(selector => {
  const rect = document.querySelector(selector).getBoundingClientRect();
  return {selector, top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right};
})
"""


def test_the_home_page_answers_its_three_questions_in_the_first_phone_screen(page, site_server, sample_server):
    """Whose site (the school's name), what comes next, and does the school keep its duties: at 360x640,
    before any scrolling, on the real site and on the sample (which also carries its banner)."""
    page.set_viewport_size({"width": 360, "height": 640})
    for server in [site_server, sample_server]:
        page.goto(server, wait_until="networkidle")
        for box in page.evaluate(FIRST_SCREEN):
            assert 0 <= box["top"] and box["bottom"] <= 640, (server, box)
            assert 0 <= box["left"] and box["right"] <= 360, (server, box)
        assert page.locator(".md-header .qcdc-header-name__school").is_visible()
