"""The reader's navigation: what a parent needs first, the editors' material in its own corner.

MkDocs would list the pages in alphabetical order of their files, with the running
year's plan two taps deep below the editor's guide. The navigation is built here
instead, from the pages MkDocs found: the leading year's pages at the top level (a
section would put them one tap deeper in a phone's menu) in the order a reader needs
them, each label naming the year, then the school-wide pages, then a labelled editors'
corner. Other years stay one tap away through each page's year switcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..pages.rendering import LEGAL_DOCUMENTS_PAGE, OPEN_DATA_PAGE, RECEPTION_PAGE, year_page

EDITORS_CORNER = "Góc biên tập"
# The reader's order: what the plan says, who does it, then what was done.
YEAR_PAGES_IN_ORDER = ["plan", "responsibilities", "dialogues", "reports", "duties", "printout"]
SCHOOL_PAGES = [RECEPTION_PAGE, LEGAL_DOCUMENTS_PAGE]
# Pages for the people who keep the site up to date; the form editor (bien-tap) when there is one.
EDITOR_PAGES = ["huong-dan.md", "huong-dan-yaml.md", "bien-tap.md", "bien-tap/index.md", "lich-su.md", OPEN_DATA_PAGE]
# Short labels in the navigation, followed by the year (a past year's pages are never taken for current ones).
NAV_TITLES = {
    "plan": "Kế hoạch",
    "responsibilities": "Trách nhiệm",
    "dialogues": "Đối thoại",
    "reports": "Báo cáo",
    "duties": "Nghĩa vụ",
    "printout": "Bản in cả năm",
}


def reader_navigation(nav: Navigation, school_year: str) -> Navigation:
    """Rearrange ``nav`` in place: home, the year's pages, school pages, then the editors' corner."""
    pages = {page.file.src_uri: page for page in _pages(nav.items)}
    year_items = [
        _titled(pages.pop(year_page(school_year, name)), f"{NAV_TITLES[name]} {school_year}")
        for name in YEAR_PAGES_IN_ORDER
        if year_page(school_year, name) in pages
    ]
    top = [pages.pop("index.md")] if "index.md" in pages else []
    school = [pages.pop(name) for name in SCHOOL_PAGES if name in pages]
    editors = [pages.pop(name) for name in EDITOR_PAGES if name in pages]
    # Anything else a later change adds to docs/ is listed for readers, never lost.
    rest = [page for uri, page in pages.items() if not uri.startswith(school_year + "/")]
    items: list = [*top, *year_items, *school, *rest]
    for page in items:
        page.parent = None
    if editors:
        corner = Section(EDITORS_CORNER, editors)
        for page in editors:
            page.parent = corner
        items.append(corner)
    nav.items = items
    return nav


def editor_pages(nav: Navigation) -> list[Page]:
    """The editors' corner's pages, for the footer's links."""
    corner = next((item for item in nav.items if isinstance(item, Section) and item.title == EDITORS_CORNER), None)
    return [] if corner is None else [child for child in corner.children if isinstance(child, Page)]


def _titled(page: Page, title: str) -> Page:
    # The navigation's label only (Material's nav-item.html prints ``typeset.title`` in place of
    # the title): the page keeps its full title in its heading, <title> and the search results.
    page.typeset = {"title": title}
    return page


def _pages(items: Iterable[object]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
