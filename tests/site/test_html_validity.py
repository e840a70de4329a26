"""Every HTML page of the real and the sample sites passes the Nu Html Checker.

The checker (npm ``vnu-jar``, pinned in package.json) runs with the machine's
Java over all pages at once, with no message filter: any error fails.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.built_site import html_pages, page_file
from tests.conftest import Build, require_tool
from tests.node_tools import INSTALL_HINT, VNU_JAR, java

FAILING = {"error", "non-document-error"}


def nu_html_checker(files: list[str]) -> list[dict]:
    """The checker's messages on the files (errors, warnings and notes)."""
    require_tool(java() is not None, "java not found: install a Java runtime (Debian: default-jre-headless)")
    require_tool(VNU_JAR.is_file(), f"{VNU_JAR} not found: {INSTALL_HINT}")
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr)["messages"]


@pytest.mark.parametrize("site", ["real", "sample"])
def test_every_page_is_valid_html(request: pytest.FixtureRequest, site: str) -> None:
    build: Build = request.getfixturevalue(f"{site}_build")
    files = [str(page_file(build.site_dir, path)) for path in html_pages(build.site_dir)]
    assert len(files) >= 7, files

    messages = nu_html_checker(files)

    errors = [
        f"{message.get('url', '').removeprefix('file:')}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] in FAILING
    ]
    assert errors == []


def test_the_checker_does_report_invalid_html(tmp_path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="vi"><title>x</title><p><input type="checkbox" autocomplete="off"></html>')

    messages = nu_html_checker([str(broken)])

    assert any(message["type"] == "error" and "autocomplete" in message["message"] for message in messages), messages
