"""The recurring duties of the law and of the plan, computed from the records the school enters.

The catalogue is data: the statutory duties of ``data/duties.yml`` and, first, the plan's
own recurring duties (``every_months`` in plan.yml), each turned into an entry of the same
kind. A handful of rule kinds turns an entry and the year's records into occurrences (a
period, an event, a term), each with its computed deadline and the record that fulfils it.

Unknown stays unknown: without the records file a duty reads "no records", never
"missing"; where the law exempts small units and the staff count is unknown, a duty
that would read "missing" reads "unknown" instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from .dates import add_months, format_date
from .models import Applicability, Duty, DutyRule, LegalBasis, School, SchoolYear, SiteData, StatutoryDuty
from .working_days import WorkingCalendar


class Verdict(Enum):
    KEPT = "kept"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


# The order of the summary counts, and which verdict wins when a duty has several occurrences.
VERDICT_ORDER = [Verdict.KEPT, Verdict.LATE, Verdict.MISSING, Verdict.NOT_YET_DUE, Verdict.UNKNOWN, Verdict.NOT_APPLICABLE]
_WORST_FIRST = [Verdict.MISSING, Verdict.LATE, Verdict.UNKNOWN, Verdict.KEPT, Verdict.NOT_YET_DUE]


@dataclass(frozen=True)
class CatalogueDuty:
    """An entry of the catalogue: a statutory duty, or one of the plan's recurring duties."""

    id: str
    name: str
    requirement: str
    basis: tuple[LegalBasis, ...]
    rule: DutyRule
    applies_to: Applicability | None
    records: str
    plan_duty: Duty | None = None
    """Set for the plan's own duties: their basis is the plan itself (and the documents it cites)."""

    @classmethod
    def statutory(cls, duty: StatutoryDuty) -> CatalogueDuty:
        return cls(duty.id, duty.name, duty.requirement, tuple(duty.basis), duty.rule, duty.applies_to, duty.records)


@dataclass(frozen=True)
class Occurrence:
    """One time a duty falls due: a period, an event or a term."""

    key: str
    """Stable across builds and record additions (for calendar UIDs and page anchors)."""
    label: str
    deadline: date | None
    verdict: Verdict
    done: date | None = None
    record: str | None = None
    """The record that fulfils it, in words (None: no record)."""
    note: str | None = None


@dataclass(frozen=True)
class DutyCompliance:
    duty: CatalogueDuty
    verdict: Verdict
    occurrences: tuple[Occurrence, ...] = ()
    note: str | None = None


def year_catalogue(site: SiteData, year: SchoolYear) -> list[CatalogueDuty]:
    """The plan's recurring duties, then the statutory duties of the catalogue."""
    plan = year.plan
    entries = [
        CatalogueDuty(
            id=duty.id,
            name=_plan_duty_name(site, duty),
            requirement=plan.duty_text(duty),
            basis=(),
            rule=DutyRule(kind="every_months", months=duty.every_months),
            applies_to=None,
            records="doi-thoai",
            plan_duty=duty,
        )
        for duty in plan.all_duties()
        if duty.every_months
    ]
    return entries + [CatalogueDuty.statutory(duty) for duty in site.duties]


def _plan_duty_name(site: SiteData, duty: Duty) -> str:
    """"Đối thoại định kỳ theo kế hoạch (Hiệu trưởng, ít nhất 6 tháng/lần)": the plan may hold several."""
    details = [site.role(duty.owner).name if duty.owner else None, duty.when or f"ít nhất {duty.every_months} tháng một lần"]
    return "Đối thoại định kỳ theo kế hoạch (" + ", ".join(d for d in details if d) + ")"


def year_compliance(site: SiteData, year: SchoolYear, today: date) -> list[DutyCompliance]:
    """Every duty of the catalogue for ``year`` on ``today``."""
    calendar = WorkingCalendar(site.day_swaps)
    return [_evaluate(site, year, duty, today, calendar) for duty in year_catalogue(site, year)]


def compliance_counts(compliance: list[DutyCompliance]) -> list[tuple[Verdict, int]]:
    """How many duties of a year's ``compliance`` stand at each verdict (verdicts with none left out)."""
    verdicts = [item.verdict for item in compliance]
    return [(verdict, verdicts.count(verdict)) for verdict in VERDICT_ORDER if verdict in verdicts]


def applies(school: School, applicability: Applicability | None) -> bool | None:
    """Whether a duty applies to the school; None when its staff count is unknown."""
    if applicability is None:
        return True
    if school.staff_count is None:
        return None
    return school.staff_count > applicability.staff_more_than


# --- Evaluation ---------------------------------------------------------------------------


@dataclass
class _Context:
    site: SiteData
    year: SchoolYear
    duty: CatalogueDuty
    today: date
    calendar: WorkingCalendar
    notes: list[str] = field(default_factory=list)


def _evaluate(site: SiteData, year: SchoolYear, duty: CatalogueDuty, today: date, calendar: WorkingCalendar) -> DutyCompliance:
    applicable = applies(site.school, duty.applies_to)
    if applicable is False:
        note = f"đơn vị có {site.school.staff_count} người, không quá {duty.applies_to.staff_more_than} người"
        return DutyCompliance(duty, Verdict.NOT_APPLICABLE, (), note)
    context = _Context(site, year, duty, today, calendar)
    occurrences = _RULES[duty.records](context)
    if occurrences is None:
        # No records file: the deadlines that depend on the calendar alone are still shown.
        occurrences = [_unknown(o) for o in _RULES_WITHOUT_RECORDS.get(duty.records, lambda c: [])(context)]
        return DutyCompliance(duty, Verdict.UNKNOWN, tuple(occurrences), "nhà trường chưa nhập số liệu")
    if applicable is None:
        # Small units may skip it: a duty not seen kept is not known to be missed.
        occurrences = [_unknown(o) if o.verdict is Verdict.MISSING else o for o in occurrences]
        if any(o.verdict is Verdict.UNKNOWN for o in occurrences):
            context.notes.append("chưa rõ số cán bộ, công chức, viên chức, người lao động của đơn vị")
    verdicts = {o.verdict for o in occurrences}
    verdict = next((v for v in _WORST_FIRST if v in verdicts), Verdict.NOT_YET_DUE)
    return DutyCompliance(duty, verdict, tuple(occurrences), "; ".join(context.notes) or None)


def _unknown(occurrence: Occurrence) -> Occurrence:
    return Occurrence(occurrence.key, occurrence.label, occurrence.deadline, Verdict.UNKNOWN, None, None, occurrence.note)


def _by_deadline(deadline: date | None, done: date | None, today: date) -> Verdict:
    """A deadline day itself still counts as in time."""
    if done is not None and done <= today:
        return Verdict.KEPT if deadline is None or done <= deadline else Verdict.LATE
    if deadline is not None and today > deadline:
        return Verdict.MISSING
    return Verdict.NOT_YET_DUE


# --- Every N months (the plan's dialogue; reviews of the conference resolution) -------------


@dataclass(frozen=True)
class RecurringPeriod:
    start: date
    due: date
    done: date | None
    verdict: Verdict


def recurring_periods(start: date, last_day: date, months: int, held: list[date], today: date) -> tuple[list[RecurringPeriod], date]:
    """Periods of a duty recurring at least every ``months`` months, and the next deadline.

    The first is due within the interval from ``start``, each next one within the interval
    from the previous fulfilment; a gap of exactly the interval is still in time. After
    ``last_day``, the verdict is that of its last day.
    """
    until = min(today, last_day)
    reference, periods = start, []
    for day in sorted(d for d in held if d <= until):
        due = add_months(reference, months)
        periods.append(RecurringPeriod(reference, due, day, Verdict.LATE if day > due else Verdict.KEPT))
        reference = max(reference, day)
    next_due = add_months(reference, months)
    if until > next_due:
        periods.append(RecurringPeriod(reference, next_due, None, Verdict.MISSING))
    elif next_due <= last_day:
        periods.append(RecurringPeriod(reference, next_due, None, Verdict.NOT_YET_DUE))
    return periods, next_due


def _recurring(context: _Context, start: date, held: list[date], what: str, key: str = "", about: str = "") -> list[Occurrence]:
    months = context.duty.rule.months
    periods, _ = recurring_periods(start, context.year.plan.last_day, months, held, context.today)
    return [
        Occurrence(
            key=f"{key}{p.start.isoformat()}",
            label=f"{about}Kỳ tính từ ngày {format_date(p.start)}",
            deadline=p.due,
            verdict=p.verdict,
            done=p.done,
            record=f"{what} ngày {format_date(p.done)}" if p.done else None,
        )
        for p in periods
    ]


def _dialogues(context: _Context) -> list[Occurrence] | None:
    sessions = context.year.dialogues
    plan, duty = context.year.plan, context.duty.plan_duty
    if sessions is None:
        return None
    held = [s.date for s in sessions if s.duty == duty.id and s.status == "held" and s.date is not None]
    return _recurring(context, plan.first_day, held, "Buổi đối thoại")


def _dialogue_deadlines(context: _Context) -> list[Occurrence]:
    return _recurring(context, context.year.plan.first_day, [], "Buổi đối thoại")


def _reviews(context: _Context) -> list[Occurrence] | None:
    conferences = context.year.conferences
    if conferences is None:
        return None
    if not conferences:
        context.notes.append("chưa có hội nghị nào trong năm học, chưa có nghị quyết để rà soát")
    occurrences = []
    for conference in conferences:
        held = [review.date for review in conference.reviews]
        about = f"Nghị quyết hội nghị ngày {format_date(conference.date)}. "
        occurrences += _recurring(context, conference.date, held, "Rà soát", f"{conference.id}-", about)
    return occurrences


# --- Once a year, within N months of the year's start ------------------------------------------


def _yearly_deadline(context: _Context) -> date:
    return add_months(context.year.plan.first_day, context.duty.rule.months)


def _conference_deadline(context: _Context) -> list[Occurrence]:
    deadline = _yearly_deadline(context)
    return [Occurrence(context.year.school_year, f"Năm học {context.year.school_year}", deadline, Verdict.NOT_YET_DUE)]


def _conferences(context: _Context) -> list[Occurrence] | None:
    conferences = context.year.conferences
    if conferences is None:
        return None
    plan = context.year.plan
    deadline = _yearly_deadline(context)
    held = sorted((c for c in conferences if plan.first_day <= c.date <= plan.last_day), key=lambda c: c.date)
    first = held[0] if held else None
    done = first.date if first else None
    return [
        Occurrence(
            key=context.year.school_year,
            label=f"Năm học {context.year.school_year}",
            deadline=deadline,
            verdict=_by_deadline(deadline, done, context.today),
            done=done,
            record=f"Hội nghị ngày {format_date(done)}" if done else None,
        )
    ]


# --- Each period of N months (the board's quarterly, 6-monthly and yearly reports) -------------

_PERIOD_KINDS = {3: "quy", 6: "6-thang", 12: "nam"}
_PERIOD_NAMES = {3: ["Quý I", "Quý II", "Quý III", "Quý IV"], 6: ["6 tháng đầu năm học", "6 tháng cuối năm học"], 12: ["Cả năm học"]}


def _periods(context: _Context) -> list[tuple[int, date, date]]:
    months, first = context.duty.rule.months, context.year.plan.first_day
    return [
        (index + 1, add_months(first, index * months), add_months(first, (index + 1) * months) - timedelta(days=1))
        for index in range(12 // months)
    ]


def _period_occurrence(context: _Context, number: int, start: date, end: date, report=None) -> Occurrence:
    months = context.duty.rule.months
    done = report.submitted_date if report else None
    return Occurrence(
        key=f"{_PERIOD_KINDS[months]}-{number}",
        label=f"{_PERIOD_NAMES[months][number - 1]} ({format_date(start)}–{format_date(end)})",
        deadline=end,
        verdict=_by_deadline(end, done, context.today),
        done=done,
        record=f"Báo cáo gửi ngày {format_date(done)}" + (f" đến {report.recipient}" if report.recipient else "") if report else None,
    )


def _board_report_deadlines(context: _Context) -> list[Occurrence]:
    return [_period_occurrence(context, *period) for period in _periods(context)]


def _board_reports(context: _Context) -> list[Occurrence] | None:
    board = context.year.board
    if board is None:
        return None
    kind = _PERIOD_KINDS[context.duty.rule.months]
    occurrences = []
    for number, start, end in _periods(context):
        reports = sorted(
            (r for r in board.reports if r.kind == kind and (r.period or 1) == number), key=lambda r: r.submitted_date
        )
        occurrences.append(_period_occurrence(context, number, start, end, reports[0] if reports else None))
    return occurrences


# --- N (working) days after an event ---------------------------------------------------------


def _within_year(context: _Context, day: date) -> bool:
    return context.year.plan.first_day <= day <= context.year.plan.last_day


def _done_by(context: _Context, key: str, label: str, deadline: date, done: date | None, record: str) -> Occurrence:
    """An event's duty: done on ``done`` (None: not yet), judged against ``deadline``; ``record``
    names the record that fulfils it, before its date ("Trả lời ngày")."""
    return Occurrence(
        key=key,
        label=label,
        deadline=deadline,
        verdict=_by_deadline(deadline, done, context.today),
        done=done,
        record=f"{record} {format_date(done)}" if done else None,
    )


def _disclosed_in_time(context: _Context) -> list[Occurrence] | None:
    entries = context.year.disclosures
    if entries is None:
        return None
    days = context.duty.rule.days
    occurrences = []
    for entry in entries:
        deadline = context.calendar.add_working_days(entry.decision_date, days)
        label = f"{entry.title} (quyết định ngày {format_date(entry.decision_date)})"
        occurrences.append(_done_by(context, entry.id, label, deadline, entry.posted_from, "Công khai từ ngày"))
    return occurrences


def _posted_long_enough(context: _Context) -> list[Occurrence] | None:
    entries = context.year.disclosures
    if entries is None:
        return None
    days = context.duty.rule.days
    occurrences = []
    for entry in entries:
        if entry.posted_from is None:
            continue  # not posted yet: the duty to disclose in time says so
        earliest_end = entry.posted_from + timedelta(days=days - 1)
        last_posted = entry.posted_until or context.today
        posted_days = (min(last_posted, context.today) - entry.posted_from).days + 1
        if posted_days >= days:
            verdict, note = Verdict.KEPT, None
        elif entry.posted_until is None:
            verdict, note = Verdict.NOT_YET_DUE, f"đang niêm yết, đến nay được {max(posted_days, 0)} ngày"
        else:
            verdict, note = Verdict.MISSING, f"chỉ niêm yết {posted_days} ngày"
        until = f" đến ngày {format_date(entry.posted_until)}" if entry.posted_until else " (vẫn đang niêm yết)"
        occurrences.append(Occurrence(
            key=entry.id,
            label=entry.title,
            deadline=earliest_end,
            verdict=verdict,
            done=entry.posted_until if verdict is Verdict.KEPT and entry.posted_until else None,
            record=f"Niêm yết từ ngày {format_date(entry.posted_from)}{until}",
            note=note,
        ))
    return occurrences


def _board_confirmed(context: _Context) -> list[Occurrence] | None:
    board = context.year.board
    if board is None:
        return None
    days = context.duty.rule.days
    occurrences = []
    for term in board.terms:
        if not _within_year(context, term.elected_date):
            continue  # elected in an earlier year: that year's page judges its confirmation
        deadline = context.calendar.add_working_days(term.elected_date, days)
        label = f"Ban thanh tra nhân dân bầu ngày {format_date(term.elected_date)}"
        occurrences.append(_done_by(context, term.id, label, deadline, term.confirmed_date, "Quyết định công nhận ngày"))
    return occurrences


def _replies(context: _Context) -> list[Occurrence] | None:
    board = context.year.board
    if board is None:
        return None
    days = context.duty.rule.days
    occurrences = []
    for recommendation in board.recommendations:
        deadline = recommendation.sent_date + timedelta(days=days)
        label = f"Kiến nghị ngày {format_date(recommendation.sent_date)}: {recommendation.subject}"
        occurrences.append(_done_by(context, recommendation.id, label, deadline, recommendation.reply_date, "Trả lời ngày"))
    return occurrences


# --- A term of N years (the board) -------------------------------------------------------------


def _add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def _terms(context: _Context) -> list[Occurrence] | None:
    if context.year.board is None:
        return None
    plan, years = context.year.plan, context.duty.rule.years
    # A term runs across school years: each year's file lists the terms in office in it.
    unique = {
        term.id: term
        for year in context.site.years
        if year.board and year.plan.first_day <= plan.last_day
        for term in year.board.terms
    }
    terms = sorted(unique.values(), key=lambda term: term.elected_date)
    occurrences = []
    for index, term in enumerate(terms):
        successor = terms[index + 1] if index + 1 < len(terms) else None
        deadline = _add_years(term.elected_date, years)
        if term.end_date and successor is None:
            deadline = min(deadline, term.end_date)
        finished = successor.elected_date if successor else None
        if term.elected_date > plan.last_day or (finished or date.max) < plan.first_day:
            continue
        occurrences.append(Occurrence(
            key=term.id,
            label=f"Nhiệm kỳ bắt đầu ngày {format_date(term.elected_date)}: bầu nhiệm kỳ mới chậm nhất ngày {format_date(deadline)}",
            deadline=deadline,
            verdict=_by_deadline(deadline, finished, context.today),
            done=finished,
            record=f"Nhiệm kỳ mới bầu ngày {format_date(finished)}" if finished else None,
            note=_members_note(term),
        ))
    if not occurrences and context.today >= plan.first_day:
        occurrences.append(Occurrence(context.year.school_year, "Ban thanh tra nhân dân trong năm học", None, Verdict.MISSING,
                                      note="không có nhiệm kỳ nào được ghi nhận"))
    return occurrences


def _members_note(term) -> str | None:
    """The board has 3 to 9 members: a term recorded with another number says so (its verdict is the term's)."""
    count = len(term.members)
    if count and not 3 <= count <= 9:
        return f"Ban ghi nhận {count} thành viên; quy định từ 3 đến 9 thành viên"
    return None


_RULES: dict[str, Callable[[_Context], list[Occurrence] | None]] = {
    "doi-thoai": _dialogues,
    "hoi-nghi": _conferences,
    "ra-soat-nghi-quyet": _reviews,
    "bao-cao-ban-ttnd": _board_reports,
    "cong-khai-dung-han": _disclosed_in_time,
    "cong-khai-du-ngay": _posted_long_enough,
    "cong-nhan-ban-ttnd": _board_confirmed,
    "tra-loi-kien-nghi": _replies,
    "nhiem-ky-ban-ttnd": _terms,
}
# Deadlines that follow from the calendar alone, shown even before any record is entered.
_RULES_WITHOUT_RECORDS: dict[str, Callable[[_Context], list[Occurrence]]] = {
    "doi-thoai": _dialogue_deadlines,
    "hoi-nghi": _conference_deadline,
    "bao-cao-ban-ttnd": _board_report_deadlines,
}
