"""The pages of a built site, found in its folder so that pages added later are covered too."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def html_pages(site_dir: Path) -> list[str]:
    """URL paths of every HTML page of a built site, relative to its root: ``""``, ``van-ban/``, ``404.html``."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        paths.append(relative.removesuffix("index.html") if file.name == "index.html" else relative)
    return paths


def page_file(site_dir: Path, url_path: str) -> Path:
    """The file a URL path of the site is served from."""
    return site_dir / (url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path)


def parse_page(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site_dir, url_path).read_text(encoding="utf-8"), "html.parser")
