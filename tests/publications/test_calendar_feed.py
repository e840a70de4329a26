"""The iCalendar feed, read back by a real parser (icalendar) event by event."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.conftest import ROOT, SAMPLE, SAMPLE_DAY, Build, reader_text, run_mkdocs_build
from tests.git_repository import commit, init
from tests.published_data import SITE_URL, iso, raw, target_of

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CALENDAR = "du-lieu/lich.ics"
SESSION_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "postponed": "CANCELLED", "cancelled": "CANCELLED"}


def calendar_of(build: Build) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((build.site_dir / CALENDAR).read_bytes())


def events_of(build: Build) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar_of(build).walk("VEVENT")}


def day(text: str) -> date:
    return date.fromisoformat(iso(text))


def expected_events(data: Path) -> dict[str, dict]:
    """What the feed must hold, from the YAML files: every dated session and every report deadline."""
    expected = {}
    for folder in sorted((data / "years").iterdir()):
        year = folder.name
        if (folder / "dialogues.yml").exists():
            for session in raw(folder / "dialogues.yml")["sessions"]:
                if session["date"] is None:
                    continue
                start = day(session["date"])
                if session.get("time"):
                    hour, minute = map(int, session["time"].split(":"))
                    start = datetime(start.year, start.month, start.day, hour, minute, tzinfo=VIETNAM)
                expected[f"{year}-doi-thoai-{session['id']}@127.0.0.1:8000"] = {
                    "start": start,
                    "status": SESSION_STATUS[session["status"]],
                    "location": session.get("place"),
                    "url": f"{SITE_URL}{year}/doi-thoai/#{session['id']}",
                    "words": [session.get("participants") or "Buổi đối thoại"],
                }
        records = {r["id"]: r for r in raw(folder / "reports.yml")["reports"]} if (folder / "reports.yml").exists() else {}
        planned = raw(folder / "plan.yml")["reporting"]["reports"]
        for report in [*planned, *(r for r in records.values() if r["id"] not in {p["id"] for p in planned})]:
            if report.get("due_date"):
                expected[f"{year}-bao-cao-{report['id']}@127.0.0.1:8000"] = {
                    "start": day(report["due_date"]),
                    "status": "CONFIRMED",
                    "location": None,
                    "url": f"{SITE_URL}{year}/bao-cao/#{report['id']}",
                    "words": [f"Hạn nộp {report['name']}"],
                }
    return expected


DUTY_EVENT = "-nghia-vu-"


def test_the_feed_holds_every_dated_session_and_deadline_and_nothing_else(sample_build):
    events = {uid: event for uid, event in events_of(sample_build).items() if DUTY_EVENT not in uid}
    expected = expected_events(SAMPLE / "data")
    assert sorted(events) == sorted(expected)
    assert len(expected) > 10


def test_the_feed_holds_the_deadlines_of_the_duties_without_their_status(sample_build):
    duty_events = {uid: event for uid, event in events_of(sample_build).items() if DUTY_EVENT in uid}
    by_start = {(uid.split(DUTY_EVENT)[1].split("@")[0], event["DTSTART"].dt) for uid, event in duty_events.items()}
    # Deadlines computed by hand from the sample's records (see tests/data/test_legal_duties.py).
    assert {
        ("hoi-nghi-hang-nam-2023-2024", date(2023, 12, 1)),
        ("cong-khai-dung-han-du-toan-2024", date(2024, 2, 16)),  # 5 working days across Tết 2024
        ("cong-khai-dung-han-ket-qua-kiem-tra-noi-bo", date(2024, 5, 7)),  # across 30/4–1/5
        ("bao-cao-ban-thanh-tra-quy-quy-3", date(2024, 5, 31)),
        ("nhiem-ky-ban-thanh-tra-nhan-dan-nhiem-ky-2023-2025", date(2025, 10, 27)),
        ("tra-loi-kien-nghi-ban-thanh-tra-kien-nghi-cong-khai-thu-chi", date(2024, 6, 4)),
    } <= by_start
    for uid, event in duty_events.items():
        year = uid.split(DUTY_EVENT)[0]
        duty_id = str(event["URL"]).split("#")[1]
        assert str(event["URL"]) == f"{SITE_URL}{year}/nghia-vu/#{duty_id}", uid
        assert str(event["CATEGORIES"].cats[0]) == "Hạn nghĩa vụ" and str(event["TRANSP"]) == "TRANSPARENT"
        description = str(event["DESCRIPTION"])
        assert "Căn cứ: " in description and "Cách tính hạn: " in description, uid
        # What depends on the day of the build never enters the feed.
        assert not any(word in description for word in ("Chưa thực hiện", "Thực hiện muộn", "Đã thực hiện", "Chưa đến hạn")), uid
        target_of(sample_build, str(event["URL"]))
    event = next(e for uid, e in duty_events.items() if uid.startswith("2023-2024-nghia-vu-hoi-nghi-hang-nam-"))
    assert str(event["SUMMARY"]) == "Hạn: Hội nghị cán bộ, công chức, viên chức, người lao động hằng năm"
    assert "Căn cứ: Luật số 10/2022/QH15, Điều 51" in str(event["DESCRIPTION"])
    assert "Số liệu ghi nhận: Hội nghị ngày 04/10/2023" in str(event["DESCRIPTION"])


def test_each_event_says_what_the_data_says(sample_build):
    events = events_of(sample_build)
    for uid, wanted in expected_events(SAMPLE / "data").items():
        event = events[uid]
        start = event["DTSTART"].dt
        assert start == wanted["start"], uid
        if isinstance(wanted["start"], datetime):
            # Vietnam time, named by its zone: the calendar app shows it right wherever the reader is.
            assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
            assert start.utcoffset() == timedelta(hours=7)
        else:
            assert type(start) is date and event["DTEND"].dt == start + timedelta(days=1), uid
        assert str(event["STATUS"]) == wanted["status"], uid
        assert (str(event["LOCATION"]) if "LOCATION" in event else None) == wanted["location"], uid
        assert str(event["URL"]) == wanted["url"], uid
        assert all(word in str(event["SUMMARY"]) for word in wanted["words"]), (uid, str(event["SUMMARY"]))
        target_of(sample_build, str(event["URL"]))


def test_a_held_session_carries_its_minutes_and_a_postponed_one_says_so(sample_build):
    events = events_of(sample_build)
    held = events["2023-2024-doi-thoai-doi-thoai-hk1@127.0.0.1:8000"]
    description = str(held["DESCRIPTION"])
    assert "Chủ trì: Hiệu trưởng" in description
    assert "Tóm tắt biên bản: Buổi đối thoại có 32 người dự." in description
    assert "- Chế độ làm thêm giờ của giáo viên\n- Sửa chữa phòng học trước mùa mưa" in description
    postponed = events["2023-2024-doi-thoai-gap-mat-cha-me-hk2@127.0.0.1:8000"]
    assert str(postponed["SUMMARY"]).startswith("[Hoãn]")
    assert "Ghi chú: Hoãn vì trùng lịch" in str(postponed["DESCRIPTION"])
    deadline = events["2023-2024-bao-cao-bao-cao-6-thang@127.0.0.1:8000"]
    assert "Đã nộp ngày 22/01/2024" in str(deadline["DESCRIPTION"])
    assert str(deadline["TRANSP"]) == "TRANSPARENT"


def test_the_calendar_names_itself_and_carries_the_vietnam_time_zone(sample_build):
    calendar = calendar_of(sample_build)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    assert str(calendar["X-WR-CALNAME"]) == "Trường mầm non Hoa Sen (trường mẫu): đối thoại và hạn báo cáo"
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Asia/Ho_Chi_Minh"]
    standard = zones[0].walk("STANDARD")[0]
    assert standard["TZOFFSETTO"].td == timedelta(hours=7)


def test_the_file_keeps_the_rules_of_rfc_5545(sample_build):
    content = (sample_build.site_dir / CALENDAR).read_bytes()
    assert content.endswith(b"\r\n") and b"\n" not in content.replace(b"\r\n", b"")
    lines = content.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), "content lines are folded at 75 octets"
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    for event in calendar_of(sample_build).walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE", "LAST-MODIFIED"):
            assert required in event, (event["UID"], required)
        assert event["LAST-MODIFIED"].dt.tzinfo is not None and event["LAST-MODIFIED"].dt.utcoffset() == timedelta(0)


def test_the_feed_is_the_same_whatever_the_day_of_the_build(tmp_path):
    # A copy of the data (its files' own times kept), so that nothing else changes between the builds.
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "data", data)
    feeds = []
    for day in (SAMPLE_DAY, "01/09/2024"):
        build = run_mkdocs_build(tmp_path / day.replace("/", "-"), data, config=SAMPLE / "mkdocs.yml", today=day)
        assert build.returncode == 0, build.output
        assert "Tình trạng tính đến ngày " + day in build.article_text("2023-2024/bao-cao/")
        feeds.append((build.site_dir / CALENDAR).read_bytes())
    assert feeds[0] == feeds[1]


def test_the_dialogue_and_report_pages_offer_the_calendar(sample_build):
    for url in ("2023-2024/doi-thoai/", "2024-2025/doi-thoai/", "2023-2024/bao-cao/"):
        box = sample_build.page(url).select_one("article .qcdc-subscribe")
        assert box is not None, url
        links = {a.get_text(): a["href"] for a in box.select("a[href]")}
        assert links["theo dõi trên ứng dụng lịch"] == "webcal://127.0.0.1:8000/du-lieu/lich.ics"
        assert (sample_build.site_dir / url / links["tải tệp lịch (.ics)"]).resolve() == (sample_build.site_dir / CALENDAR).resolve()
        assert "Lịch đối thoại và hạn báo cáo" in reader_text(box)


# --- Calendar apps see a change: SEQUENCE and LAST-MODIFIED follow the data's history -----------


def project_repository(tmp_path: Path) -> Path:
    """A copy of the project (pages, theme, configuration) with the sample data, under git."""
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(SAMPLE / "data", project / "data")
    init(project)
    return project


def test_an_edit_raises_the_sequence_of_the_events_it_changes_and_of_no_other(tmp_path):
    project = project_repository(tmp_path)
    commit(project, "Dữ liệu mẫu", "2024-06-01T08:00:00+07:00")

    def build(name: str) -> dict[str, icalendar.Event]:
        result = run_mkdocs_build(tmp_path / name, project / "data", config=project / "mkdocs.yml", today=SAMPLE_DAY)
        assert result.returncode == 0, result.output
        return events_of(result)

    before = build("before")
    dialogues = project / "data" / "years" / "2023-2024" / "dialogues.yml"
    dialogues.write_text(dialogues.read_text(encoding="utf-8").replace('time: "08:00"', 'time: "09:30"'), encoding="utf-8")
    commit(project, "Dời giờ buổi đối thoại đầu năm", "2024-06-10T15:00:00+07:00")
    after = build("after")

    assert sorted(after) == sorted(before), "UIDs stay the same"
    moved = "2023-2024-doi-thoai-doi-thoai-dau-nam-2024@127.0.0.1:8000"
    assert after[moved]["DTSTART"].dt == datetime(2024, 8, 16, 9, 30, tzinfo=VIETNAM)
    assert after[moved]["SEQUENCE"] > before[moved]["SEQUENCE"]
    assert after[moved]["LAST-MODIFIED"].dt == datetime(2024, 6, 10, 8, 0, tzinfo=timezone.utc)
    assert before[moved]["LAST-MODIFIED"].dt == datetime(2024, 6, 1, 1, 0, tzinfo=timezone.utc)
    untouched = "2023-2024-bao-cao-bao-cao-quy-1@127.0.0.1:8000"
    assert after[untouched]["SEQUENCE"] == before[untouched]["SEQUENCE"]
    assert after[untouched]["LAST-MODIFIED"].dt == before[untouched]["LAST-MODIFIED"].dt
