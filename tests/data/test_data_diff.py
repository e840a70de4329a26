"""The change history's words: what changed between two versions of the validated data."""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.data_diff import describe_changes
from macros.data.loading import load_site_data
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_site():
    return load_site_data(SAMPLE / "data")


def with_year(site, school_year, **changes):
    years = [year.model_copy(update=changes) if year.school_year == school_year else year for year in site.years]
    return site.model_copy(update={"years": years})


def test_the_first_version_is_the_school_data_published(sample_site):
    assert describe_changes(None, sample_site) == ["Đăng dữ liệu của nhà trường: năm học 2023-2024, 2024-2025"]


def test_the_same_data_is_said_unchanged(sample_site):
    assert describe_changes(sample_site, sample_site) == ["Sửa cách ghi dữ liệu; nội dung công bố không đổi"]


def test_a_new_summary_and_a_moved_dialogue_are_said_in_words(sample_site):
    year = sample_site.year("2023-2024")
    reports = [
        record.model_copy(update={"summary": None}) if record.id == "bao-cao-quy-1" else record for record in year.reports
    ]
    before = with_year(sample_site, "2023-2024", reports=reports)
    sessions = [
        session.model_copy(update={"date": date(2024, 8, 23)}) if session.id == "doi-thoai-dau-nam-2024" else session
        for session in year.dialogues
    ]
    after = with_year(sample_site, "2023-2024", dialogues=sessions)

    assert describe_changes(before, after) == [
        "Đổi ngày buổi đối thoại tháng 8/2024 từ 16/08/2024 sang 23/08/2024",
        "Thêm tóm tắt báo cáo Quý I",
    ]


def test_a_changed_section_of_the_plan_is_named_as_the_plan_numbers_it(sample_site):
    year = sample_site.year("2023-2024")
    content = list(year.plan.content)
    section = content[0]
    content[0] = section.model_copy(update={"heading": section.heading + " (sửa)"})
    plan = year.plan.model_copy(update={"content": content})
    after = with_year(sample_site, "2023-2024", plan=plan)

    assert describe_changes(sample_site, after) == ["Sửa kế hoạch năm học 2023-2024: mục II.1"]


def test_a_new_year_is_its_plan_published(sample_site):
    before = sample_site.model_copy(update={"years": sample_site.years[:1]})
    assert describe_changes(before, sample_site) == ["Đăng kế hoạch năm học 2024-2025"]
