"""The responsibilities page: every duty under its owner, unnamed owners shown as such."""

from __future__ import annotations

from tests.conftest import REAL_DATA, reader_text
from macros.data.loading import load_site_data

PAGE = "2023-2024/trach-nhiem/"


def section_texts(build) -> dict[str, str]:
    """Text of each h2 section of the page, keyed by the heading's id."""
    article = build.page(PAGE).select_one("article")
    sections, current = {}, None
    for element in article.children:
        if getattr(element, "name", None) == "h2":
            current = element["id"]
            sections[current] = ""
        elif current and getattr(element, "name", None):
            sections[current] += " " + reader_text(element)
    return sections


def test_every_duty_appears_under_its_owner_or_under_not_named(real_build):
    site = load_site_data(REAL_DATA)
    plan = site.plan("2023-2024")
    sections = section_texts(real_build)
    tasks = [*plan.organisation, plan.reporting.supervision]
    for task in tasks:
        for duty in task.duties:
            text = " ".join((duty.quote or task.text).split())
            section = duty.owner or "chua-neu-ten"
            assert text in sections[section], (duty.id, section)


def test_roles_with_duties_are_named_by_their_role_name(real_build):
    headings = [reader_text(h) for h in real_build.page(PAGE).select("article h2")]
    assert "Hiệu trưởng" in headings[0]
    assert any("Ban thanh tra nhân dân" in heading for heading in headings)
    assert any("Chưa nêu tên người chịu trách nhiệm" in heading for heading in headings)


def test_the_six_monthly_dialogue_duty_shows_its_frequency(real_build):
    sections = section_texts(real_build)
    assert "ít nhất 6 tháng/lần" in sections["nguoi-dung-dau"]
    assert "Định kỳ: ít nhất 6 tháng một lần" in sections["nguoi-dung-dau"]


def test_duties_without_timing_or_basis_say_so(real_build):
    sections = section_texts(real_build)
    assert "Thời gian, tần suất: kế hoạch không nêu" in sections["hieu-truong"]
    assert "Căn cứ: kế hoạch không nêu văn bản riêng" in sections["hieu-truong"]


def test_report_deadlines_are_listed_exactly_as_written(real_build):
    text = section_texts(real_build)["bao-cao-dinh-ky"]
    assert "Báo cáo Quý I: trước ngày 25 tháng 02 năm 2023" in text
    assert "Báo cáo năm 2023-2024: kế hoạch không nêu hạn nộp" in text


def test_each_duty_links_back_to_its_paragraph_in_the_plan(real_build):
    plan_page = real_build.page("2023-2024/ke-hoach/")
    links = [a["href"] for a in real_build.page(PAGE).select("article a") if "ke-hoach" in a["href"]]
    assert links
    for href in links:
        assert plan_page.find(id=href.split("#")[1]) is not None, href
