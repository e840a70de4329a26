"""The Atom feed of updates, read back by a real parser (feedparser): every update, dated, linked, newest first."""

from __future__ import annotations

from calendar import timegm
from datetime import date, datetime, timedelta, timezone

import feedparser

from tests.conftest import SAMPLE, Build
from tests.published_data import SITE_URL, iso, raw, target_of

FEED = "du-lieu/cap-nhat.xml"
VIETNAM = timezone(timedelta(hours=7))


def feed_of(build: Build) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((build.site_dir / FEED).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def vietnam_day(entry: feedparser.FeedParserDict) -> date:
    """The entry's day in Vietnam (feedparser gives the moment in UTC)."""
    return datetime.fromtimestamp(timegm(entry.updated_parsed), VIETNAM).date()


def expected_updates(build: Build) -> dict[str, date]:
    """Link -> day of every update the sample data holds: plans, held dialogues' minutes, published summaries."""
    expected = {}
    for folder in sorted((SAMPLE / "data" / "years").iterdir()):
        year = folder.name
        expected[f"{SITE_URL}{year}/ke-hoach/"] = date.fromisoformat(iso(raw(folder / "plan.yml")["date"]))
        if (folder / "dialogues.yml").exists():
            for session in raw(folder / "dialogues.yml")["sessions"]:
                if session["status"] == "held" and session.get("minutes_summary"):
                    expected[f"{SITE_URL}{year}/doi-thoai/#{session['id']}"] = date.fromisoformat(iso(session["date"]))
        if (folder / "reports.yml").exists():
            for record in raw(folder / "reports.yml")["reports"]:
                # Published: it has a summary, and the site gave it a page of its own.
                if record.get("summary") and (build.site_dir / year / "bao-cao" / record["id"]).is_dir():
                    expected[f"{SITE_URL}{year}/bao-cao/{record['id']}/"] = date.fromisoformat(iso(record["submitted_date"]))
    return expected


def test_the_feed_has_every_update_of_the_data_dated_by_it(sample_build):
    entries = feed_of(sample_build).entries
    found = {entry.link: vietnam_day(entry) for entry in entries}
    expected = expected_updates(sample_build)
    assert found == expected
    assert len(entries) == len(expected) >= 8


def test_the_entries_come_newest_first(sample_build):
    moments = [timegm(entry.updated_parsed) for entry in feed_of(sample_build).entries]
    assert moments == sorted(moments, reverse=True)
    assert len(set(moments)) == len(moments)


def test_each_entry_leads_to_its_page_and_says_what_it_is(sample_build):
    entries = {entry.link: entry for entry in feed_of(sample_build).entries}
    for link, entry in entries.items():
        target_of(sample_build, link)
        assert entry.id == link
        assert entry.title and entry.summary
    report = entries[f"{SITE_URL}2023-2024/bao-cao/bao-cao-6-thang/"]
    assert report.title == "Tóm tắt Báo cáo 6 tháng năm học 2023-2024"
    assert "Giải quyết xong 3 kiến nghị của cha mẹ trẻ." in report.content[0].value
    assert "Báo cáo nộp chậm 7 ngày so với hạn." in report.content[0].value
    minutes = entries[f"{SITE_URL}2023-2024/doi-thoai/#doi-thoai-hk1"]
    assert minutes.title == "Kết quả buổi đối thoại ngày 20/10/2023"
    assert minutes.summary.startswith("Buổi đối thoại có 32 người dự.")
    plan = entries[f"{SITE_URL}2024-2025/ke-hoach/"]
    assert plan.title == "Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm học 2024-2025"
    assert "Số: 09/KH-MNHS" in plan.summary


def test_the_feed_names_its_school_and_itself(sample_build):
    feed = feed_of(sample_build).feed
    assert feed.title == "Cập nhật: Trường mầm non Hoa Sen (trường mẫu)"
    assert feed.language == "vi"
    links = {link.rel: link.href for link in feed.links}
    assert links == {"self": SITE_URL + FEED, "alternate": SITE_URL}
    assert feed.updated_parsed == feed_of(sample_build).entries[0].updated_parsed


def test_the_real_site_announces_its_plan(real_build):
    entries = feed_of(real_build).entries
    assert [entry.link for entry in entries] == [SITE_URL + "2023-2024/ke-hoach/"]
    assert entries[0].updated_parsed is not None, "undated in the plan: dated by its data file's last change"
