"""The pages of a built site and their links, found in its folder so that pages added later are covered too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

if TYPE_CHECKING:
    from tests.conftest import Build


# The form editor (/bien-tap/) is the CMS's own page, not a page for readers: tests/site/test_editor.py covers it.
EDITOR_FOLDER = "bien-tap"


def html_pages(site_dir: Path) -> list[str]:
    """URL paths of every reader's HTML page of a built site, relative to its root: ``""``, ``van-ban/``, ``404.html``."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative.startswith(EDITOR_FOLDER + "/"):
            continue
        paths.append(relative.removesuffix("index.html") if file.name == "index.html" else relative)
    return paths


def table_row(element: Tag) -> dict[str, str]:
    """The table row holding ``element``: what a reader reads in each cell, by column heading."""
    from tests.conftest import reader_text  # not at the top: benchmarks/build_benchmark.py uses this module outside pytest

    row = element.find_parent("tr")
    assert row is not None, f"{element} is not in a table row"
    headings = [reader_text(heading) for heading in row.find_parent("table").select("thead th")]
    return dict(zip(headings, [reader_text(cell) for cell in row.select("td")], strict=True))


def page_file(site_dir: Path, url_path: str) -> Path:
    """The file a URL path of the site is served from."""
    return site_dir / (url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path)


def parse_page(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site_dir, url_path).read_text(encoding="utf-8"), "html.parser")


LINKING_ATTRIBUTES = {
    "a": "href", "link": "href", "area": "href", "form": "action",
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
}
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
        if target.scheme == "webcal":
            # A calendar subscription: allowed to the site's own feeds only.
            target = target._replace(scheme=urlsplit(self.base).scheme)
            if not (target.geturl() + "/").startswith(self.base):
                return "webcal link to another site"
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
