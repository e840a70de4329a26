"""The Atom feed (RFC 4287) of the site's updates, newest first.

An update is a plan published, the minutes of a held dialogue, or a published
report summary. Each is dated by the data itself (the plan's signing day, the
session's day, the report's submission day); when the data does not say, by
the day its file last changed, which is when readers could first see it.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, time

from ..data.build_views import BuildViews
from ..data.dates import format_date
from ..data.loading import DIALOGUES_FILE, PLAN_FILE, REPORTS_FILE, YEARS_FOLDER
from ..data.models import SiteData
from ..data.status import VIETNAM
from ..pages.rendering import report_page, year_page
from .open_data import PageUrl, Revised

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

@dataclass(frozen=True)
class Update:
    url: str
    title: str
    when: datetime
    summary: str
    content: str
    """HTML."""
    rank: int
    """Order among updates of the same moment: plan, then dialogues, then reports."""


def site_updates(views: BuildViews, page_url: PageUrl, revised: Revised) -> list[Update]:
    """Every update of every school year, newest first (the reports published by the build's day)."""
    updates: list[Update] = []
    for year in views.site.years:
        school_year, plan, folder = year.school_year, year.plan, f"{YEARS_FOLDER}/{year.school_year}"
        facts = [f"Đơn vị ban hành: {plan.issuing_unit}"] if plan.issuing_unit else []
        if plan.number:
            facts.append(f"Số: {plan.number}")
        if plan.date:
            facts.append(f"Ngày ký: {format_date(plan.date)}")
        updates.append(Update(
            url=page_url(year_page(school_year, "plan")),
            # An unsigned plan is announced as what it is.
            title=f"Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm học {school_year}" + (" (dự thảo)" if plan.draft else ""),
            when=_moment(plan.date) if plan.date else revised([f"{folder}/{PLAN_FILE}"]),
            summary=f"{plan.document_kind} {plan.title}." + (" " + "; ".join(facts) + "." if facts else ""),
            content=_paragraphs([f"{plan.document_kind} {plan.title}", *facts]),
            rank=0,
        ))
        for session in year.dialogues or []:
            if session.status == "held" and session.minutes_summary:
                day = f"ngày {format_date(session.date)}" if session.date else "(chưa rõ ngày)"
                questions = [f"Ý kiến: {qa.question} — Trả lời: {qa.answer or 'chưa trả lời'}" for qa in session.questions]
                updates.append(Update(
                    url=page_url(year_page(school_year, "dialogues")) + "#" + session.id,
                    title=f"Kết quả buổi đối thoại {day}",
                    when=_moment(session.date) if session.date else revised([f"{folder}/{DIALOGUES_FILE}"]),
                    summary=session.minutes_summary,
                    content=_paragraphs([session.minutes_summary]) + _list(questions),
                    rank=1,
                ))
        for report in views.published(year.school_year):
            record = report.record
            submitted = record.submitted_date
            summary = record.summary
            updates.append(Update(
                url=page_url(report_page(school_year, report.id)),
                title=f"Tóm tắt {report.name} năm học {school_year}",
                when=_moment(submitted) if submitted else revised([f"{folder}/{REPORTS_FILE}"]),
                summary=" ".join(summary.results),
                content=_section("Kết quả đạt được", summary.results)
                + _section("Hạn chế, tồn tại", summary.limitations)
                + _section("Phương hướng tiếp theo", summary.next_steps),
                rank=2,
            ))
    return sorted(updates, key=lambda update: (update.when, -update.rank, update.url), reverse=True)


def atom_feed(site: SiteData, updates: list[Update], feed_url: str, home_url: str, fallback: datetime) -> bytes:
    """The updates as an Atom document; ``fallback`` dates the feed when it has no entry."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "vi"})
    _text(feed, "id", feed_url)
    _text(feed, "title", f"Cập nhật: {site.school.name}")
    _text(feed, "subtitle", "Kế hoạch, kết quả đối thoại và báo cáo về thực hiện quy chế dân chủ ở cơ sở")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": feed_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": home_url})
    _text(feed, "updated", (updates[0].when if updates else fallback).isoformat())
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.school.name)
    for update in updates:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", update.url)
        _text(entry, "title", update.title)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": update.url})
        _text(entry, "published", update.when.isoformat())
        _text(entry, "updated", update.when.isoformat())
        _text(entry, "summary", update.summary)
        _text(entry, "content", update.content, type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, value: str, **attributes: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes).text = value


def _moment(day: date) -> datetime:
    """A day of the data as an instant: its start, Vietnam time."""
    return datetime.combine(day, time(0, 0), VIETNAM)


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>" if items else ""


def _section(heading: str, items: list[str]) -> str:
    return f"<h3>{html.escape(heading)}</h3>" + _list(items) if items else ""
