"""The sample school with 50 published report summaries in 2023-2024, as the build benchmark measures it.

The sample's own published reports come first, then extraordinary reports, each
summary with a sentence of its own (``SUMMARY_MARK``) and a length of its own, so
that a test can find every summary once and in its place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from macros.data.loading import load_site_data
from macros.data.status import resolve_today, year_reports
from tests.conftest import SAMPLE, SAMPLE_DAY

YEAR = "2023-2024"
PUBLISHED = 50
SUMMARY_MARK = "Kết quả riêng của báo cáo thứ {number}"


def fifty_published_reports(target: Path) -> Path:
    """A copy of the sample data whose 2023-2024 has ``PUBLISHED`` published summaries; returns its folder."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(SAMPLE / "data", target)
    reports_file = target / "years" / YEAR / "reports.yml"
    records = yaml.safe_load(reports_file.read_text(encoding="utf-8"))["reports"]
    published = [record for record in records if record.get("summary")]
    for number, record in enumerate(published, start=1):
        record["summary"]["results"].insert(0, SUMMARY_MARK.format(number=number) + ".")
    for number in range(len(published) + 1, PUBLISHED + 1):
        records.append(_extraordinary_report(number))
    reports_file.write_text(yaml.safe_dump({"reports": records}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def published_in_order(data_dir: Path) -> list[str]:
    """Ids of the year's published reports, in the order of its reports (the printout's order)."""
    reports = year_reports(load_site_data(data_dir).year(YEAR), resolve_today(SAMPLE_DAY))
    return [report.id for report in reports if report.published]


def _extraordinary_report(number: int) -> dict:
    # 1 to 4 results of different lengths: the summaries do not all weigh the same.
    results = [SUMMARY_MARK.format(number=number) + "."]
    results += [f"Hoạt động bổ sung số {line} được thực hiện đúng kế hoạch của nhà trường." for line in range(number % 4)]
    return {
        "id": f"bao-cao-dot-xuat-{number}",
        "name": f"Báo cáo đột xuất số {number}",
        "kind": "dot-xuat",
        "due_date": "20/05/2024",
        "submitted": True,
        "submitted_date": "15/05/2024",
        "recipient": "Cơ quan quản lý mẫu",
        "summary": {
            "results": results,
            "limitations": ["Hòm thư góp ý chưa được mở định kỳ hằng tuần."],
            "next_steps": ["Mở hòm thư góp ý vào sáng thứ Hai hằng tuần."],
        },
    }
