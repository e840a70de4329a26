"""Which school year the site leads with: configured, from the environment, or the latest."""

from __future__ import annotations

import pytest

from macros.data.current_year import CURRENT_YEAR_VARIABLE, resolve_current_year
from macros.data.loading import load_site_data
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def two_years():
    site = load_site_data(SAMPLE / "data")
    assert [year.school_year for year in site.years] == ["2023-2024", "2024-2025"]
    return site


def test_without_a_choice_the_latest_year_leads(two_years, monkeypatch):
    monkeypatch.delenv(CURRENT_YEAR_VARIABLE, raising=False)
    assert resolve_current_year(two_years).school_year == "2024-2025"


def test_the_configured_year_leads(two_years, monkeypatch):
    monkeypatch.setenv(CURRENT_YEAR_VARIABLE, "2024-2025")
    assert resolve_current_year(two_years, " 2023-2024 ").school_year == "2023-2024"


def test_the_environment_chooses_when_the_configuration_does_not(two_years, monkeypatch):
    monkeypatch.setenv(CURRENT_YEAR_VARIABLE, "2023-2024")
    assert resolve_current_year(two_years).school_year == "2023-2024"


def test_a_year_without_a_plan_is_refused_with_the_years_there_are(two_years, monkeypatch):
    monkeypatch.delenv(CURRENT_YEAR_VARIABLE, raising=False)
    with pytest.raises(ValueError) as refusal:
        resolve_current_year(two_years, "2025-2026")
    assert str(refusal.value) == "năm học '2025-2026' không có trong dữ liệu (các năm học có kế hoạch: 2023-2024, 2024-2025)"
