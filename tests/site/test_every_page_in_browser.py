"""Every page of the real and the sample sites, as a reader's Chromium opens it.

Privacy: no page asks any host but the site's own for anything (no web font,
CDN or analytics). Phones: at 360×640 no page scrolls sideways. Without
JavaScript every page still shows all of its text.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Request

from tests.built_site import html_pages, parse_page
from tests.conftest import Build, reader_text

PHONE = {"width": 360, "height": 640}


def site_and_server(request: pytest.FixtureRequest, site: str) -> tuple[Build, str]:
    build = request.getfixturevalue(f"{site}_build")
    server = request.getfixturevalue("site_server" if site == "real" else "sample_server")
    return build, server


@pytest.mark.parametrize("site", ["real", "sample"])
def test_no_page_asks_another_host_and_none_scrolls_sideways_on_a_phone(
    browser: Browser, request: pytest.FixtureRequest, site: str
) -> None:
    build, server = site_and_server(request, site)
    context = browser.new_context(viewport=PHONE)
    requested: list[str] = []
    context.on("request", lambda asked: requested.append(asked.url))
    page = context.new_page()
    elsewhere, too_wide = {}, {}
    for path in html_pages(build.site_dir):
        requested.clear()
        response = page.goto(urljoin(server, path), wait_until="networkidle")
        assert response is not None and response.status in {200, 404}, path
        assert len(requested) > 1, f"{path}: only the page itself was requested; is the listener running?"
        if others := [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]:
            elsewhere[path] = others
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            too_wide[path] = widths
    context.close()
    assert elsewhere == {}
    assert too_wide == {}, "pages wider than a 360 px phone: [content width, screen width]"


@pytest.mark.parametrize("site", ["real", "sample"])
def test_every_page_reads_without_javascript_on_a_phone(browser: Browser, request: pytest.FixtureRequest, site: str) -> None:
    build, server = site_and_server(request, site)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    unreadable = {}
    for path in html_pages(build.site_dir):
        page.goto(urljoin(server, path))
        assert page.evaluate("() => typeof window.document$") == "undefined", "JavaScript ran"
        article = page.locator("article").first
        # Compared without whitespace: the browser lays out spaces around inline tags its own way.
        shown = "".join(article.inner_text().split())
        # (Not the parts only printed on paper: the plan's document head and foot, the QR code.)
        blocks = parse_page(build.site_dir, path).select("article :is(h1, h2, h3, h4, p, li, td, th, dt, dd):not(.qcdc-print-only *)")
        missing = [text for text in (reader_text(block) for block in blocks) if "".join(text.split()) not in shown]
        if not article.is_visible() or missing or not blocks:
            unreadable[path] = missing[:5] or "article not shown"
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            unreadable[path] = f"scrolls sideways: {widths}"
    context.close()
    assert unreadable == {}


def test_the_request_listener_sees_a_request_to_another_host(browser: Browser, site_server: str) -> None:
    page = browser.new_page()
    requested: list[str] = []

    def record(asked: Request) -> None:
        requested.append(asked.url)

    page.on("request", record)
    page.route("http://elsewhere.invalid/**", lambda route: route.abort())
    page.goto(site_server, wait_until="networkidle")
    page.evaluate("() => fetch('http://elsewhere.invalid/font.woff2').catch(() => null)")
    page.wait_for_load_state("networkidle")

    assert "http://elsewhere.invalid/font.woff2" in requested
