"""Rules across files: unique ids, references that resolve, quotes that match.

Each check returns the problems it finds (it never stops at the first), so the
editor sees every mistake of a run at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from .anchors import anchor_problems, report_name_problems
from .errors import DataProblem
from .findings import choices, duplicates, problem
from .loaded_files import Loaded, YearFiles
from .models import LegalDocument, LegalDocumentsFile, Plan, School
from .records import check_year_records
from .yaml_source import Location, SourceFile



def check_site(
    school: Loaded[School] | None,
    documents: Loaded[LegalDocumentsFile] | None,
    years: list[YearFiles],
) -> list[DataProblem]:
    """Check what validated; a file that did not is already reported and is skipped here.

    References into a file that did not validate are not checked (its ids are unknown).
    """
    problems: list[DataProblem] = []
    role_ids = document_ids = None
    if school is not None:
        role_ids = {role.id for role in school.model.roles}
        ids = ((role.id, ("roles", i, "id")) for i, role in enumerate(school.model.roles))
        problems += duplicates(ids, school.source, "vai trò")
        problems += anchor_problems([(role.id, ("roles", i, "id")) for i, role in enumerate(school.model.roles)], school.source, "vai trò")
    if documents is not None:
        document_ids = {document.id for document in documents.model.documents}
        ids = ((doc.id, ("documents", i, "id")) for i, doc in enumerate(documents.model.documents))
        problems += duplicates(ids, documents.source, "văn bản")
        problems += anchor_problems(
            [(doc.id, ("documents", i, "id")) for i, doc in enumerate(documents.model.documents)], documents.source, "văn bản"
        )
        problems += _documents_consistent(documents.model.documents, documents.source)
    for year in years:
        problems += _check_plan(year.plan.model, year.plan.source, role_ids, document_ids)
        problems += check_year_records(year, role_ids)
    return problems


def _check_plan(
    plan: Plan, source: SourceFile, role_ids: set[str] | None, document_ids: set[str] | None
) -> list[DataProblem]:
    folder_year = source.path.parent.name
    problems = []
    if plan.school_year != folder_year:
        problems.append(
            problem(source, ("school_year",), f"năm học {plan.school_year!r} khác với tên thư mục {folder_year!r}; hai giá trị phải giống nhau")
        )
    problems += duplicates(_duty_ids(plan), source, "nhiệm vụ")
    problems += anchor_problems(
        [(report.id, ("reporting", "reports", i, "id")) for i, report in enumerate(plan.reporting.reports)], source, "báo cáo", report=True
    )
    problems += report_name_problems([(report.name, ("reporting", "reports", i, "name")) for i, report in enumerate(plan.reporting.reports)], source)
    problems += duplicates(
        ((report.id, ("reporting", "reports", i, "id")) for i, report in enumerate(plan.reporting.reports)), source, "báo cáo"
    )
    for location, reference in _role_references(plan):
        if role_ids is not None and reference not in role_ids:
            problems.append(problem(source, location, f"không có vai trò mã {reference!r} trong data/school.yml; {choices(role_ids)}"))
    for location, reference in _document_references(plan):
        if document_ids is not None and reference not in document_ids:
            problems.append(
                problem(source, location, f"không có văn bản mã {reference!r} trong data/legal_documents.yml; {choices(document_ids)}")
            )
    problems += _quotes_found_in_text(plan, source)
    return problems


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
                yield problem(
                    source, (*location, "duties", index, "quote"),
                    "câu trích không có nguyên văn trong đoạn 'text' phía trên; hãy chép đúng từng chữ",
                )


def _documents_consistent(documents: list[LegalDocument], source: SourceFile) -> Iterator[DataProblem]:
    for index, document in enumerate(documents):
        if document.date and document.year and document.date.year != document.year:
            yield problem(source, ("documents", index, "year"), f"năm {document.year} khác với năm của ngày ban hành {document.date.year}")
