"""The duty catalogue computed from the records: every rule kind on the sample school, the real
school's honesty without records, the plan's dialogue duty as one entry, and the records' checks."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REAL_DATA, SAMPLE
from tests.data.test_records import RECORDS, YEAR, problems_of, with_record_file
from macros.data.legal_duties import Verdict, compliance_counts, year_compliance
from macros.data.loading import load_site_data
from macros.data.status import Compliance, duty_status

SAMPLE_DAY = date(2024, 6, 15)


@pytest.fixture(scope="module")
def sample():
    return load_site_data(SAMPLE / "data")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(SAMPLE / "data", copy)
    return copy


def by_id(site, school_year: str, today: date = SAMPLE_DAY):
    return {item.duty.id: item for item in year_compliance(site, site.year(school_year), today)}


def occurrences(item) -> list[tuple[date | None, Verdict]]:
    return [(o.deadline, o.verdict) for o in item.occurrences]


def test_the_sample_exercises_every_rule_kind_with_kept_late_and_missing(sample):
    duties = by_id(sample, "2023-2024")
    kinds = {item.duty.rule.kind for item in duties.values()}
    assert kinds == {"yearly_within", "every_months", "each_period", "working_days_after", "days_after", "posted_for", "term"}
    seen = {o.verdict for item in duties.values() for o in item.occurrences}
    assert {Verdict.KEPT, Verdict.LATE, Verdict.MISSING, Verdict.NOT_YET_DUE} <= seen
    assert {item.verdict for item in duties.values()} >= {Verdict.KEPT, Verdict.LATE, Verdict.MISSING, Verdict.NOT_YET_DUE}


def test_each_rule_computes_its_deadlines_from_the_records(sample):
    duties = by_id(sample, "2023-2024")
    # Once a year within 3 months of 01/09/2023; held 04/10/2023.
    assert occurrences(duties["hoi-nghi-hang-nam"]) == [(date(2023, 12, 1), Verdict.KEPT)]
    # The resolution of 04/10/2023 reviewed on 10/04/2024: 6 days after its 6 months.
    assert occurrences(duties["ra-soat-nghi-quyet-hoi-nghi"]) == [(date(2024, 4, 4), Verdict.LATE)]
    # Quarters of the school year, each due on its last day.
    assert occurrences(duties["bao-cao-ban-thanh-tra-quy"]) == [
        (date(2023, 11, 30), Verdict.KEPT), (date(2024, 2, 29), Verdict.LATE),
        (date(2024, 5, 31), Verdict.MISSING), (date(2024, 8, 31), Verdict.NOT_YET_DUE),
    ]
    # Elected Friday 27/10/2023: five working days end on Friday 03/11; confirmed on 06/11.
    assert occurrences(duties["cong-nhan-ban-thanh-tra-nhan-dan"]) == [(date(2023, 11, 3), Verdict.LATE)]
    # A term of 2 years from 12/10/2021, the next elected on 27/10/2023; that one runs to 27/10/2025.
    assert occurrences(duties["nhiem-ky-ban-thanh-tra-nhan-dan"]) == [
        (date(2023, 10, 12), Verdict.LATE), (date(2025, 10, 27), Verdict.NOT_YET_DUE),
    ]
    # Replies within 15 days.
    assert occurrences(duties["tra-loi-kien-nghi-ban-thanh-tra"]) == [
        (date(2024, 1, 25), Verdict.KEPT), (date(2024, 4, 16), Verdict.LATE), (date(2024, 6, 4), Verdict.MISSING),
    ]
    # Disclosure within 5 working days: across Tết 2024 (decided 02/02, due 16/02) and 30/4–1/5 (26/04, due 07/05).
    assert occurrences(duties["cong-khai-dung-han"]) == [
        (date(2023, 9, 12), Verdict.KEPT), (date(2024, 2, 16), Verdict.LATE),
        (date(2024, 5, 7), Verdict.MISSING), (date(2024, 6, 10), Verdict.KEPT),
    ]
    # Posted for at least 20 days: 33 days, 11 days, still posted after 11 days.
    assert occurrences(duties["niem-yet-du-thoi-gian"]) == [
        (date(2023, 9, 27), Verdict.KEPT), (date(2024, 3, 9), Verdict.MISSING), (date(2024, 6, 24), Verdict.NOT_YET_DUE),
    ]
    assert duties["cong-khai-dung-han"].occurrences[1].record == "Công khai từ ngày 19/02/2024"


def test_the_plans_dialogue_duty_is_an_entry_of_the_catalogue_with_the_dialogue_pages_verdict(sample):
    expected = {
        Compliance.MET: {Verdict.KEPT}, Compliance.NOT_MET: {Verdict.LATE, Verdict.MISSING},
        Compliance.NOT_YET_DUE: {Verdict.NOT_YET_DUE}, Compliance.NO_RECORDS: {Verdict.UNKNOWN},
    }
    for year in sample.years:
        for offset in range(-30, 420, 15):
            today = year.plan.first_day + timedelta(days=offset)
            duties = by_id(sample, year.school_year, today)
            for duty in (d for d in year.plan.all_duties() if d.every_months):
                entry, status = duties[duty.id], duty_status(year.plan, duty, year.dialogues, today)
                assert entry.duty.plan_duty == duty and entry.duty.rule.months == duty.every_months
                assert entry.verdict in expected[status.compliance], (year.school_year, today, duty.id)
                missed = [(o.deadline, o.verdict) for o in entry.occurrences if o.verdict in (Verdict.LATE, Verdict.MISSING)]
                assert [due for due, _ in missed] == [due for _, due in status.missed]


@pytest.mark.parametrize("today", [date(2023, 8, 1), date(2024, 6, 15), date(2026, 1, 1)])
def test_the_real_school_without_records_reads_unknown_never_missing(today):
    site = load_site_data(REAL_DATA)
    assert site.school.staff_count is None
    duties = year_compliance(site, site.years[0], today)
    assert len(duties) >= 10
    assert {item.verdict for item in duties} == {Verdict.UNKNOWN}
    assert all(o.verdict is Verdict.UNKNOWN for item in duties for o in item.occurrences)
    assert compliance_counts(duties) == [(Verdict.UNKNOWN, len(duties))]


def test_with_an_unknown_staff_count_a_duty_not_seen_kept_is_unknown_not_missing(sample_copy):
    school = sample_copy / "school.yml"
    school.write_text(school.read_text(encoding="utf-8").replace("staff_count: 24\n", ""), encoding="utf-8")
    duties = by_id(load_site_data(sample_copy), "2023-2024")
    assert duties["tra-loi-kien-nghi-ban-thanh-tra"].verdict is Verdict.LATE  # the late reply is a fact
    assert [o.verdict for o in duties["tra-loi-kien-nghi-ban-thanh-tra"].occurrences][-1] is Verdict.UNKNOWN
    assert duties["bao-cao-ban-thanh-tra-quy"].occurrences[2].verdict is Verdict.UNKNOWN
    # Disclosure applies to every unit: still missing.
    assert duties["cong-khai-dung-han"].verdict is Verdict.MISSING


def test_a_small_unit_is_exempt_from_the_conference_and_the_board(sample_copy):
    school = sample_copy / "school.yml"
    school.write_text(school.read_text(encoding="utf-8").replace("staff_count: 24", "staff_count: 7"), encoding="utf-8")
    duties = by_id(load_site_data(sample_copy), "2023-2024")
    assert duties["hoi-nghi-hang-nam"].verdict is Verdict.NOT_APPLICABLE
    assert duties["nhiem-ky-ban-thanh-tra-nhan-dan"].verdict is Verdict.NOT_APPLICABLE
    assert duties["cong-khai-dung-han"].verdict is Verdict.MISSING


# --- Checks of the records and of the catalogue ------------------------------------------------


def test_a_disclosure_register_is_checked_with_file_line_and_field(sample_copy):
    problems = problems_of(with_record_file(sample_copy, "disclosures-invalid.yml"))
    where = "data/years/2023-2024/disclosures.yml, dòng"
    assert any(p.startswith(f"{where} 4, mục công khai thứ 1 (du-toan) → nhóm nội dung theo Điều 46 (kind): gặp 'ngan-sach'") and "ke-hoach" in p for p in problems), problems
    assert len(problems) == 1  # the other checks wait until the file validates


def test_a_disclosure_register_refuses_duplicates_and_a_posting_that_ends_before_it_starts(sample_copy):
    register = sample_copy / YEAR / "disclosures.yml"
    shutil.copy(RECORDS / "disclosures-invalid.yml", register)
    text = register.read_text(encoding="utf-8").replace("kind: ngan-sach", "kind: tai-chinh")
    register.write_text(text, encoding="utf-8")
    problems = problems_of(sample_copy)
    where = "data/years/2023-2024/disclosures.yml, dòng"
    second, third = "mục công khai thứ 2 (quyet-toan) →", "mục công khai thứ 3 (quyet-toan) →"
    assert any(f"{where} 11, {third} mã mục công khai (id): mã mục công khai 'quyet-toan' bị trùng (đã dùng ở dòng 6)" in p for p in problems), problems
    assert any(f"{where} 16, {third} ngày cuối cùng còn niêm yết (posted_until): ngày gỡ xuống không thể trước ngày bắt đầu công khai" in p for p in problems), problems
    assert any(f"{where} 10, {second} ngày bắt đầu công khai (posted_from): không thể công khai trước ngày quyết định" in p for p in problems), problems
    assert any(f"{where} 6, {second} nơi công khai (places): đã công khai thì cần ghi nơi công khai" in p for p in problems), problems


def test_conference_reviews_and_board_records_are_checked(sample_copy):
    with_record_file(sample_copy, "staff_conferences-review-before.yml")
    with_record_file(sample_copy, "inspection_board-invalid.yml")
    problems = problems_of(sample_copy)
    conferences = "data/years/2023-2024/staff_conferences.yml, dòng"
    board = "data/years/2023-2024/inspection_board.yml, dòng"
    assert any(f"{conferences} 5, hội nghị thứ 1 (hoi-nghi) → lần rà soát thứ 1 → ngày rà soát (date): ngày rà soát nghị quyết phải sau ngày tổ chức hội nghị" in p for p in problems)
    assert any(f"{board} 4, nhiệm kỳ thứ 1 (nhiem-ky) → " in p and "(confirmed_date): ngày công nhận không thể trước ngày bầu" in p for p in problems)
    assert any(f"{board} 6, báo cáo thứ 1 (bao-cao-quy) → kỳ thứ mấy trong năm học (period): báo cáo loại quy cần ghi kỳ thứ mấy (1–4)" in p for p in problems)
    assert any(f"{board} 11, báo cáo thứ 2 (bao-cao-nam) → kỳ thứ mấy trong năm học (period): báo cáo loại nam không ghi kỳ" in p for p in problems)
    assert any(f"{board} 17, kiến nghị thứ 1 (kien-nghi) → " in p and "(reply_date): ngày trả lời không thể trước ngày gửi kiến nghị" in p for p in problems)
    assert len(problems) == 5, problems


def test_the_catalogue_is_checked_rule_by_rule(sample_copy):
    shutil.copy(FIXTURES / "duties" / "duties-invalid.yml", sample_copy / "duties.yml")
    problems = problems_of(sample_copy)
    where = "data/duties.yml, dòng"
    first = "nhiệm vụ thứ 1 (Hội nghị hằng năm) →"
    assert any(f"{where} 6, {first} căn cứ thứ 1 → " in p and "không có văn bản mã 'luat-khong-co'" in p for p in problems), problems
    assert any(f"{where} 8, {first} quy tắc tính hạn → số tháng (months): quy tắc yearly_within cần ghi months" in p for p in problems), problems
    assert any(f"{where} 10, {first} quy tắc tính hạn → số ngày (days): quy tắc yearly_within không dùng days; chỉ ghi months" in p for p in problems), problems
    assert any(
        f"{where} 21, nhiệm vụ thứ 2 (Công khai đúng hạn) → số liệu dùng để xét (records): quy tắc working_days_after không tính được từ số liệu 'hoi-nghi'" in p
        for p in problems
    ), problems


def test_a_term_with_a_number_of_members_outside_3_to_9_says_so(sample_copy):
    board = sample_copy / YEAR / "inspection_board.yml"
    text = board.read_text(encoding="utf-8").replace(
        "      - role: Phó Trưởng ban\n      - role: Thành viên\n", "      - role: Phó Trưởng ban\n"
    )
    board.write_text(text, encoding="utf-8")
    terms = by_id(load_site_data(sample_copy), "2023-2024")["nhiem-ky-ban-thanh-tra-nhan-dan"].occurrences
    assert terms[0].note is None
    assert terms[1].note == "Ban ghi nhận 2 thành viên; quy định từ 3 đến 9 thành viên"
