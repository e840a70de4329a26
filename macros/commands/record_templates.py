"""Templates of the records an editor adds during the year: a report's summary, a dialogue session.

``scripts/add-record`` appends them to the year's file, and the editor's guide
shows them for copying in the git host's web editor. Each blank reads
``"[cần điền: …]"`` and stops publishing until it is filled
(``macros.data.placeholders``); everything else is already valid, so a filled
template passes the data check.
"""

from __future__ import annotations

from ..data.loading import REPORTS_FILE
from ..data.models import Duty, Plan, Report, SiteData
from ..data.placeholders import blank
from .yaml_edit import append_item


def report_record(report: Report | None, report_id: str, school_year: str) -> str:
    """One item of ``reports.yml``: a report of the plan, or (``report`` None) an unplanned one."""
    lines = [
        f"# --- {report.name if report else 'Báo cáo đột xuất'}: điền các chỗ “cần điền”, rồi lưu. ---",
        f"- id: {report_id}",
    ]
    if report is None:
        lines += [
            f'  name: "{blank("tên báo cáo, nguyên văn")}"',
            "  kind: dot-xuat",
            f'  due_date: "{blank("hạn nộp, dạng ngày/tháng/năm; không có hạn thì ghi null")}"',
        ]
    lines += [
        f'  period: "{blank(f"kỳ báo cáo, ví dụ Quý I năm học {school_year}")}"',
        "  # Đã nộp: true; chưa nộp: false (khi đó ngày nộp ghi null).",
        "  submitted: true",
        f'  submitted_date: "{blank("ngày nộp, dạng ngày/tháng/năm")}"',
        f'  recipient: "{blank("nơi nhận báo cáo; chưa rõ thì ghi null")}"',
        "  # Tệp PDF đã ký (không bắt buộc): tải lên thư mục files/ của năm học rồi ghi tên tệp;",
        "  # không có thì để null.",
        "  attachment: null",
        "  # Tóm tắt công bố: mỗi ý một dòng bắt đầu bằng '- '. Chưa công bố thì thay cả phần",
        "  # summary bên dưới bằng: summary: null",
        "  summary:",
        "    results:",
        f'      - "{blank("một kết quả đạt được")}"',
        "    limitations:",
        f'      - "{blank("một hạn chế, tồn tại; không có thì xóa dòng này và ghi limitations: []")}"',
        "    next_steps:",
        f'      - "{blank("một việc sẽ làm tiếp; không có thì xóa dòng này và ghi next_steps: []")}"',
    ]
    return "\n".join(lines) + "\n"


def dialogue_session(session_id: str, duties: list[Duty], role_ids: list[str]) -> str:
    """One item of ``dialogues.yml``: a planned session of the plan's periodic dialogue duty."""
    duty_line = (
        f"  duty: {duties[0].id}"
        if len(duties) == 1
        else f'  duty: "{blank("mã nhiệm vụ trong kế hoạch: " + ", ".join(duty.id for duty in duties))}"'
    )
    lines = [
        "# --- Buổi đối thoại: điền các chỗ “cần điền”, rồi lưu. ---",
        f"- id: {session_id}",
        duty_line,
        "  # planned: dự kiến; held: đã tổ chức; postponed: hoãn; cancelled: hủy.",
        "  status: planned",
        f'  date: "{blank("ngày tổ chức, dạng ngày/tháng/năm; chưa định thì ghi null")}"',
        f'  time: "{blank("giờ bắt đầu, dạng 14:00; chưa định thì ghi null")}"',
        f'  place: "{blank("địa điểm; chưa định thì ghi null")}"',
        f'  chair: "{blank("mã vai trò chủ trì: " + ", ".join(role_ids))}"',
        f'  participants: "{blank("thành phần tham dự, không ghi tên riêng")}"',
        "  agenda:",
        f'    - "{blank("một nội dung dự kiến; thêm dòng cho mỗi nội dung")}"',
        "  # Sau buổi đối thoại: đổi status thành held, ghi tóm tắt biên bản (thay null),",
        "  # các ý kiến và trả lời (questions), các việc cần làm tiếp (follow_ups).",
        "  minutes_summary: null",
        "  questions: []",
        "  follow_ups: []",
    ]
    return "\n".join(lines) + "\n"


def periodic_dialogue_duties(plan: Plan) -> list[Duty]:
    """The plan's duties held again and again ("ít nhất 6 tháng/lần"): what a dialogue session fulfils."""
    return [duty for duty in plan.all_duties() if duty.every_months is not None]


_RECORDS_FILES = {
    "reports.yml": (
        "reports",
        "Tình hình các báo cáo năm học {year}: đã nộp chưa, ngày nộp, nơi nhận, tóm tắt công bố.\n"
        "# Báo cáo có trong kế hoạch chỉ ghi mã (id): tên, loại và hạn nộp lấy từ kế hoạch.",
    ),
    "dialogues.yml": (
        "sessions",
        "Các buổi đối thoại năm học {year}: dự kiến, đã tổ chức, hoãn, hủy.\n"
        "# Không ghi tên riêng của người dự hay người hỏi.",
    ),
}


def records_list_key(file_name: str) -> str:
    """The one key of a records file: the list its items go in."""
    return _RECORDS_FILES[file_name][0]


def empty_records_file(file_name: str, school_year: str) -> str:
    """A records file with no record yet (without its modeline)."""
    key, comment = _RECORDS_FILES[file_name]
    return f"# {comment.format(year=school_year)}\n{key}: []\n"


def example_records_file(site: SiteData, file_name: str) -> str:
    """A records file of the latest school year holding one template, as the editor's guide shows it."""
    year = site.years[-1]
    if file_name == REPORTS_FILE:
        planned = year.plan.reporting.reports
        entry = report_record(planned[0] if planned else None, planned[0].id if planned else "bao-cao-dot-xuat", year.school_year)
    else:
        duties = periodic_dialogue_duties(year.plan) or year.plan.all_duties()
        entry = dialogue_session("doi-thoai-1", duties, [role.id for role in site.school.roles])
    key = records_list_key(file_name)
    return append_item(f"{key}: []\n", key, entry)
