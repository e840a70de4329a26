"""Helpers of the open data and feed tests: the data as its YAML files say it, and the built site's URLs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from macros.data.yaml_source import read_yaml
from tests.conftest import Build

SITE_URL = "http://127.0.0.1:8000/"
"""The site's address in test builds (mkdocs.yml's default for QCDC_SITE_URL)."""

_VIETNAMESE_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def raw(path: Path) -> object:
    """A data file as the editor wrote it: plain values, dates still text."""
    return read_yaml(path, path.name).value


def iso(text: str | None) -> str | None:
    """An editor's date (25/02/2023) in ISO 8601 (2023-02-25)."""
    if text is None:
        return None
    day, month, year = _VIETNAMESE_DATE.match(text).groups()
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def is_date(value: object) -> bool:
    return isinstance(value, str) and _VIETNAMESE_DATE.match(value) is not None


def target_of(build: Build, url: str) -> Path:
    """The built file an absolute URL of the site points to; fails when the site has no such file or anchor."""
    assert url.startswith(SITE_URL), url
    address = urlsplit(url)
    relative = address.path.removeprefix(urlsplit(SITE_URL).path)
    path = build.site_dir / relative
    if relative == "" or relative.endswith("/"):
        path = path / "index.html"
    assert path.is_file(), f"{url}: no such file in the built site"
    if address.fragment:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.find(id=address.fragment) is not None, f"{url}: no such anchor"
    return path
