"""``mkdocs serve`` rebuilds on changes to data/ and macros/, and runs changed Python code without a restart.

A real ``mkdocs serve`` runs on a private copy of the project; the copy's
files are edited and its pages fetched again over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT

# Upper bound of the wait for one rebuild: generous, since the machine may be busy; never asserted on.
REBUILD_WAIT_SECONDS = 120


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the project served by ``mkdocs serve``; yields the copy and the server's address."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ["docs", "overrides", "data", "macros"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QCDC_DATA_DIR": "data"}
    # "python -m" puts the copy first on the import path: the copy's macros/ is the one served.
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    address = f"http://127.0.0.1:{port}/"
    try:
        wait_for(address + "van-ban/", "Văn bản pháp lý", server)
        yield project, address
    finally:
        server.terminate()
        server.communicate(timeout=60)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen | None = None) -> str:
    """The page once it contains ``text``; fails with the page as it stayed if it never does."""
    deadline = time.monotonic() + REBUILD_WAIT_SECONDS
    page = ""
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            pytest.fail("mkdocs serve stopped:\n" + server.communicate()[0])
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    pytest.fail(f"{url} never showed {text!r}; it shows:\n{page[:2000]}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_change_to_the_data_is_served_without_a_restart(served) -> None:
    project, address = served
    edit(project / "data" / "legal_documents.yml", "title: null", "title: về tăng cường giám sát (vừa sửa)")

    assert "về tăng cường giám sát (vừa sửa)" in wait_for(address + "van-ban/", "(vừa sửa)")


def test_a_change_to_the_python_code_is_served_without_a_restart(served) -> None:
    project, address = served
    assert "chưa biết" not in fetch(address + "van-ban/")

    # A module the plugin and the macros import, and the plugin's own module.
    edit(project / "macros" / "pages" / "rendering.py", 'UNKNOWN = "chưa rõ"', 'UNKNOWN = "chưa biết"')
    edit(project / "macros" / "plugin" / "page_facts.py", "            updated=moment.date() if moment else None,",
         "            updated=None,")

    page = wait_for(address + "van-ban/", "chưa biết")
    assert "Nội dung cập nhật lần cuối" not in page
    # Later edits keep working: every rebuild starts from the current code.
    edit(project / "macros" / "pages" / "rendering.py", 'UNKNOWN = "chưa biết"', 'UNKNOWN = "không rõ"')
    assert "chưa biết" not in wait_for(address + "van-ban/", "không rõ")


def test_broken_data_shows_its_problems_in_the_browser_until_it_is_fixed(served, page: Page) -> None:
    project, address = served
    plan = project / "data" / "years" / "2023-2024" / "plan.yml"
    page.goto(address + "2023-2024/ke-hoach/")
    assert page.locator("h1").first.inner_text().startswith("Kế hoạch")

    edit(plan, "\ntitle:", "\ntittle:")

    # The open page reloads by itself and shows what the build would print.
    problems = page.locator("#qcdc-data-problems")
    problems.wait_for(timeout=REBUILD_WAIT_SECONDS * 1000)
    assert problems.inner_text() == "Dữ liệu có 2 lỗi, trang xem thử chưa dựng được:"
    listed = page.locator("main li").all_inner_texts()
    assert any(line.startswith("data/years/2023-2024/plan.yml, dòng") and "có phải ý bạn là 'title'?" in line for line in listed), listed
    assert len(listed) == 2
    # Every address answers with the same list, at once: nothing hangs.
    for path in ["", "van-ban/", "2023-2024/trach-nhiem/", "khong-co-trang-nay/", "assets/qcdc.css"]:
        assert "có phải ý bạn là &#x27;title&#x27;?" in fetch(address + path), path

    edit(plan, "\ntittle:", "\ntitle:")

    # Fixed: live reload brings the page back.
    page.locator("article h1").first.wait_for(timeout=REBUILD_WAIT_SECONDS * 1000)
    assert page.url == address + "2023-2024/ke-hoach/"
    assert page.locator("#qcdc-data-problems").count() == 0
    assert page.locator("article h1").first.inner_text().startswith("Kế hoạch")
