"""Rules across files: ids used once, references that resolve, quotes copied word for word.

The fixtures validate on their own; only the cross-file checks find their mistake.
"""

from __future__ import annotations

PLAN = "data/years/2023-2024/plan.yml"
SCHOOL = "data/school.yml"


def test_school_year_different_from_its_folder_is_refused(refused) -> None:
    refusal = refused("plan-school-year-not-folder.yml")

    assert refusal.where() == [(PLAN, 2, "school_year")]
    assert refusal.fixture_line(2) == "school_year: 2024-2025"
    assert "năm học '2024-2025' khác với tên thư mục '2023-2024'" in refusal.only().message


def test_duplicate_role_id_is_refused_naming_the_line_of_its_first_use(refused) -> None:
    refusal = refused("school-duplicate-role.yml")

    assert refusal.where() == [(SCHOOL, 18, "roles[6].id")]
    assert refusal.fixture_line(14).strip() == "- id: cap-uy"
    assert refusal.fixture_line(18).strip() == "- id: cap-uy"
    assert "mã vai trò 'cap-uy' bị trùng (đã dùng ở dòng 14)" in refusal.only().message


def test_duplicate_duty_id_is_refused_naming_the_line_of_its_first_use(refused) -> None:
    refusal = refused("plan-duplicate-duty.yml")

    assert refusal.where() == [(PLAN, 41, "organisation[1].duties[2].id")]
    assert refusal.fixture_line(41).strip() == "- id: xay-dung-ke-hoach-quy-che"
    assert "mã nhiệm vụ 'xay-dung-ke-hoach-quy-che' bị trùng (đã dùng ở dòng 38)" in refusal.only().message


def test_owner_that_is_not_a_role_of_the_school_is_refused_listing_the_roles(refused) -> None:
    refusal = refused("plan-unknown-owner.yml")

    assert refusal.where() == [(PLAN, 47, "organisation[2].duties[1].owner")]
    assert refusal.fixture_line(47).strip() == "owner: dang-vien-tre"
    message = refusal.only().message
    assert "không có vai trò mã 'dang-vien-tre' trong data/school.yml" in message
    assert "các mã có: ban-giam-hieu, ban-thanh-tra-nhan-dan, cap-uy, cb-cc-vc, cong-doan, dang-vien," in message


def test_cited_document_missing_from_the_legal_documents_is_refused(refused) -> None:
    refusal = refused("plan-unknown-cited-document.yml")

    assert refusal.where() == [(PLAN, 31, "content[1].items[1].cites[1]")]
    assert refusal.fixture_line(31).strip() == "cites: [luat-dan-chu-2022]"
    message = refusal.only().message
    assert "không có văn bản mã 'luat-dan-chu-2022' trong data/legal_documents.yml" in message
    assert "luat-thuc-hien-dan-chu-2022" in message


def test_legal_basis_missing_from_the_legal_documents_is_refused(refused) -> None:
    refusal = refused("plan-unknown-legal-basis.yml")

    assert refusal.where() == [(PLAN, 48, "organisation[2].duties[1].legal_basis[2]")]
    assert refusal.fixture_line(48).strip() == "legal_basis: [qd-1043-qd-tu, qd-1043]"
    message = refusal.only().message
    assert "không có văn bản mã 'qd-1043' trong data/legal_documents.yml" in message
    assert "qd-1043-qd-tu" in message


def test_quote_not_found_word_for_word_in_its_task_text_is_refused(refused) -> None:
    refusal = refused("plan-quote-not-in-text.yml")

    assert refusal.where() == [(PLAN, 43, "organisation[1].duties[2].quote")]
    assert refusal.fixture_line(43).strip().startswith("quote: Phân công hiệu trưởng")
    assert "câu trích không có nguyên văn trong đoạn 'text' phía trên" in refusal.only().message


def test_references_are_not_checked_against_a_file_that_did_not_validate(refused) -> None:
    # legal_documents.yml is refused for its date, so which documents exist is
    # unknown: the plan's citations are not reported as missing on top of it.
    refusal = refused("legal-documents-impossible-date.yml")

    assert [problem.file for problem in refusal.problems] == ["data/legal_documents.yml"]
