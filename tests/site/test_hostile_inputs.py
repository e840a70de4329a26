"""Hostile and broken data through the real check command and the real build.

Every case of tests/fixtures/hostile-inputs/ (and the few made here: a 50 MB
file, raw invisible characters, a symbolic link) runs through ``qcdc-check``
and ``mkdocs build --strict`` of the sample site, each in a child process with
a time limit and a memory cap. Each must end with the located Vietnamese
message the editor needs, no traceback, and the published site untouched.
Valid data full of HTML, scripts and ``javascript:`` links is published, as
text that never runs and never becomes a link.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Browser

from tests.built_site import LinkChecker, html_pages, parse_page
from tests.conftest import FIXTURES, SAMPLE, SAMPLE_DAY, Build, memory_limited, reader_text, run_mkdocs_build, serve_folder

CORPUS = FIXTURES / "hostile-inputs"
CASES: dict[str, dict] = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))
YEAR = "years/2023-2024"
# Far above what checking or building the sample needs (under 100 MB), far below what
# following an alias bomb or reading a huge file whole would take.
MEMORY_LIMIT = 1024**3
TIME_LIMIT = 120
COMMAND_RAN = Path("/tmp/qcdc-hostile-input-ran")


def huge_file(data: Path) -> None:
    """A 50 MB reports file: one short valid head, then comment lines."""
    line = "# " + "x" * 98 + "\n"
    with (data / YEAR / "reports.yml").open("w", encoding="utf-8") as file:
        file.write("reports: []\n")
        for _ in range(50 * 1024 * 1024 // len(line)):
            file.write(line)


def raw_character(character: str) -> Callable[[Path], None]:
    def write(data: Path) -> None:
        (data / YEAR / "dialogues.yml").write_text(
            "sessions:\n  - id: doi-thoai-hk1\n    duty: doi-thoai-dinh-ky\n    status: held\n"
            f"    date: 20/10/2023\n    place: Hội trường {character}nhà trường\n",
            encoding="utf-8",
        )

    return write


def symbolic_link_attachment(data: Path) -> None:
    (data / YEAR / "files" / "bao-cao-that.pdf").symlink_to("/etc/passwd")
    (data / YEAR / "reports.yml").write_text(
        "reports:\n  - id: bao-cao-quy-1\n    submitted: true\n    submitted_date: 12/12/2023\n"
        "    attachment: bao-cao-that.pdf\n",
        encoding="utf-8",
    )


MADE_HERE: dict[str, tuple[Callable[[Path], None], dict]] = {
    "file-of-50-mb": (huge_file, {"file": f"{YEAR}/reports.yml", "line": 1, "says": "tệp quá lớn"}),
    "raw-control-character": (
        raw_character("\x1b"),
        {"file": f"{YEAR}/dialogues.yml", "line": 6, "says": "mã U+001B"},
    ),
    "raw-bidi-override": (
        raw_character("\u202e"),
        {"file": f"{YEAR}/dialogues.yml", "line": 6, "field": "sessions[1].place", "says": "mã U+202E"},
    ),
    "attachment-linked-outside": (
        symbolic_link_attachment,
        {"file": f"{YEAR}/reports.yml", "line": 5, "field": "reports[1].attachment", "says": "symlink"},
    ),
}


def sample_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "data", data, symlinks=True)
    return data


def check_command(data: Path) -> subprocess.CompletedProcess:
    """The real ``qcdc-check`` console script (what ``scripts/check`` runs)."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "qcdc-check"), str(data)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=memory_limited(MEMORY_LIMIT),
    )


def last_good_site(site: Path) -> dict[str, bytes]:
    """Put a previously published site in place; return its files' contents."""
    (site / "van-ban").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Trang đã đăng</title>", encoding="utf-8")
    (site / "van-ban" / "index.html").write_text("<!doctype html><title>Văn bản</title>", encoding="utf-8")
    return files_of(site)


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def expected_line(expected: dict) -> str:
    return f"data/{expected['file']}, dòng {expected['line']}"


def is_located_at(problem: str, expected: dict) -> bool:
    """The problem's file and line, and its field: in words ending with the key the editor
    sees in the file ("… → ngày tổ chức (date):"), or as the key path ("trường sessions[1].date:")."""
    where = expected_line(expected)
    if f"{where}," not in problem and f"{where}:" not in problem:
        return False
    if "field" not in expected:
        return True
    key = expected["field"].rsplit(".", 1)[-1].split("[")[0]
    return f"({key}):" in problem or f"trường {key}:" in problem or f"trường {expected['field']}:" in problem


@pytest.mark.parametrize("case", [*CASES, *MADE_HERE])
def test_hostile_input_is_refused_with_a_located_message_and_nothing_is_published(tmp_path: Path, case: str) -> None:
    data = sample_copy(tmp_path)
    if case in CASES:
        shutil.copytree(CORPUS / case, data, dirs_exist_ok=True)
        expected = CASES[case]
    else:
        make, expected = MADE_HERE[case]
        make(data)
    COMMAND_RAN.unlink(missing_ok=True)

    check = check_command(data)
    site = tmp_path / "site"
    published = last_good_site(site)
    build = run_mkdocs_build(
        site, data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY, timeout=TIME_LIMIT, memory_limit=MEMORY_LIMIT
    )

    for name, returncode, output in [("check", check.returncode, check.stdout + check.stderr), ("build", build.returncode, build.output)]:
        assert returncode not in {0, -9}, f"{name}: {returncode}\n{output}"
        assert "Traceback" not in output and "MemoryError" not in output, f"{name}:\n{output}"
        lines = [line for line in output.splitlines() if is_located_at(line, expected) and expected["says"] in line]
        assert lines, f"{name} does not say {expected_line(expected)!r} … {expected['says']!r}:\n{output}"
    assert check.returncode == 1
    assert "trang web chưa được cập nhật" in check.stderr
    assert files_of(site) == published, "a refused build changed the published site"
    assert not COMMAND_RAN.exists(), "a command written in the data ran"


def hostile_text(text: str) -> str:
    return (
        f"{text} <script>window.qcdcPwned = true</script><img src=x onerror=\"window.qcdcPwned = true\">"
        " [bấm vào đây](javascript:window.qcdcPwned=true) <a href=\"javascript:window.qcdcPwned = true\">liên kết</a>"
        " {{ config.site_name }} {% if true %}jinja{% endif %} <style>body{display:none}</style>"
    )


# Values that must stay as they are for the data to stay valid: ids and references,
# choices, dates and times, attached files, the contacts that other texts repeat, and
# quotes, which must stay words of their paragraph.
STRUCTURAL_KEYS = {
    "id", "duty", "owner", "chair", "kind", "status", "date", "due_date", "submitted_date", "time",
    "school_year", "start_date", "end_date", "cites", "legal_basis", "receivers", "attachment", "quote", "value",
}


def poisoned(value: object, key: str | None = None) -> object:
    """Every free text of a parsed data file, with hostile markup appended."""
    if isinstance(value, dict):
        return {name: poisoned(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [poisoned(item, key) for item in value]
    if isinstance(value, str) and key not in STRUCTURAL_KEYS:
        return hostile_text(value)
    return value


@pytest.fixture(scope="module")
def hostile_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    """The sample data with hostile markup in every text, and its build."""
    data = sample_copy(tmp_path_factory.mktemp("hostile-sample"))
    for file in sorted(data.rglob("*.yml")):
        value = poisoned(yaml.safe_load(file.read_text(encoding="utf-8")))
        if file.name == "school.yml":
            value["public_contacts"].append({"kind": "website", "value": "javascript:window.qcdcPwned=true"})
        if file.name == "reception.yml":
            value["channels"].append({"kind": "website", "detail": "javascript:window.qcdcPwned=true"})
        file.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = run_mkdocs_build(tmp_path_factory.mktemp("hostile-sample-site") / "site", data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY)
    return data, build


def test_markup_in_every_text_field_passes_the_check_and_is_published(hostile_sample: tuple[Path, Build]) -> None:
    data, build = hostile_sample
    check = check_command(data)

    assert check.returncode == 0, check.stderr
    assert build.returncode == 0, build.output
    home = reader_text(build.page("").select_one("article"))
    assert "<script>window.qcdcPwned = true</script>" in home, "hostile text must be shown as text, not dropped"
    assert "javascript:window.qcdcPwned=true" in home
    assert "{{ config.site_name }}" in home


def test_markup_in_data_adds_no_script_handler_style_or_link_to_any_page(
    hostile_sample: tuple[Path, Build], sample_build: Build
) -> None:
    _, build = hostile_sample
    pages, clean_pages = html_pages(build.site_dir), html_pages(sample_build.site_dir)
    # Longer texts may carry the whole-year printout's summaries over to parts (pages of at most
    # 60 KiB): those are compared with a clean page as deep in the site, for the theme's own elements.
    extra = [path for path in pages if path not in clean_pages]
    assert set(clean_pages) <= set(pages) and all(re.fullmatch(r"\d{4}-\d{4}/in-ca-nam/\d+/", path) for path in extra), extra
    as_deep = "2023-2024/bao-cao/bao-cao-quy-1/"
    checker = LinkChecker(build)
    found = []
    for path in pages:
        page, clean = parse_page(build.site_dir, path), parse_page(sample_build.site_dir, path if path in clean_pages else as_deep)
        for tag in ("script", "style", "img", "iframe", "object", "embed"):
            if [str(element) for element in page.find_all(tag)] != [str(element) for element in clean.find_all(tag)]:
                found.append(f"/{path}: <{tag}> elements differ from the clean sample's")
        found += [f"/{path}: {element.name} has {attribute}" for element in page.find_all(True) for attribute in element.attrs if attribute.lower().startswith("on")]
        found += checker.problems(path, page)
    assert found == []


def test_no_script_from_the_data_runs_in_a_browser_even_in_search_results(browser: Browser, hostile_sample: tuple[Path, Build]) -> None:
    _, build = hostile_sample
    with serve_folder(build.site_dir) as server:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in html_pages(build.site_dir):
            page.goto(urljoin(server, path), wait_until="networkidle")
            assert page.evaluate("() => window.qcdcPwned") is None, f"/{path}: a script from the data ran"
            assert page.locator("article").first.is_visible(), f"/{path}: a style from the data hid the page"
        page.goto(server, wait_until="networkidle")
        page.locator("input.md-search__input").fill("bấm vào đây")
        # The search index is built in a worker when the page opens: slow on a busy machine.
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=120_000)
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.qcdcPwned") is None, "a script from the data ran in the search results"
        assert dialogs == []
