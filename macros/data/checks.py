"""Rules across files: unique ids, references that resolve, quotes that match.

Each check returns the problems it finds (it never stops at the first), so the
editor sees every mistake of a run at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import DataProblem
from .models import LegalDocument, LegalDocumentsFile, Plan, School
from .yaml_source import Location, SourceFile, field_path


def check_site(
    school: tuple[School, SourceFile] | None,
    documents: tuple[LegalDocumentsFile, SourceFile] | None,
    plans: list[tuple[Plan, SourceFile]],
) -> list[DataProblem]:
    """Check what validated; a file that did not is already reported and is skipped here.

    References into a file that did not validate are not checked (its ids are unknown).
    """
    problems: list[DataProblem] = []
    role_ids = document_ids = None
    if school is not None:
        school_model, school_source = school
        role_ids = {role.id for role in school_model.roles}
        ids = ((role.id, ("roles", i, "id")) for i, role in enumerate(school_model.roles))
        problems += _duplicates(ids, school_source, "vai trò")
    if documents is not None:
        documents_model, documents_source = documents
        document_ids = {document.id for document in documents_model.documents}
        ids = ((doc.id, ("documents", i, "id")) for i, doc in enumerate(documents_model.documents))
        problems += _duplicates(ids, documents_source, "văn bản")
        problems += _documents_consistent(documents_model.documents, documents_source)
    for plan, source in plans:
        problems += _check_plan(plan, source, role_ids, document_ids)
    return problems


def _check_plan(
    plan: Plan, source: SourceFile, role_ids: set[str] | None, document_ids: set[str] | None
) -> list[DataProblem]:
    folder_year = source.path.parent.name
    problems = []
    if plan.school_year != folder_year:
        problems.append(
            _problem(source, ("school_year",), f"năm học {plan.school_year!r} khác với tên thư mục {folder_year!r}; hai giá trị phải giống nhau")
        )
    problems += _duplicates(_duty_ids(plan), source, "nhiệm vụ")
    problems += _duplicates(
        ((report.id, ("reporting", "reports", i, "id")) for i, report in enumerate(plan.reporting.reports)), source, "báo cáo"
    )
    for location, reference in _role_references(plan):
        if role_ids is not None and reference not in role_ids:
            problems.append(_problem(source, location, f"không có vai trò mã {reference!r} trong data/school.yml; {_choices(role_ids)}"))
    for location, reference in _document_references(plan):
        if document_ids is not None and reference not in document_ids:
            problems.append(
                _problem(source, location, f"không có văn bản mã {reference!r} trong data/legal_documents.yml; {_choices(document_ids)}")
            )
    problems += _quotes_found_in_text(plan, source)
    return problems


def _duplicates(ids: Iterable[tuple[str, Location]], source: SourceFile, what: str) -> Iterator[DataProblem]:
    first_seen: dict[str, Location] = {}
    for identifier, location in ids:
        if identifier in first_seen:
            line = source.line_of(first_seen[identifier])
            yield _problem(source, location, f"mã {what} {identifier!r} bị trùng (đã dùng ở dòng {line}); mỗi mã chỉ dùng một lần")
        else:
            first_seen[identifier] = location


def _task_locations(plan: Plan) -> Iterator[tuple[Location, object]]:
    for index, task in enumerate(plan.organisation):
        yield ("organisation", index), task
    yield ("reporting", "supervision"), plan.reporting.supervision


def _duty_ids(plan: Plan) -> Iterator[tuple[str, Location]]:
    for location, task in _task_locations(plan):
        for index, duty in enumerate(task.duties):
            yield duty.id, (*location, "duties", index, "id")


def _role_references(plan: Plan) -> Iterator[tuple[Location, str]]:
    for location, task in _task_locations(plan):
        for index, duty in enumerate(task.duties):
            if duty.owner is not None:
                yield (*location, "duties", index, "owner"), duty.owner


def _document_references(plan: Plan) -> Iterator[tuple[Location, str]]:
    paragraphs = [(("legal_bases", i), item) for i, item in enumerate(plan.legal_bases)]
    sections = [(("purposes",), plan.purposes), (("requirements",), plan.requirements)]
    sections += [(("content", i), section) for i, section in enumerate(plan.content)]
    for location, section in sections:
        paragraphs += [((*location, "items", i), item) for i, item in enumerate(section.items)]
    for location, paragraph in paragraphs:
        for index, reference in enumerate(paragraph.cites):
            yield (*location, "cites", index), reference
    for location, task in _task_locations(plan):
        for duty_index, duty in enumerate(task.duties):
            for index, reference in enumerate(duty.legal_basis):
                yield (*location, "duties", duty_index, "legal_basis", index), reference


def _quotes_found_in_text(plan: Plan, source: SourceFile) -> Iterator[DataProblem]:
    for location, task in _task_locations(plan):
        for index, duty in enumerate(task.duties):
            if duty.quote is not None and duty.quote not in task.text:
                yield _problem(
                    source, (*location, "duties", index, "quote"),
                    "câu trích không có nguyên văn trong đoạn 'text' phía trên; hãy chép đúng từng chữ",
                )


def _documents_consistent(documents: list[LegalDocument], source: SourceFile) -> Iterator[DataProblem]:
    for index, document in enumerate(documents):
        if document.date and document.year and document.date.year != document.year:
            yield _problem(source, ("documents", index, "year"), f"năm {document.year} khác với năm của ngày ban hành {document.date.year}")


def _choices(ids: set[str]) -> str:
    return "các mã có: " + ", ".join(sorted(ids)) if ids else "chưa có mã nào"


def _problem(source: SourceFile, location: Location, message: str) -> DataProblem:
    return DataProblem(source.display_name, source.line_of(location), field_path(location), message)
