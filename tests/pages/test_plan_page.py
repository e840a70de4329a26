"""The plan page of a real build: complete, in order, faithful to the official text."""

from __future__ import annotations

import re

import pytest

from tests.conftest import FIXTURES, REAL_DATA, Build, reader_text
from macros.data.loading import load_site_data

PLAN_PAGE = "2023-2024/ke-hoach/"


def normalized(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def plan_text(real_build: Build) -> str:
    return reader_text(real_build.page(PLAN_PAGE).select_one("article"))


@pytest.fixture(scope="module")
def plan():
    return load_site_data(REAL_DATA).plan("2023-2024")


def texts_in_plan_order(plan) -> list[str]:
    """Every piece of official text held by the data, in the order of the document."""
    sections = [plan.purposes, plan.requirements, *plan.content]
    return [
        *(basis.text for basis in plan.legal_bases),
        *plan.preamble,
        plan.part_one_heading,
        *(text for section in sections for text in (section.heading, *(item.text for item in section.items))),
        plan.organisation_heading,
        *(task.text for task in plan.organisation),
        plan.reporting.heading,
        plan.reporting.supervision.text,
        plan.reporting.reports_lead,
        *(f"{report.name} {report.due_as_written or ''}".strip() for report in plan.reporting.reports),
        plan.closing,
    ]


def test_every_text_of_the_data_is_on_the_plan_page_in_order(plan, plan_text):
    position = 0
    for text in texts_in_plan_order(plan):
        found = plan_text.find(normalized(text), position)
        assert found >= 0, f"missing or out of order: {text[:80]!r}"
        position = found + 1


def test_parts_one_to_four_are_headings_in_order(real_build):
    headings = [reader_text(h) for h in real_build.page(PLAN_PAGE).select("article h2")]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "IV. CHẾ ĐỘ THÔNG TIN BÁO CÁO"]


def corrected_source_sentences() -> list[str]:
    seed = FIXTURES / "seed"
    text = (seed / "ke-hoach-qcdc-2023-2024.txt").read_text(encoding="utf-8")
    text = re.sub(r"\[bookmark: bookmark\d+\]", "", text)
    for line in (seed / "corrections.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            wrong, right = line.split("\t")
            assert wrong in text, f"correction {wrong!r} no longer matches the source"
            text = text.replace(wrong, right)
    pieces = re.split(r"(?<=[.;:])\s+|\n", text)
    return [normalized(piece) for piece in pieces if normalized(piece)]


def test_every_sentence_of_the_corrected_official_text_is_on_the_plan_page(plan_text):
    sentences = corrected_source_sentences()
    assert len(sentences) > 50
    missing = [sentence for sentence in sentences if sentence not in plan_text]
    assert missing == []


def test_no_extraction_residue_reaches_the_page(plan_text):
    for residue in ["[bookmark", "YÊU CÀU", "vãn bản", "quy chê", "kỳ năng", "bồi dường", "đấy mạnh", "đế đề xuất", "KH- GDĐT"]:
        assert residue not in plan_text


def test_unknown_number_date_and_signer_are_shown_as_unknown(real_build):
    meta = reader_text(real_build.page(PLAN_PAGE).select_one(".qcdc-document-meta"))
    assert "Số văn bản: chưa rõ" in meta
    assert "Ngày ký: chưa rõ" in meta
    assert "Người ký: chưa rõ" in meta


def test_legal_bases_link_to_their_entry_on_the_legal_documents_page(real_build):
    page = real_build.page(PLAN_PAGE)
    links = [a["href"] for a in page.select("article .qcdc-cites a")]
    assert "../../van-ban/#kh-503-kh-gddt-2023" in links
    documents = real_build.page("van-ban/")
    for href in links:
        path, anchor = href.split("#")
        assert path == "../../van-ban/"
        assert documents.find(id=anchor) is not None, anchor


def test_several_legal_bases_of_a_paragraph_are_separated_as_in_a_sentence(real_build):
    cites = [p.get_text() for p in real_build.page(PLAN_PAGE).select("article .qcdc-cites")]
    assert "Căn cứ: Chỉ thị số 19-CT/TU; Công văn số 610/UBND-NV" in cites
