"""Lighthouse scores of the home, plan and report pages, on a phone: ``scripts/lighthouse``.

Lighthouse 12.2.3 (pinned in package.json) runs with Debian's Chromium against
the built real site (home and plan) and the sample site (a report page: the real
data has none published yet), each served on 127.0.0.1 with gzip, as any static
host serves it. It prints the four scores of each page; the exit status is 1 when
one is below 100. The scores are a check, not a timing: performance is
Lighthouse's simulation of a mid-range phone on a slow 4G network.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from macros.publications.pdf import CHROMIUM_ARGS, serve_folder
from tests.built_site import html_pages
from tests.node_tools import LIGHTHOUSE

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@dataclass(frozen=True)
class Scores:
    """One Lighthouse run: the score of each category (0–100) and the audits that cost points."""

    url: str
    scores: dict[str, int]
    failed_audits: list[str]


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with "/"
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.is_file() and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve_compressed(directory: Path) -> Iterator[str]:
    """A built site on the loopback interface, compressed like on a real host; yields its base URL."""
    with serve_folder(directory, _GzipHandler) as url:
        yield url


def lighthouse(url: str) -> Scores:
    """Run Lighthouse (mobile, its default) on one URL in a fresh Chromium profile."""
    with tempfile.TemporaryDirectory(prefix="qcdc-lighthouse-") as work:
        report = Path(work) / "report.json"
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={Path(work) / 'profile'}"]
        result = subprocess.run(
            [
                "node", str(LIGHTHOUSE), url,
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={' '.join(flags)}",
                "--output=json",
                f"--output-path={report}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stdout}\n{result.stderr}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse failed on {url}: {data['runtimeError']}")
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failed = [
        f"{name}: {audit['id']} ({audit.get('displayValue') or audit['title']})"
        for name in CATEGORIES
        for reference in data["categories"][name]["auditRefs"]
        if reference["weight"] and (audit := data["audits"][reference["id"]])["score"] is not None and audit["score"] < 1
    ]
    return Scores(url, scores, failed)


def build(site_dir: Path, *, sample: bool) -> None:
    """Build the real or the sample site into ``site_dir`` (the sample as of its fixed day)."""
    config = ROOT / "examples" / "truong-mau" / "mkdocs.yml" if sample else ROOT / "mkdocs.yml"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("QCDC_DATA_DIR", None)
    if sample:
        environment["QCDC_TODAY"] = "15/06/2024"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT, env=environment, check=True, timeout=600,
    )


def report_page(site_dir: Path) -> str:
    """The first page of a published report in a built site."""
    pages = [path for path in html_pages(site_dir) if path.count("/") == 3 and "/bao-cao/" in path]
    if not pages:
        raise RuntimeError(f"no report page in {site_dir}")
    return pages[0]


def measure(real_site: Path, sample_site: Path) -> list[Scores]:
    """Scores of the real home and plan pages and of a sample report page."""
    plan = next(path for path in html_pages(real_site) if path.endswith("/ke-hoach/"))
    with serve_compressed(real_site) as real, serve_compressed(sample_site) as sample:
        return [lighthouse(real), lighthouse(real + plan), lighthouse(sample + report_page(sample_site))]


def print_table(results: list[Scores]) -> None:
    print(f"{'page':<58}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for result in results:
        print(f"{result.url:<58}" + "".join(f"{result.scores[name]:>16}" for name in CATEGORIES))
        for audit in result.failed_audits:
            print(f"    below full marks: {audit}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=int, default=100, help="lowest acceptable score (default 100)")
    arguments = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} not found: run scripts/setup test (needs npm)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="qcdc-lighthouse-sites-") as work:
        real_site, sample_site = Path(work) / "real", Path(work) / "sample"
        build(real_site, sample=False)
        build(sample_site, sample=True)
        results = measure(real_site, sample_site)
    print_table(results)
    below = [(result.url, name, score) for result in results for name, score in result.scores.items() if score < arguments.target]
    if below:
        print(f"\n{len(below)} score(s) below {arguments.target}.")
        return 1
    print(f"\nEvery score is at least {arguments.target}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
