"""No broken link or anchor anywhere in the built real and sample sites.

Every page is parsed; every ``href`` and ``src`` must lead to a file of the
site (and, with a ``#fragment``, to an element of that page with that id),
or be an http(s), mailto or tel link: nothing else (``javascript:``, ``data:``,
``file:``) may ever be produced.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.built_site import html_pages, parse_page
from tests.conftest import Build

LINKING_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "form": "action"}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def site_url(build: Build) -> str:
    """The address the site is built for: the canonical link of its home page."""
    canonical = parse_page(build.site_dir, "").find("link", rel="canonical")
    assert canonical is not None, "the home page has no canonical link"
    return canonical["href"]


class LinkChecker:
    """Resolves the links of one built site and remembers the ids of its pages."""

    def __init__(self, build: Build) -> None:
        self.site_dir = build.site_dir
        self.base = site_url(build)
        self._ids: dict[Path, set[str]] = {}

    def problems(self, url_path: str, soup: BeautifulSoup) -> list[str]:
        page_url = urljoin(self.base, url_path)
        found = []
        for tag, attribute in LINKING_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value is not None:
                    if problem := self.problem(page_url, value.strip()):
                        found.append(f"/{url_path}: {tag} {attribute}={value!r}: {problem}")
        return found

    def problem(self, page_url: str, link: str) -> str | None:
        target = urlsplit(urljoin(page_url, link))
        if target.scheme not in ALLOWED_SCHEMES:
            return f"scheme {target.scheme!r} is not allowed"
        if target.scheme not in {"http", "https"} or not (target.geturl() + "/").startswith(self.base):
            return None  # mailto, tel, or another site: not ours to check
        relative = unquote(target.path)[len(urlsplit(self.base).path):]
        file = self.site_dir / relative
        if relative == "" or relative.endswith("/") or file.is_dir():
            file = file / "index.html"
        if not file.resolve().is_relative_to(self.site_dir.resolve()):
            return "leaves the site"
        if not file.is_file():
            return f"no file {file.relative_to(self.site_dir)}"
        if target.fragment and unquote(target.fragment) not in self.ids(file):
            return f"no element with id {unquote(target.fragment)!r} in {file.relative_to(self.site_dir)}"
        return None

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.suffix == ".html" else None
            self._ids[file] = set() if soup is None else {
                value for element in soup.find_all(True) for value in (element.get("id"), element.get("name")) if value
            }
        return self._ids[file]


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
    assert "leaves the site" in checker.problem(page, "/%2E%2E/%2E%2E/etc/passwd")
