"""The PDFs the site offers for download: the page each is printed from, and where it goes.

A build with the ``qcdc`` plugin's ``pdf`` option (``scripts/pdf``) prints them
in headless Chromium once the pages are written (``macros.publications.pdf``). A build
without it offers none, so that no link leads to a missing file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..pages.rendering import year_page

# Per school year: the page printed, the PDF's file name and how a link names it.
YEAR_PDFS = {
    "plan": ("ke-hoach-{year}.pdf", "Kế hoạch năm học {year}"),
    "printout": ("ban-in-ca-nam-{year}.pdf", "Bản in cả năm học {year} (kế hoạch, trách nhiệm, đối thoại, báo cáo)"),
}


@dataclass(frozen=True)
class Download:
    """A PDF of one page of the site."""

    page: str
    """Docs-relative path of the page it is printed from."""
    path: str
    """Docs-relative path of the PDF itself."""
    label: str


def year_downloads(school_year: str) -> list[Download]:
    """The PDFs offered for a school year, in the order the pages list them."""
    return [
        Download(year_page(school_year, name), f"{school_year}/pdf/{file.format(year=school_year)}", label.format(year=school_year))
        for name, (file, label) in YEAR_PDFS.items()
    ]
