"""Render the data as Markdown for the site's pages, through Jinja templates.

Templates hold presentation; helpers here only name things and link pages.
Every printed value is escaped unless it is ``Markup`` (see ``markdown_text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..data.build_views import BuildViews
from ..data.dates import format_date
from ..data.models import Duty, LegalDocument, Plan, Role, SchoolYear, SiteData
from ..data.compliance import DutyCheck, Standing, is_past, year_timing
from ..data.legal_duties import CatalogueDuty, Verdict
from ..data.status import Compliance, ReportStatus, is_coming, sessions_for_readers
from .identity import ContactLink, contact_href, contact_links
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
    "duties": "nghia-vu.md",
}
UNKNOWN = "chưa rõ"
SUBJECT = "Công khai thực hiện quy chế dân chủ ở cơ sở"

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
VERDICT_LABELS = {
    Verdict.KEPT: ("●", "Đã thực hiện đúng hạn"),
    Verdict.LATE: ("▲", "Thực hiện muộn"),
    Verdict.MISSING: ("×", "Chưa thực hiện"),
    Verdict.NOT_YET_DUE: ("○", "Chưa đến hạn"),
    Verdict.UNKNOWN: ("?", "Chưa có số liệu"),
    Verdict.NOT_APPLICABLE: ("–", "Không áp dụng"),
}
RULE_DESCRIPTIONS = {
    "yearly_within": "mỗi năm học một lần, chậm nhất {months} tháng kể từ đầu năm học",
    "every_months": "ít nhất {months} tháng một lần",
    "each_period": "mỗi kỳ {months} tháng của năm học; hạn tính là ngày cuối kỳ (văn bản không nêu ngày cụ thể)",
    "working_days_after": "trong {days} ngày làm việc kể từ sự việc (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết và ngày nghỉ hoán đổi)",
    "days_after": "trong {days} ngày kể từ sự việc",
    "posted_for": "niêm yết ít nhất {days} ngày liên tục",
    "term": "nhiệm kỳ {years} năm; nhiệm kỳ mới được bầu chậm nhất khi hết nhiệm kỳ",
}
DISCLOSURE_KIND_LABELS = {
    "ke-hoach": "Kế hoạch", "tai-chinh": "Ngân sách, tài chính", "tai-san": "Tài sản", "nhan-su": "Nhân sự, cán bộ",
    "thanh-tra": "Kết quả thanh tra, kiểm tra", "khac": "Nội dung khác theo Điều 46",
}
DISCLOSURE_PLACE_LABELS = {"trang-web": "trang thông tin điện tử", "bang-tin": "bảng tin", "hoi-nghi": "hội nghị", "van-ban": "văn bản"}
SESSION_STATUS_LABELS = {
    "planned": ("○", "Dự kiến"),
    "held": ("●", "Đã tổ chức"),
    "postponed": ("‖", "Hoãn"),
    "cancelled": ("×", "Hủy"),
}
# Whether a duty is kept, as the home page counts it (macros/data/compliance.py).
STANDING_LABELS = {
    Standing.MET: ("●", "Đúng hạn", "đúng hạn"),
    Standing.LATE: ("▲", "Muộn", "muộn"),
    Standing.MISSING: ("×", "Quá hạn, chưa có", "quá hạn"),
    Standing.PENDING: ("○", "Chưa đến hạn", "chưa đến hạn"),
    Standing.UNKNOWN: ("?", "Chưa có số liệu công bố", "chưa có số liệu"),
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


def verdict_badge(verdict: Verdict) -> Markup:
    return badge(verdict.value, *VERDICT_LABELS[verdict])


def rule_description(rule) -> str:
    """A duty's rule in words: "ít nhất 6 tháng một lần"."""
    return RULE_DESCRIPTIONS[rule.kind].format(months=rule.months, days=rule.days, years=rule.years)


def session_badge(status: str) -> Markup:
    return badge(status, *SESSION_STATUS_LABELS[status])


def standing_badge(value: str) -> Markup:
    icon, label, _ = STANDING_LABELS[Standing(value)]
    return badge(value, icon, label)


def count_badge(value: str, count: int) -> Markup:
    """A count of duties with its icon and word: "● 3 đúng hạn"."""
    icon, _, words = STANDING_LABELS[Standing(value)]
    return Markup(
        '<span class="qcdc-badge qcdc-badge--{}"><span aria-hidden="true">{}</span> '
        '<span class="qcdc-count">{}</span> {}</span>'
    ).format(html_id(value), icon, count, words)


def report_page(school_year: str, report_id: str) -> str:
    return f"{school_year}/bao-cao/{report_id}.md"


def attachment_path(school_year: str, name: str) -> str:
    """Where a report's attached file is published in the site."""
    return f"{school_year}/bao-cao/tep/{name}"


def year_page(school_year: str, name: str) -> str:
    """Docs-relative path of one of a school year's pages."""
    return f"{school_year}/{YEAR_PAGES[name]}"


def duty_basis(site: SiteData, school_year: str, duty: CatalogueDuty) -> list[str]:
    """A catalogue duty's basis in words: the documents and articles of the law, or the year's plan
    and the documents it cites."""
    if duty.plan_duty is not None:
        return [f"Kế hoạch năm học {school_year}"] + [document_name(site.document(d)) for d in duty.plan_duty.legal_basis]
    return [f"{document_name(site.document(b.document))}, {b.article}" for b in duty.basis]


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
    """Renders the pages' data parts, from the views of one build."""

    def __init__(self, views: BuildViews) -> None:
        self.views = views
        self.site = views.site
        self.today = views.today
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
            verdict_badge=verdict_badge,
            rule_description=rule_description,
            VERDICT_LABELS=VERDICT_LABELS,
            DISCLOSURE_KIND_LABELS=DISCLOSURE_KIND_LABELS,
            DISCLOSURE_PLACE_LABELS=DISCLOSURE_PLACE_LABELS,
            standing_badge=standing_badge,
            count_badge=count_badge,
            STANDING=Standing,
            contact_link_of=lambda kind, value: ContactLink(CHANNEL_LABELS.get(kind, kind), value, contact_href(kind, value)),
            SUBJECT=SUBJECT,
            report_page=report_page,
            attachment_path=attachment_path,
            year_page=year_page,
            REPORT_KIND_LABELS=REPORT_KIND_LABELS,
            CHANNEL_LABELS=CHANNEL_LABELS,
            LEGAL_DOCUMENTS_PAGE=LEGAL_DOCUMENTS_PAGE,
            RECEPTION_PAGE=RECEPTION_PAGE,
            OPEN_DATA_PAGE=OPEN_DATA_PAGE,
        )

    def render(self, template: str, page: str | None, **context: object) -> str:
        """``template`` rendered for ``page``; for no page in particular when None: its links are
        then made relative to each page it goes on by ``place_links``."""

        def link_to(label: object, to_page: str, anchor: str | None = None) -> object:
            return link(label, page, to_page, anchor)

        def document_link(document_id: str) -> object:
            document = self.site.document(document_id)
            return link_to(document_name(document), LEGAL_DOCUMENTS_PAGE, document_anchor(document))

        def check_link(check: DutyCheck) -> object:
            """A duty of the home page's list, linked to the page that tells more of it."""
            if check.kind == "plan" and check.standing is not Standing.MISSING:
                return link_to(check.subject, year_page(check.school_year, "plan"))
            if check.kind == "dialogue":
                return link_to(check.subject, year_page(check.school_year, "dialogues"), "nhiem-vu")
            if check.kind == "report":
                return link_to(check.subject, year_page(check.school_year, "reports"), check.reference)
            if check.kind == "statutory":
                return link_to(check.subject, year_page(check.school_year, "duties"), check.reference)
            return check.subject

        def role_name(role_id: str | None) -> str | None:
            return None if role_id is None else self.site.role(role_id).name

        return self.environment.get_template(template).render(
            site=self.site,
            school=self.site.school,
            page=page,
            today=self.today,
            link_to=link_to,
            check_link=check_link,
            document_link=document_link,
            role_name=role_name,
            **context,
        )

    def plan(self, page: str | None, school_year: str) -> str:
        plan = self.site.plan(school_year)
        return self.render("plan.md.j2", page, plan=plan, official=official_document(plan))

    def responsibilities(self, page: str | None, school_year: str) -> str:
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
        return self.render(
            "home.md.j2",
            page,
            plan=year.plan,
            year=year,
            overview=self.views.overview(school_year),
            summary=self.views.summary(school_year),
            shown_is_past=is_past(year, self.today),
            subject=SUBJECT,
            contacts=contact_links(self.site),
            last_update=self.views.last_data_change,
            duty_counts=self.views.duty_counts(school_year),
        )

    def legal_duties(self, page: str, school_year: str) -> str:
        """The year's compliance page: every duty of the catalogue, its deadlines and records."""
        year = self.site.year(school_year)
        return self.render("legal_duties.md.j2", page, plan=year.plan, year=year, duties=self.views.compliance(school_year))

    def dialogues(self, page: str | None, school_year: str) -> str:
        year = self.site.year(school_year)
        overview = self.views.overview(school_year)
        sessions = sessions_for_readers(year.dialogues, self.today)
        coming_ids = {session.id for session in sessions if is_coming(session, self.today)}
        return self.render(
            "dialogues.md.j2", page, plan=year.plan, year=year, sessions=sessions, coming_ids=coming_ids, duties=overview.duties
        )

    def reports(self, page: str | None, school_year: str) -> str:
        year = self.site.year(school_year)
        return self.render("reports.md.j2", page, plan=year.plan, reports=self.views.reports(school_year))

    def report(self, page: str | None, school_year: str, report_id: str) -> str:
        year = self.site.year(school_year)
        return self.render("report.md.j2", page, plan=year.plan, report=self.views.report(school_year, report_id))

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
            timing=year_timing(self.site.year(school_year), self.today),
            others=others or [],
        )


def _cited_ids(plan: Plan) -> set[str]:
    sections = [plan.purposes, plan.requirements, *plan.content]
    paragraphs = [*plan.legal_bases, *(item for section in sections for item in section.items)]
    cited = {reference for paragraph in paragraphs for reference in paragraph.cites}
    return cited | {reference for duty in plan.all_duties() for reference in duty.legal_basis}
