"""Accessibility of every page of the real and the sample sites, in a real Chromium.

axe-core (pinned in package.json) checks each page against WCAG 2.1 A and AA,
on a desktop and on a phone screen; real key presses then check that a
keyboard reaches the search and the menu, which the theme hides behind icons
on a phone.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page

from tests.built_site import html_pages
from tests.conftest import require_tool
from tests.node_tools import AXE_SCRIPT, INSTALL_HINT

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 640}}
# Tab presses allowed to reach a control near the top of the page.
TABS_TO_TOP_CONTROLS = 10


def settle(page: Page) -> None:
    """Wait until every finite animation and transition of the page has ended.

    Colours measured while the open search or menu is still fading in are
    half-way between two themes: axe-core then reports a contrast that no
    reader ever sees, on some runs and not others.
    """
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)"
        ".map(animation => animation.finished.catch(() => null)))"
    )


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it stands, one line each."""
    require_tool(AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} not found: {INSTALL_HINT}")
    settle(page)
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    assert results["passes"] or results["violations"], "axe-core checked nothing"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("site", ["real", "sample"])
def test_every_page_meets_wcag_21_aa(browser: Browser, request: pytest.FixtureRequest, site: str, viewport: str) -> None:
    build = request.getfixturevalue(f"{site}_build")
    server = request.getfixturevalue(f"{'site' if site == 'real' else 'sample'}_server")
    pages = html_pages(build.site_dir)
    assert len(pages) >= 7, pages
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = {}
    for path in pages:
        page.goto(urljoin(server, path), wait_until="networkidle")
        if violations := axe_violations(page):
            found[path or "/"] = violations
    context.close()
    assert found == {}


def focus_description(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return `${e.tagName.toLowerCase()}.${e.className} ${e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)}`; }"
    )


def tab_until(page: Page, selector: str, limit: int = TABS_TO_TOP_CONTROLS) -> list[str]:
    """Press Tab until the focused element matches ``selector``; return where the focus went."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        visited.append(focus_description(page))
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return visited
    pytest.fail(f"{limit} Tab presses did not reach {selector}; the focus went to: {visited}")


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    yield context.new_page()
    context.close()


def open_search_by_keyboard(page: Page) -> None:
    """Tab to the search field, then wait until the theme has opened the search.

    The theme opens it a moment after the field takes the focus. On a phone the
    field is not laid out before that, and text typed into it then lands at its
    start: "đối thoại" became "ối thoạiđ", which finds nothing. A reader sees the
    search open before typing; the test waits for the same.
    """
    tab_until(page, "input.md-search__input")
    page.wait_for_function("() => document.getElementById('__search').checked")
    settle(page)


def search_results(page: Page) -> None:
    """Wait for the search results: the index is built in a worker, slowly on a busy machine."""
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=120_000)


def test_keyboard_reaches_search_and_menu_on_a_desktop(desktop: Page, sample_server: str) -> None:
    page = desktop
    page.goto(sample_server, wait_until="networkidle")

    open_search_by_keyboard(page)
    page.keyboard.type("báo cáo")
    search_results(page)
    assert axe_violations(page) == [], "the open search must be accessible too"
    page.keyboard.press("Escape")

    visited = tab_until(page, ".md-sidebar--primary a.md-nav__link:not(.md-nav__link--active)", limit=40)
    assert page.evaluate("() => document.activeElement.checkVisibility()"), visited
    target = page.evaluate("() => document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target != sample_server, "Enter on a menu link must open its page"


def test_keyboard_opens_the_menu_on_a_phone(phone: Page, sample_server: str) -> None:
    page = phone
    page.goto(sample_server, wait_until="networkidle")
    menu = page.locator(".md-sidebar--primary")

    visited = tab_until(page, "#__drawer")
    assert not any("md-nav__link" in stop for stop in visited), "links of the closed menu must not take the focus"
    assert not menu.is_visible()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")

    assert page.locator("#__drawer").is_checked()
    assert menu.is_visible()
    assert axe_violations(page) == [], "the open menu must be accessible too"
    tab_until(page, ".md-sidebar--primary a.md-nav__link", limit=20)
    box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")
    assert 0 <= box["left"] and box["right"] <= VIEWPORTS["phone"]["width"], f"focused menu link off screen: {box}"


def test_keyboard_opens_the_search_on_a_phone(phone: Page, sample_server: str) -> None:
    page = phone
    page.goto(sample_server, wait_until="networkidle")

    open_search_by_keyboard(page)
    page.keyboard.type("đối thoại")

    assert page.locator("input.md-search__input").is_visible()
    assert page.locator("input.md-search__input").input_value() == "đối thoại"
    search_results(page)
    assert axe_violations(page) == [], "the open search must be accessible too"
