"""Shared fixtures: real builds of real sites, and a real headless Chromium."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from macros.data.models import Plan, SiteData
# The browser tests run Chromium as the PDF command does, and serve sites with its server.
from macros.publications.pdf import CHROMIUM, CHROMIUM_ARGS, serve_folder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL_DATA = ROOT / "data"
SAMPLE = ROOT / "examples" / "truong-mau"
SAMPLE_DAY = "15/06/2024"


def in_ci() -> bool:
    """Whether the CI variable is set: there, a missing tool fails the tests instead of skipping them."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require_tool(available: bool, message: str) -> None:
    """Skip a test whose tool is missing on a user's machine; fail it in CI."""
    if not available:
        if in_ci():
            pytest.fail(f"CI is set but {message}")
        pytest.skip(message)


@dataclass
class Build:
    """The outcome of one ``mkdocs build``: exit status, output and the site folder."""

    returncode: int
    output: str
    site_dir: Path

    def page(self, url_path: str) -> BeautifulSoup:
        """The parsed HTML of a page, by its URL path (``2023-2024/ke-hoach/``)."""
        path = self.site_dir / url_path.strip("/") / "index.html" if url_path.strip("/") else self.site_dir / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def article_text(self, url_path: str) -> str:
        """What a reader reads in a page's main content (see ``reader_text``)."""
        return reader_text(self.page(url_path).select_one("article"))


def memory_limited(limit_bytes: int | None):
    """A ``preexec_fn`` that caps a child process's memory, or None for no cap."""
    if limit_bytes is None:
        return None

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return apply


def run_mkdocs_build(
    site_dir: Path,
    data_dir: Path = REAL_DATA,
    *extra: str,
    config: Path = ROOT / "mkdocs.yml",
    today: str | None = None,
    timeout: int = 300,
    memory_limit: int | None = None,
) -> Build:
    """Run the real ``mkdocs build --strict`` of a site of this project, on the given data."""
    environment = {**os.environ, "QCDC_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("QCDC_TODAY", None)
    if today:
        environment["QCDC_TODAY"] = today
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=memory_limited(memory_limit),
    )
    return Build(result.returncode, result.stdout + result.stderr, site_dir)


def reader_text(element) -> str:
    """The text a reader sees in an element, whitespace folded, without the ¶ permalinks."""
    parts = [text for text in element.find_all(string=True) if not text.find_parent(class_="headerlink")]
    return " ".join(" ".join(parts).split())


GATE_SITE = "QCDC_GATE_SITE"
"""Set by the publish gate (scripts/gate): the folder of the built site it is about to publish."""


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once for the whole test session; under the publish gate, the site it publishes."""
    if os.environ.get(GATE_SITE):
        return Build(0, "", Path(os.environ[GATE_SITE]).resolve())
    build = run_mkdocs_build(tmp_path_factory.mktemp("real") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample site, built once, with statuses as of ``SAMPLE_DAY``."""
    build = run_mkdocs_build(
        tmp_path_factory.mktemp("sample") / "site", SAMPLE / "data", config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY
    )
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def real_site() -> SiteData:
    return load_site_data(REAL_DATA)


@pytest.fixture(scope="session")
def real_plan(real_site: SiteData) -> Plan:
    return real_site.plan("2023-2024")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the real data folder, for tests that break it on purpose."""
    copy = tmp_path / "data"
    shutil.copytree(REAL_DATA, copy)
    return copy


# --- A real browser -------------------------------------------------------------


@contextmanager
def serve_built_site(build: Build) -> Iterator[str]:
    """Serve a built site on the loopback interface at the path of its address; yields its base URL.

    A site built for publication at https://host/qcdc/ has root-relative links (its 404 page:
    "/qcdc/assets/…"): it is served under /qcdc/ too, so that they lead where they will online.
    """
    canonical = BeautifulSoup((build.site_dir / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "link[rel=canonical]"
    )
    prefix = urlsplit(canonical["href"]).path.strip("/") if canonical else ""
    if not prefix:
        with serve_folder(build.site_dir) as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as root:
        served = Path(root, *prefix.split("/"))
        served.parent.mkdir(parents=True, exist_ok=True)
        served.symlink_to(build.site_dir.resolve(), target_is_directory=True)
        with serve_folder(Path(root)) as url:
            yield f"{url}{prefix}/"


@pytest.fixture(scope="session")
def site_server(real_build: Build) -> Iterator[str]:
    """The real site served on the loopback interface; yields its base URL."""
    with serve_built_site(real_build) as url:
        yield url


@pytest.fixture(scope="session")
def sample_server(sample_build: Build) -> Iterator[str]:
    """The sample site served on the loopback interface; yields its base URL."""
    with serve_built_site(sample_build) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options, pointed at Debian's Chromium (no browser download)."""
    require_tool(CHROMIUM.exists(), f"{CHROMIUM} not found: browser tests skipped (install Debian's chromium to run them)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site_server: str) -> str:
    """pytest-playwright's base URL: the served real site, so ``page.goto("van-ban/")`` works.

    Also replaces pytest-playwright's own fallback fixture, which pytest 9 warns about.
    """
    return site_server
