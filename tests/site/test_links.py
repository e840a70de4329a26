"""No broken link or anchor anywhere in the built real and sample sites.

Every page is parsed; every ``href`` and ``src`` must lead to a file of the
site (and, with a ``#fragment``, to an element of that page with that id),
or be an http(s), mailto or tel link, or a webcal subscription to the site's
own calendar: nothing else (``javascript:``, ``data:``, ``file:``) may ever
be produced.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import pytest

from tests.built_site import LinkChecker, html_pages, parse_page
from tests.conftest import Build


@pytest.mark.parametrize("site", ["real", "sample"])
def test_no_broken_link_or_anchor_on_any_page(request: pytest.FixtureRequest, site: str) -> None:
    build: Build = request.getfixturevalue(f"{site}_build")
    checker = LinkChecker(build)
    pages = html_pages(build.site_dir)
    assert len(pages) >= 7, pages

    problems = [problem for path in pages for problem in checker.problems(path, parse_page(build.site_dir, path))]
    checked = sum(len(parse_page(build.site_dir, path).find_all(["a", "link", "script"])) for path in pages)

    assert checked > 10 * len(pages), "too few links found: is the parsing broken?"
    assert problems == []


@pytest.mark.parametrize("site", ["real", "sample"])
def test_every_sitemap_address_is_a_page_of_the_site(request: pytest.FixtureRequest, site: str) -> None:
    build: Build = request.getfixturevalue(f"{site}_build")
    checker = LinkChecker(build)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    addresses = [loc.text for loc in ElementTree.parse(build.site_dir / "sitemap.xml").findall("s:url/s:loc", namespace)]

    assert len(addresses) >= 7
    assert [(address, checker.problem(checker.base, address)) for address in addresses if checker.problem(checker.base, address)] == []


def test_the_checker_finds_a_broken_anchor_a_missing_page_and_a_script_link(real_build: Build) -> None:
    checker = LinkChecker(real_build)
    page = urljoin(checker.base, "van-ban/")

    assert checker.problem(page, "../2023-2024/ke-hoach/") is None
    assert "no element with id" in checker.problem(page, "../2023-2024/ke-hoach/#khong-co")
    assert "no file" in checker.problem(page, "../khong-co/")
    assert "not allowed" in checker.problem(page, "javascript:alert(1)")
    assert "another site" in checker.problem(page, "webcal://elsewhere.invalid/lich.ics")
    assert "leaves the site" in checker.problem(page, "/%2E%2E/%2E%2E/etc/passwd")
