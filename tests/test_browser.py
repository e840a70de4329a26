"""The built site in a real headless Chromium (Debian's, see conftest.py).

What only a browser shows: the page a reader opens, every request it makes
(nothing may leave the school's own host: no web fonts, no CDN, no analytics)
and the language the page declares to screen readers and search.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, Request

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
def test_page_requests_stay_on_the_site(page: Page, site_server: str, name: str) -> None:
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    open_page(page, site_server, PAGES[name])

    assert requests, "no request recorded: the listener did not run"
    site_host = urlsplit(site_server).hostname
    assert site_host == "127.0.0.1"
    elsewhere = [url for url in requests if urlsplit(url).hostname != site_host]
    assert elsewhere == [], f"the {name} page asked other hosts: {elsewhere}"


@pytest.mark.parametrize("name", PAGES)
def test_page_declares_vietnamese(page: Page, site_server: str, name: str) -> None:
    open_page(page, site_server, PAGES[name])

    assert page.locator("html").get_attribute("lang") == "vi"
