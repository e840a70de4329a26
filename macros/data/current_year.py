"""Which school year the site leads with: the configured one, else the latest signed plan's.

A school may publish next year's plan before that year starts; the home page
then keeps showing the running year until the editor moves it on. A plan still
marked ``draft`` (as ``scripts/new-year`` writes it) never becomes the running
year by itself: until it is signed, the last signed plan is the one in force.
"""

from __future__ import annotations

import os

from .models import SchoolYear, SiteData

CURRENT_YEAR_VARIABLE = "QCDC_CURRENT_YEAR"


def resolve_current_year(site: SiteData, wanted: str | None = None) -> SchoolYear:
    """``wanted`` (e.g. "2023-2024"), else $QCDC_CURRENT_YEAR, else the latest school year whose plan
    is not a draft (the latest of all when every plan is a draft).

    Raises ``ValueError`` with a Vietnamese message when the wanted year has no plan.
    """
    wanted = (wanted or os.environ.get(CURRENT_YEAR_VARIABLE) or "").strip()
    if not wanted:
        signed = [year for year in site.years if not year.plan.draft]
        return (signed or site.years)[-1]
    for year in site.years:
        if year.school_year == wanted:
            return year
    known = ", ".join(year.school_year for year in site.years)
    raise ValueError(f"năm học '{wanted}' không có trong dữ liệu (các năm học có kế hoạch: {known})")
