"""Render the data as Markdown for the site's pages, through Jinja templates.

Templates hold presentation; helpers here only name things and link pages.
Every printed value is escaped unless it is ``Markup`` (see ``markdown_text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from .data.dates import format_date
from .data.models import Duty, LegalDocument, Plan, Role, SiteData
from .markdown_text import escape, html_id, link

TEMPLATES = Path(__file__).parent / "templates"

LEGAL_DOCUMENTS_PAGE = "van-ban.md"
YEAR_PAGES = {"plan": "ke-hoach.md", "responsibilities": "trach-nhiem.md"}
UNKNOWN = "chưa rõ"


def year_page(school_year: str, name: str) -> str:
    """Docs-relative path of one of a school year's pages."""
    return f"{school_year}/{YEAR_PAGES[name]}"


def document_name(document: LegalDocument) -> str:
    """How the site names a legal document: "Kế hoạch số 503/KH-GDĐT"."""
    if document.number:
        return f"{document.kind} số {document.number}"
    if document.title:
        return document.title if document.year is None else f"{document.title} năm {document.year}"
    return document.kind


def document_anchor(document: LegalDocument) -> Markup:
    return html_id(document.id)


def task_anchor(part: str, index: int) -> Markup:
    return html_id(f"{part}-{index}")


@dataclass(frozen=True)
class Responsibility:
    """A duty with where it stands in the plan, for the responsibilities page."""

    duty: Duty
    text: str
    anchor: str
    part: str


def responsibilities_by_owner(site: SiteData, plan: Plan) -> list[tuple[Role | None, list[Responsibility]]]:
    """Duties grouped by owner role, in the roles' order; unnamed owners last."""
    located = [(task, task_anchor("iii", index)) for index, task in enumerate(plan.organisation, start=1)]
    located.append((plan.reporting.supervision, "iv-1"))
    responsibilities = [
        Responsibility(duty, duty.quote or task.text, anchor, "III" if anchor.startswith("iii") else "IV")
        for task, anchor in located
        for duty in task.duties
    ]
    groups: list[tuple[Role | None, list[Responsibility]]] = [
        (role, [r for r in responsibilities if r.duty.owner == role.id]) for role in site.school.roles
    ]
    groups.append((None, [r for r in responsibilities if r.duty.owner is None]))
    return [(role, items) for role, items in groups if items]


class Renderer:
    """Renders the pages' data parts for one page of the site."""

    def __init__(self, site: SiteData) -> None:
        self.site = site
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            # ``finalize`` escapes for Markdown; autoescape then keeps the result
            # (Markup) as is, and marks macro output as Markup so it is not escaped twice.
            autoescape=True,
            finalize=escape,
            # "{#id}" is Markdown's attribute syntax here, not a Jinja comment.
            comment_start_string="<#--",
            comment_end_string="--#>",
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters.update(date=format_date, id=html_id)
        self.environment.globals.update(
            UNKNOWN=UNKNOWN,
            document_name=document_name,
            document_anchor=document_anchor,
            task_anchor=task_anchor,
        )

    def render(self, template: str, page: str, **context: object) -> str:
        def link_to(label: object, to_page: str, anchor: str | None = None) -> object:
            return link(label, page, to_page, anchor)

        def document_link(document_id: str) -> object:
            document = self.site.document(document_id)
            return link_to(document_name(document), LEGAL_DOCUMENTS_PAGE, document_anchor(document))

        return self.environment.get_template(template).render(
            site=self.site,
            school=self.site.school,
            page=page,
            link_to=link_to,
            document_link=document_link,
            year_page=year_page,
            LEGAL_DOCUMENTS_PAGE=LEGAL_DOCUMENTS_PAGE,
            **context,
        )

    def plan(self, page: str, school_year: str) -> str:
        return self.render("plan.md.j2", page, plan=self.site.plan(school_year))

    def responsibilities(self, page: str, school_year: str) -> str:
        plan = self.site.plan(school_year)
        groups = responsibilities_by_owner(self.site, plan)
        return self.render("responsibilities.md.j2", page, plan=plan, groups=groups)

    def legal_documents(self, page: str) -> str:
        cited_by = {
            document.id: [plan for plan in self.site.plans if document.id in _cited_ids(plan)]
            for document in self.site.legal_documents
        }
        return self.render("legal_documents.md.j2", page, cited_by=cited_by)

    def home(self, page: str) -> str:
        return self.render("home.md.j2", page, plan=self.site.current_plan)


def _cited_ids(plan: Plan) -> set[str]:
    sections = [plan.purposes, plan.requirements, *plan.content]
    paragraphs = [*plan.legal_bases, *(item for section in sections for item in section.items)]
    cited = {reference for paragraph in paragraphs for reference in paragraph.cites}
    return cited | {reference for duty in plan.all_duties() for reference in duty.legal_basis}
