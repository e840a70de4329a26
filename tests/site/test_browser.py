"""The built site in a real headless Chromium (Debian's, see conftest.py).

What only a browser shows: the page a reader opens and the language it
declares to screen readers and search. Requests to other hosts, phone width and
reading without JavaScript are checked on every page by test_every_page_in_browser.py.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

PLAN_TITLE = "Kế hoạch thực hiện quy chế dân chủ ở cơ sở"

PAGES = {
    "home": "",
    "plan": "2023-2024/ke-hoach/",
    "responsibilities": "2023-2024/trach-nhiem/",
    "dialogues": "2023-2024/doi-thoai/",
    "reports": "2023-2024/bao-cao/",
    "citizen reception": "tiep-cong-dan/",
    "legal documents": "van-ban/",
}


def open_page(page: Page, site_server: str, path: str) -> None:
    """Open a page of the served site and wait until its network is quiet."""
    response = page.goto(urljoin(site_server, path), wait_until="networkidle")
    assert response is not None and response.ok, f"{path or '/'}: HTTP {response and response.status}"


def test_plan_page_opens_with_its_heading(page: Page, site_server: str) -> None:
    open_page(page, site_server, PAGES["plan"])

    heading = page.locator("article h1")
    assert heading.count() == 1
    assert PLAN_TITLE in heading.inner_text()
    assert "2023-2024" in heading.inner_text()


def test_plan_page_has_its_title_in_the_browser_tab(page: Page, site_server: str) -> None:
    open_page(page, site_server, PAGES["plan"])

    title = page.title()
    assert title.startswith("Kế hoạch năm học 2023-2024"), title
    assert "{{" not in title and "}}" not in title, title


@pytest.mark.parametrize("name", PAGES)
def test_page_declares_vietnamese(page: Page, site_server: str, name: str) -> None:
    open_page(page, site_server, PAGES[name])

    assert page.locator("html").get_attribute("lang") == "vi"
