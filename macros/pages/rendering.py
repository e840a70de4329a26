"""Render the data as Markdown for the site's pages, through Jinja templates.

Templates hold presentation; helpers here only name things and link pages.
Every printed value is escaped unless it is ``Markup`` (see ``markdown_text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..data.dates import format_date
from ..data.models import Duty, LegalDocument, Plan, Role, SchoolYear, SiteData
from ..data.status import Compliance, ReportStatus, year_overview, year_reports
from .markdown_text import escape, html_id, link
from .official_document import official_document

TEMPLATES = Path(__file__).parent / "templates"

LEGAL_DOCUMENTS_PAGE = "van-ban.md"
RECEPTION_PAGE = "tiep-cong-dan.md"
OPEN_DATA_PAGE = "du-lieu.md"
YEAR_PAGES = {
    "plan": "ke-hoach.md",
    "responsibilities": "trach-nhiem.md",
    "dialogues": "doi-thoai.md",
    "reports": "bao-cao/index.md",
    "printout": "in-ca-nam.md",
    "reception": "tiep-cong-dan.md",
}
UNKNOWN = "chưa rõ"

# Status is said in words, with an icon beside it: never by colour alone. The icons are
# glyphs that the font the site prints with (Liberation Serif, every face) draws whole:
# ○ to do, ● done, ! soon, × failed, ▲ late. Dingbats and emoji (✔ ✖ ⚠ ⏳ ⏸) print from
# whatever fallback font the printing machine has, as a bitmap or not at all, and
# Liberation's quarter circles (◔) print as a faint dot.
REPORT_STATUS_LABELS = {
    ReportStatus.UPCOMING: ("○", "Chưa đến hạn"),
    ReportStatus.DUE_SOON: ("!", "Sắp đến hạn"),
    ReportStatus.OVERDUE: ("×", "Đã quá hạn, chưa công bố"),
    ReportStatus.NO_DEADLINE: ("–", "Kế hoạch chưa nêu hạn nộp"),
    ReportStatus.ON_TIME: ("●", "Đã nộp đúng hạn"),
    ReportStatus.LATE: ("▲", "Nộp muộn"),
    ReportStatus.SUBMITTED: ("●", "Đã nộp"),
    ReportStatus.SUBMITTED_UNDATED: ("●", "Đã nộp (chưa rõ ngày nộp)"),
}
COMPLIANCE_LABELS = {
    Compliance.MET: ("●", "Đạt"),
    Compliance.NOT_MET: ("×", "Chưa đạt"),
    Compliance.NOT_YET_DUE: ("○", "Chưa đến hạn"),
    Compliance.NO_RECORDS: ("?", "Chưa có số liệu công bố"),
}
SESSION_STATUS_LABELS = {
    "planned": ("○", "Dự kiến"),
    "held": ("●", "Đã tổ chức"),
    "postponed": ("‖", "Hoãn"),
    "cancelled": ("×", "Hủy"),
}
REPORT_KIND_LABELS = {"quy": "Báo cáo quý", "6-thang": "Báo cáo 6 tháng", "9-thang": "Báo cáo 9 tháng", "nam": "Báo cáo năm", "dot-xuat": "Báo cáo đột xuất"}
CHANNEL_LABELS = {"in_person": "Trực tiếp", "phone": "Điện thoại", "email": "Thư điện tử", "letterbox": "Hòm thư góp ý", "website": "Trang web"}


def badge(kind: str, icon: str, label: str) -> Markup:
    """A status in words with its icon; the class only adds colour."""
    return Markup('<span class="qcdc-badge qcdc-badge--{}"><span aria-hidden="true">{}</span> {}</span>').format(
        html_id(kind.replace("_", "-")), icon, label
    )


def report_badge(status: ReportStatus) -> Markup:
    return badge(status.value, *REPORT_STATUS_LABELS[status])


def compliance_badge(compliance: Compliance) -> Markup:
    return badge(compliance.value, *COMPLIANCE_LABELS[compliance])


def session_badge(status: str) -> Markup:
    return badge(status, *SESSION_STATUS_LABELS[status])


def report_page(school_year: str, report_id: str) -> str:
    return f"{school_year}/bao-cao/{report_id}.md"


def attachment_path(school_year: str, name: str) -> str:
    """Where a report's attached file is published in the site."""
    return f"{school_year}/bao-cao/tep/{name}"


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


def other_years(site: SiteData, school_year: str) -> list[SchoolYear]:
    """Every school year but ``school_year``, newest first: what pages leading with one year list after it."""
    return [year for year in reversed(site.years) if year.school_year != school_year]


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

    def __init__(self, site: SiteData, today: date, last_update: date | None = None) -> None:
        self.site = site
        self.today = today
        self.last_update = last_update
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
            report_badge=report_badge,
            compliance_badge=compliance_badge,
            session_badge=session_badge,
            report_page=report_page,
            attachment_path=attachment_path,
            year_page=year_page,
            REPORT_KIND_LABELS=REPORT_KIND_LABELS,
            CHANNEL_LABELS=CHANNEL_LABELS,
            LEGAL_DOCUMENTS_PAGE=LEGAL_DOCUMENTS_PAGE,
            RECEPTION_PAGE=RECEPTION_PAGE,
            OPEN_DATA_PAGE=OPEN_DATA_PAGE,
        )

    def render(self, template: str, page: str, **context: object) -> str:
        def link_to(label: object, to_page: str, anchor: str | None = None) -> object:
            return link(label, page, to_page, anchor)

        def document_link(document_id: str) -> object:
            document = self.site.document(document_id)
            return link_to(document_name(document), LEGAL_DOCUMENTS_PAGE, document_anchor(document))

        def role_name(role_id: str | None) -> str | None:
            return None if role_id is None else self.site.role(role_id).name

        return self.environment.get_template(template).render(
            site=self.site,
            school=self.site.school,
            page=page,
            today=self.today,
            link_to=link_to,
            document_link=document_link,
            role_name=role_name,
            **context,
        )

    def plan(self, page: str, school_year: str) -> str:
        plan = self.site.plan(school_year)
        return self.render("plan.md.j2", page, plan=plan, official=official_document(plan))

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

    def home(self, page: str, school_year: str) -> str:
        """The home page, leading with ``school_year`` (the site's current year)."""
        year = self.site.year(school_year)
        overview = year_overview(year, self.today)
        return self.render("home.md.j2", page, plan=year.plan, year=year, overview=overview, last_update=self.last_update)

    def dialogues(self, page: str, school_year: str) -> str:
        year = self.site.year(school_year)
        overview = year_overview(year, self.today)
        sessions = sorted(year.dialogues or [], key=lambda s: (s.date is None, s.date or self.today, s.time or ""))
        return self.render("dialogues.md.j2", page, plan=year.plan, year=year, sessions=sessions, duties=overview.duties)

    def reports(self, page: str, school_year: str) -> str:
        year = self.site.year(school_year)
        return self.render("reports.md.j2", page, plan=year.plan, reports=year_reports(year, self.today))

    def report(self, page: str, school_year: str, report_id: str) -> str:
        year = self.site.year(school_year)
        report = next(r for r in year_reports(year, self.today) if r.id == report_id)
        return self.render("report.md.j2", page, plan=year.plan, report=report)

    def reception(self, page: str, current_year: str) -> str:
        """The reception page: the current year in full, then links to every other year's own page.

        Older years are not repeated here: the page would grow with every year the site keeps.
        """
        return self._reception(page, current_year, current_year, other_years(self.site, current_year))

    def year_reception(self, page: str, school_year: str, current_year: str) -> str:
        """One school year's reception, on that year's own page."""
        return self._reception(page, school_year, current_year, None)

    def _reception(self, page: str, school_year: str, current_year: str, others: list[SchoolYear] | None) -> str:
        return self.render(
            "reception.md.j2",
            page,
            year=self.site.year(school_year),
            current_year=current_year,
            on_reception_page=others is not None,
            others=others or [],
        )


def _cited_ids(plan: Plan) -> set[str]:
    sections = [plan.purposes, plan.requirements, *plan.content]
    paragraphs = [*plan.legal_bases, *(item for section in sections for item in section.items)]
    cited = {reference for paragraph in paragraphs for reference in paragraph.cites}
    return cited | {reference for duty in plan.all_duties() for reference in duty.legal_basis}
