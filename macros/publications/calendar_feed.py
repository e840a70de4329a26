"""The iCalendar feed (RFC 5545) of dialogue sessions, report deadlines and the deadlines
of the duty catalogue (the law's and the plan's recurring duties).

Readers subscribe once and their calendar app follows the school's changes, so
every event must keep its identity and say when it changed:

- UID comes from the school year and the record's id, plus the site's address
  (two schools published on one host must not share UIDs);
- LAST-MODIFIED (and DTSTAMP) is when the data files the event is made of last
  changed (git), and SEQUENCE counts the seconds from 2020 to that moment: no
  state is kept between builds, yet SEQUENCE grows whenever the event may have
  changed and never goes down;
- an event holds only what the data says, never a status that depends on the
  day of the build, so a daily rebuild leaves the feed byte for byte the same.

Dialogue times are Vietnam time, written with TZID=Asia/Ho_Chi_Minh and its
VTIMEZONE; events without a time are whole days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from ..data.dates import format_date
from ..data.legal_duties import DutyCompliance, Occurrence, year_compliance
from ..data.loading import (
    BOARD_FILE, CONFERENCES_FILE, DIALOGUES_FILE, DISCLOSURES_FILE, DOCUMENTS_FILE, DUTIES_FILE, PLAN_FILE, REPORTS_FILE,
    SCHOOL_FILE, SWAPS_FILE, YEARS_FOLDER,
)
from ..data.models import DialogueSession, SchoolYear, SiteData
from ..data.status import VIETNAM, ReportView, year_reports
from ..pages.markdown_text import link_target
from ..pages.rendering import SESSION_STATUS_LABELS, duty_basis, rule_description, year_page
from ..pages.slugs import slugify
from .open_data import PageUrl, Revised

TZID = "Asia/Ho_Chi_Minh"
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
PRODUCT_ID = "-//qcdc-site//Cong khai quy che dan chu o co so//VI"
LINE_LIMIT = 75  # octets per line, CRLF excluded (RFC 5545, 3.1)

# Vietnam has kept UTC+7 all year, without daylight saving, since 1975.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "TZNAME:+07",
    "DTSTART:19750613T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
]

SESSION_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "postponed": "CANCELLED", "cancelled": "CANCELLED"}
SESSION_PREFIX = {"postponed": "[Hoãn] ", "cancelled": "[Hủy] "}

@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: date | datetime
    description: str
    url: str
    category: str
    status: str
    revised: datetime
    location: str | None = None
    busy: bool = True


def calendar_events(site: SiteData, base_url: str, page_url: PageUrl, revised: Revised) -> list[CalendarEvent]:
    """Every dated dialogue session and report deadline of every school year, in date order."""
    domain = _uid_domain(base_url, site)
    events: list[CalendarEvent] = []
    for year in site.years:
        folder = f"{YEARS_FOLDER}/{year.school_year}"
        for session in year.dialogues or []:
            if session.date is not None:
                changed = revised([f"{folder}/{DIALOGUES_FILE}", SCHOOL_FILE])
                events.append(_session_event(site, year, session, domain, page_url, changed))
        # Deadlines come from the data alone: report_status' day only affects what
        # this feed leaves out (the status), so any day gives the same reports.
        for report in year_reports(year, year.plan.first_day):
            if report.due_date is not None:
                sources = [f"{folder}/{REPORTS_FILE}"] + ([f"{folder}/{PLAN_FILE}"] if report.in_plan else [])
                events.append(_deadline_event(year, report, domain, page_url, revised(sources)))
        # As with the reports, any day gives the same deadlines: the year's last is used.
        for item in year_compliance(site, year, year.plan.last_day):
            sources = [DUTIES_FILE, DOCUMENTS_FILE, SCHOOL_FILE, SWAPS_FILE, f"{folder}/{PLAN_FILE}"]
            if item.duty.records in RECORD_FILES:
                sources.append(f"{folder}/{RECORD_FILES[item.duty.records]}")
            for occurrence in item.occurrences:
                if occurrence.deadline is not None:
                    events.append(_duty_event(site, year, item, occurrence, domain, page_url, revised(sources)))
    return sorted(events, key=lambda event: (_sort_key(event.start), event.uid))


def calendar_feed(site: SiteData, base_url: str, page_url: PageUrl, revised: Revised) -> bytes:
    """The whole feed as an iCalendar file (UTF-8, CRLF line ends, folded lines)."""
    name = f"{site.school.name}: đối thoại và hạn báo cáo"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
        *VTIMEZONE,
    ]
    for event in calendar_events(site, base_url, page_url, revised):
        lines += _event_lines(event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _session_event(
    site: SiteData, year: SchoolYear, session: DialogueSession, domain: str, page_url: PageUrl, changed: datetime
) -> CalendarEvent:
    assert session.date is not None
    start: date | datetime = session.date
    if session.time:
        hour, minute = (int(part) for part in session.time.split(":"))
        start = datetime.combine(session.date, time(hour, minute), VIETNAM)
    chair = site.role(session.chair).name if session.chair else None
    details = [
        f"Trạng thái: {SESSION_STATUS_LABELS[session.status][1]}",
        f"Năm học: {year.school_year}",
        None if session.time else "Giờ bắt đầu: chưa công bố",
        f"Chủ trì: {chair}" if chair else None,
        f"Thành phần: {session.participants}" if session.participants else None,
        "Nội dung:\n" + "\n".join(f"- {item}" for item in session.agenda) if session.agenda else None,
        f"Tóm tắt biên bản: {session.minutes_summary}" if session.minutes_summary else None,
        f"Ghi chú: {session.note}" if session.note else None,
    ]
    url = page_url(year_page(year.school_year, "dialogues")) + str(link_target("", session.id))
    summary = "Đối thoại: " + session.participants if session.participants else "Buổi đối thoại"
    return CalendarEvent(
        uid=f"{year.school_year}-doi-thoai-{session.id}@{domain}",
        summary=SESSION_PREFIX.get(session.status, "") + summary,
        start=start,
        description=_description(details, url),
        url=url,
        category="Đối thoại",
        status=SESSION_STATUS[session.status],
        revised=changed,
        location=session.place,
    )


def _deadline_event(year: SchoolYear, report: ReportView, domain: str, page_url: PageUrl, changed: datetime) -> CalendarEvent:
    assert report.due_date is not None
    record = report.record
    if record is not None and record.submitted:
        submitted = f"Đã nộp ngày {format_date(record.submitted_date)}" if record.submitted_date else "Đã nộp (chưa rõ ngày nộp)"
    else:
        submitted = "Nhà trường chưa công bố việc nộp báo cáo này"
    details = [
        f"Năm học: {year.school_year}",
        f"Hạn nộp theo kế hoạch: {report.due_as_written}" if report.due_as_written else None,
        None if report.in_plan else "Báo cáo đột xuất (ngoài kế hoạch)",
        f"Kỳ báo cáo: {record.period}" if record is not None and record.period else None,
        submitted,
        f"Nơi nhận: {record.recipient}" if record is not None and record.recipient else None,
    ]
    url = page_url(year_page(year.school_year, "reports")) + str(link_target("", report.id))
    return CalendarEvent(
        uid=f"{year.school_year}-bao-cao-{report.id}@{domain}",
        summary=f"Hạn nộp {report.name}",
        start=report.due_date,
        description=_description(details, url),
        url=url,
        category="Hạn báo cáo",
        status="CONFIRMED",
        revised=changed,
        busy=False,
    )


RECORD_FILES = {
    "doi-thoai": DIALOGUES_FILE, "hoi-nghi": CONFERENCES_FILE, "ra-soat-nghi-quyet": CONFERENCES_FILE,
    "nhiem-ky-ban-ttnd": BOARD_FILE, "cong-nhan-ban-ttnd": BOARD_FILE, "bao-cao-ban-ttnd": BOARD_FILE,
    "tra-loi-kien-nghi": BOARD_FILE, "cong-khai-dung-han": DISCLOSURES_FILE, "cong-khai-du-ngay": DISCLOSURES_FILE,
}


def _duty_event(
    site: SiteData, year: SchoolYear, item: DutyCompliance, occurrence: Occurrence, domain: str, page_url: PageUrl,
    changed: datetime,
) -> CalendarEvent:
    """A deadline of the duty catalogue; like the report deadlines, it carries no status."""
    assert occurrence.deadline is not None
    duty = item.duty
    basis = "; ".join(duty_basis(site, year.school_year, duty))
    details = [
        f"Năm học: {year.school_year}",
        occurrence.label,
        f"Yêu cầu: {duty.requirement}",
        f"Căn cứ: {basis}",
        f"Cách tính hạn: {rule_description(duty.rule)}",
        f"Áp dụng: đơn vị có trên {duty.applies_to.staff_more_than} người" if duty.applies_to else None,
        f"Số liệu ghi nhận: {occurrence.record}" if occurrence.record else None,
    ]
    url = page_url(year_page(year.school_year, "duties")) + str(link_target("", duty.id))
    return CalendarEvent(
        uid=f"{year.school_year}-nghia-vu-{duty.id}-{occurrence.key}@{domain}",
        summary=f"Hạn: {duty.name}",
        start=occurrence.deadline,
        description=_description(details, url),
        url=url,
        category="Hạn nghĩa vụ",
        status="CONFIRMED",
        revised=changed,
        busy=False,
    )


def _description(details: list[str | None], url: str) -> str:
    return "\n".join([*(line for line in details if line), f"Chi tiết: {url}"])


def _event_lines(event: CalendarEvent) -> list[str]:
    stamp = event.revised.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    if isinstance(event.start, datetime):
        when = [f"DTSTART;TZID={TZID}:{event.start.strftime('%Y%m%dT%H%M%S')}"]
    else:
        # A whole day; DTEND (exclusive) spelt out, as some apps want it.
        end = event.start + timedelta(days=1)
        when = [f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"SEQUENCE:{sequence(event.revised)}",
        *when,
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    lines += [
        f"URL:{event.url}",
        f"CATEGORIES:{escape_text(event.category)}",
        f"STATUS:{event.status}",
        f"TRANSP:{'OPAQUE' if event.busy else 'TRANSPARENT'}",
        "END:VEVENT",
    ]
    return lines


def sequence(revised: datetime) -> int:
    """SEQUENCE from the time the event's data last changed: later change, higher number."""
    return max(0, int((revised - SEQUENCE_EPOCH).total_seconds()))


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    parts, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        # A continuation line starts with one space, which counts towards its 75 octets.
        if size + width > (LINE_LIMIT if not parts else LINE_LIMIT - 1):
            parts.append(current)
            current, size = "", 0
        current += character
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _uid_domain(base_url: str, site: SiteData) -> str:
    """The site's address (host and path); without one, the school's name in a reserved domain."""
    address = urlsplit(base_url)
    if address.netloc:
        return (address.netloc + address.path).rstrip("/")
    return slugify(site.school.name) + ".invalid"


def _sort_key(start: date | datetime) -> datetime:
    if isinstance(start, datetime):
        return start
    return datetime.combine(start, time(0, 0), VIETNAM)
