"""Hostile and broken data through the real check command and the real build.

Every case of tests/fixtures/hostile-inputs/ (and the few made here: a 50 MB
file, raw invisible characters, a symbolic link) runs through ``qcdc-check``
and ``mkdocs build --strict`` of the sample site, each in a child process with
a time limit and a memory cap. Each must end with the located Vietnamese
message the editor needs, no traceback, and the published site untouched.
Valid data full of HTML, scripts and ``javascript:`` links is published, as
text that never runs and never becomes a link.

``variants.yml`` holds many variants of each class of problem (personal data in
disguise, attachment names, ids, characters, dates): each class is checked and
built once, and every variant is a test of its own. Every value the corpus says
is acceptable is built together in one site, which must publish all of it.
Git history is input too: hostile commits must be left out with a warning,
never stop the build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

import pytest
import yaml
from icalendar import Calendar
from playwright.sync_api import Browser

from macros.data.anchors import PAGE_ANCHORS, is_page_anchor
from macros.data.characters import MAX_TEXT_LENGTH
from macros.data.loading import load_site_data
from macros.data.places import model_of_file, place_in_words
from macros.data.yaml_source import read_yaml, texts
from macros.data.slugs import slugify
from macros.publications.open_data import CALENDAR_FILE, FEED_FILE
from tests.built_site import LinkChecker, html_pages, parse_page
from tests.conftest import FIXTURES, ROOT, SAMPLE, SAMPLE_DAY, Build, memory_limited, reader_text, run_mkdocs_build, serve_folder
from tests.git_repository import commit, git, init

CORPUS = FIXTURES / "hostile-inputs"
CASES: dict[str, dict] = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))
VARIANTS: dict[str, dict] = yaml.safe_load((CORPUS / "variants.yml").read_text(encoding="utf-8"))
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
    "files-folder-linked-outside": (
        lambda data: linked_elsewhere(data, f"{YEAR}/files", copy_of=SAMPLE / "data" / YEAR / "files"),
        {"file": f"{YEAR}/reports.yml", "line": 9, "field": "reports[1].attachment", "says": "trỏ ra ngoài thư mục dữ liệu"},
    ),
    "files-folder-linked-to-the-root": (
        lambda data: linked_elsewhere(data, f"{YEAR}/files", target=Path("/")),
        {"file": f"{YEAR}/files", "line": 1, "says": "trỏ ra ngoài thư mục dữ liệu"},
    ),
    "year-folder-linked-outside": (
        lambda data: linked_elsewhere(data, "years/2025-2026", copy_of=SAMPLE / "data" / "years" / "2024-2025"),
        {"file": "years/2025-2026", "line": 1, "says": "trỏ ra ngoài thư mục dữ liệu"},
    ),
    "data-file-linked-outside": (
        lambda data: linked_elsewhere(data, "legal_documents.yml", copy_of=SAMPLE / "data" / "legal_documents.yml"),
        {"file": "legal_documents.yml", "line": 1, "says": "trỏ ra ngoài thư mục dữ liệu"},
    ),
    "data-file-linked-to-a-device": (
        lambda data: linked_elsewhere(data, f"{YEAR}/reception.yml", target=Path("/dev/zero")),
        {"file": f"{YEAR}/reception.yml", "line": 1, "says": "trỏ ra ngoài thư mục dữ liệu"},
    ),
    "data-file-is-a-folder": (
        lambda data: replaced_by(data, f"{YEAR}/reports.yml", Path.mkdir),
        {"file": f"{YEAR}/reports.yml", "line": 1, "says": "phải là một tệp YAML, không phải thư mục hay thiết bị"},
    ),
    "data-file-is-a-pipe": (
        lambda data: replaced_by(data, f"{YEAR}/dialogues.yml", os.mkfifo),
        {"file": f"{YEAR}/dialogues.yml", "line": 1, "says": "không phải tệp thường (là thiết bị hoặc ống dẫn)"},
    ),
    "school-year-0000-0001": (
        lambda data: edited(data, f"{YEAR}/plan.yml", "school_year: 2023-2024", "school_year: 0000-0001"),
        {"file": f"{YEAR}/plan.yml", "line": 3, "field": "school_year", "says": "năm học ngoài khoảng hợp lý"},
    ),
    "number-of-5000-digits": (
        lambda data: edited(data, f"{YEAR}/reception.yml", "received: 3", "received: 1" + "0" * 5000),
        {"file": f"{YEAR}/reception.yml", "line": 17, "field": "figures[1].received", "says": "số quá dài"},
    ),
    "text-over-the-length-limit": (
        lambda data: edited(data, f"{YEAR}/reception.yml", "place: Phòng tiếp dân, tầng trệt", "place: " + "a" * (MAX_TEXT_LENGTH + 1)),
        {"file": f"{YEAR}/reception.yml", "line": 5, "field": "place", "says": "đoạn chữ quá dài"},
    ),
}


def linked_elsewhere(data: Path, relative: str, copy_of: Path | None = None, target: Path | None = None) -> None:
    """Put a symbolic link at ``relative`` to a copy of ``copy_of`` outside the data folder, or to ``target``."""
    path = data / relative
    if copy_of is not None:
        target = data.parent / "outside" / copy_of.name
        target.parent.mkdir(exist_ok=True)
        (shutil.copytree if copy_of.is_dir() else shutil.copy2)(copy_of, target)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    path.symlink_to(target)


def replaced_by(data: Path, relative: str, make: Callable[[Path], None]) -> None:
    (data / relative).unlink()
    make(data / relative)


def edited(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def data_texts(data: Path) -> list[tuple[tuple, str]]:
    return [item for file in sorted(data.rglob("*.yml")) for item in texts(read_yaml(file, file.name).value)]


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


# --- Many variants of each class (variants.yml) ------------------------------------------


def yaml_text(value: str) -> str:
    """``value`` as a YAML double-quoted text: what a reader cannot see is written as an escape."""
    written = []
    for character in value:
        code = ord(character)
        if character in '"\\':
            written.append("\\" + character)
        elif 0x20 <= code < 0x7F or (character.isprintable() and unicodedata.category(character) not in {"Cf", "Cn", "Cs", "Co", "Zs"}):
            written.append(character)
        else:
            written.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(written) + '"'


@dataclass(frozen=True)
class Variant:
    name: str
    number: int
    value: str
    says: str | None


def variants(refused: bool) -> list[Variant]:
    found = []
    for name, spec in VARIANTS.items():
        values = [(value, says) for says, values in spec.get("refused", {}).items() for value in values] if refused else [
            (value, None) for value in spec.get("accepted", [])
        ]
        found += [Variant(name, number, value, says) for number, (value, says) in enumerate(values, start=1)]
    return found


def write_variants(data: Path, name: str, values: list[str]) -> None:
    """Write a class's file: its head, then one item per value (see ``_placement`` for where each lands)."""
    spec = VARIANTS[name]
    items = [spec["item"].replace("{n}", str(number)).replace("{value}", yaml_text(value)) for number, value in enumerate(values, start=1)]
    (data / spec["file"]).write_text(spec["head"] + "".join(items), encoding="utf-8")


@dataclass(frozen=True)
class Run:
    check: subprocess.CompletedProcess
    build: Build
    site_untouched: bool


@pytest.fixture(scope="module")
def refused_class(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Variant], Run]:
    """Check and build a class's refused variants once (all in one file); later calls reuse the run."""
    runs: dict[str, Run] = {}

    def run(variant: Variant) -> Run:
        # A character the reader refuses stops the reading of its file: such variants run one by one.
        alone = VARIANTS[variant.name].get("one_at_a_time", False)
        key = f"{variant.name}-{variant.number}" if alone else variant.name
        if key not in runs:
            data = sample_copy(tmp_path_factory.mktemp(key))
            values = [other.value for other in variants(refused=True) if other.name == variant.name]
            if alone:  # the others stay harmless, so that each keeps its line
                values = [value if number == variant.number else "Họp phụ huynh" for number, value in enumerate(values, start=1)]
            write_variants(data, variant.name, values)
            site = data.parent / "site"
            published = last_good_site(site)
            build = run_mkdocs_build(site, data, config=SAMPLE / "mkdocs.yml", today=SAMPLE_DAY, timeout=TIME_LIMIT, memory_limit=MEMORY_LIMIT)
            runs[key] = Run(check_command(data), build, files_of(site) == published)
        return runs[key]

    return run


@pytest.mark.parametrize("variant", variants(refused=True), ids=lambda variant: f"{variant.name}-{variant.number}")
def test_every_variant_of_a_hostile_class_is_refused_by_the_check_and_the_build_alike(
    refused_class: Callable[[Variant], Run], variant: Variant
) -> None:
    run = refused_class(variant)
    spec = VARIANTS[variant.name]
    line, field = _placement(variant)
    where = f"data/{spec['file']}, dòng {line}, "
    # The place in the editor's words where the file can be read; the field's path where the
    # reader itself stops (a character it refuses), before any model can name the place.
    places = [where + place for place in (_place_in_words(variant), f"trường {field}") if place]
    for name, returncode, output in [("check", run.check.returncode, run.check.stderr), ("build", run.build.returncode, run.build.output)]:
        assert returncode not in {0, -9}, f"{name}: {returncode}\n{output}"
        assert "Traceback" not in output, f"{name}:\n{output}"
        # The place, then the field's key in brackets or the message.
        problem = next((text for text in output.splitlines() for place in places if f"{place}:" in text or f"{place} (" in text), None)
        assert problem is not None, f"{name} does not say {places!r} for {variant.value!r}:\n{output}"
        assert variant.says in problem, f"{name}: {problem}"
    assert run.site_untouched, "a refused build changed the published site"


def _place_in_words(variant: Variant) -> str | None:
    """Where a variant's message says it is, in words, computed from its file as written
    (the other variants harmless); None when plain YAML cannot read it either."""
    spec = VARIANTS[variant.name]
    count = sum(1 for other in variants(refused=True) if other.name == variant.name)
    values = [variant.value if number == variant.number else "x" for number in range(1, count + 1)]
    items = [spec["item"].replace("{n}", str(number)).replace("{value}", yaml_text(value)) for number, value in enumerate(values, start=1)]
    try:
        content = yaml.safe_load(spec["head"] + "".join(items))
    except yaml.YAMLError:
        return None
    field = _placement(variant)[1]
    location = tuple(int(part) - 1 if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field))
    return place_in_words(model_of_file(spec["file"]), content, location)


def _placement(variant: Variant) -> tuple[int, str]:
    """Line and field of a variant in its class's file, as ``write_variants`` places it."""
    spec = VARIANTS[variant.name]
    line = spec["head"].count("\n")
    item = spec["item"].replace("{n}", "0")
    value_line = next(index for index, text in enumerate(item.split("\n")) if "{value}" in text)
    line += item.count("\n") * (variant.number - 1) + value_line + 1
    return line, spec["field"].replace("{n}", str(variant.number + spec.get("counted_from", 1) - 1))


# An accepted field at the length limit, full of what the guard's patterns look at:
# it must pass, and the check must finish (the patterns read it once; no time is asserted).
AT_THE_LIMIT = ("0 1.a@b [at] 84 " * MAX_TEXT_LENGTH)[:MAX_TEXT_LENGTH]
# The lead's example: an ISO day, which YAML would have made a date object in mkdocs.yml.
ISO_TODAY = "2024-03-20"


def test_every_accepted_input_of_the_corpus_is_checked_and_built(tmp_path: Path) -> None:
    data = sample_copy(tmp_path)
    for name, spec in VARIANTS.items():
        values = [variant.value for variant in variants(refused=False) if variant.name == name]
        if name == "personal-data":
            values.append(AT_THE_LIMIT)
        if values:
            write_variants(data, name, values)
    attachments = [variant.value for variant in variants(refused=False) if variant.name == "attachment-names"]
    for number, name in enumerate(attachments, start=1):
        (data / YEAR / "files" / name).write_bytes(f"tệp đính kèm số {number}".encode())

    check = check_command(data)
    build = run_mkdocs_build(tmp_path / "site", data, config=SAMPLE / "mkdocs.yml", today=ISO_TODAY, timeout=TIME_LIMIT)

    assert check.returncode == 0, check.stderr
    assert build.returncode == 0, build.output
    dialogues = build.article_text("2023-2024/doi-thoai/")
    for variant in variants(refused=False):
        if variant.name == "personal-data":
            assert " ".join(variant.value.split()) in dialogues, variant.value
    for number, name in enumerate(attachments, start=1):
        published = build.site_dir / "2023-2024" / "bao-cao" / "tep" / name
        assert published.read_bytes() == (data / YEAR / "files" / name).read_bytes()
        links = [a["href"] for a in build.page(f"2023-2024/bao-cao/dot-xuat-{number}/").select("article a") if a["href"].endswith(name)]
        assert links == [f"../tep/{name}"], links
    # The feeds built from it are well-formed.
    ET.fromstring((build.site_dir / FEED_FILE).read_bytes())
    assert Calendar.from_ical((build.site_dir / CALENDAR_FILE).read_bytes()).walk("VEVENT")


@pytest.mark.parametrize("day", ["2024-02-30", "30/02/2024", "31/12/9999", "0000-01-01", "hôm nay", "15-06-2024", "2024-6-15"])
def test_an_impossible_day_for_the_statuses_stops_the_build_with_a_vietnamese_message(tmp_path: Path, day: str) -> None:
    build = run_mkdocs_build(tmp_path / "site", SAMPLE / "data", config=SAMPLE / "mkdocs.yml", today=day, timeout=TIME_LIMIT)

    assert build.returncode == 1
    assert "Traceback" not in build.output and "Expected type" not in build.output, build.output
    assert "Ngày tính tình trạng (today / QCDC_TODAY) không hợp lệ" in build.output


# --- Git history is input too ---------------------------------------------------------------

# Commits the site must leave out: subject (or a file they add), and the day they were made.
HOSTILE_COMMITS = {
    "phone-number": ("Gọi cô Lan 0912 345 678 để hỏi", None, None),
    "phone-in-disguise": ("Gọi cô Lan ０９１２\u200b３４５ ６７８", None, None),
    "e-mail": ("Hỏi lan.nguyen[at]gmail.com", None, None),
    "id-number": ("CCCD 0791 2345 6789 của phụ huynh", None, None),
    "bidi-override": ("Nhà trường \u202eđồng ý\u202c với kiến nghị", None, None),
    "record-separator": ("Tách\x1ebản\x1fghi", None, None),
    "bell": ("Chuông\x07", None, None),
    # Git re-encodes a subject that is not UTF-8 (as Latin-1) but never a file name.
    "file-name-not-utf-8": ("Thêm tệp", os.fsdecode(b"data/years/2023-2024/files/b\xe1o-c\xe1o.txt"), None),
    "far-future-date": ("Ngày giờ ở năm 3000", None, "@32503680000 +0700"),
    "date-beyond-the-calendar": ("Ngày giờ ở năm 318857", None, "@9999999999999 +0000"),
    "file-name-with-a-phone-number": ("Thêm tệp", "data/years/2023-2024/files/goi-0912345678.txt", None),
    "file-name-with-bidi": ("Thêm tệp", "data/years/2023-2024/files/ghi-chu-\u202etxt.exe", None),
}


@pytest.fixture(scope="module")
def hostile_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build, subprocess.CompletedProcess]:
    """A project whose data is committed, then changed by every hostile commit, then by a good one; built once."""
    project = init(tmp_path_factory.mktemp("hostile-history") / "project")
    for name in ["docs", "overrides"]:
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(SAMPLE / "data", project / "data")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    commit(project, "Dữ liệu ban đầu", "2024-01-10T09:00:00+07:00")
    school = project / "data" / "school.yml"
    for number, (case, (subject, added, when)) in enumerate(HOSTILE_COMMITS.items(), start=1):
        if added:
            (project / added).parent.mkdir(parents=True, exist_ok=True)
            (project / added).write_text("ghi chú\n", encoding="utf-8")
        else:
            school.write_text(school.read_text(encoding="utf-8") + f"# {case}\n", encoding="utf-8")
        message = project.parent / "message"
        message.write_text(subject, encoding="utf-8")
        git(project, "add", "-A")
        git(project, "commit", "-q", "--cleanup=verbatim", "-F", str(message), when=when or f"2024-02-{number:02d}T10:00:00+07:00")
    school.write_text(school.read_text(encoding="utf-8") + "# good\n", encoding="utf-8")
    commit(project, "Công bố lịch tiếp công dân", "2024-03-05T14:30:00+07:00")
    build = run_mkdocs_build(project.parent / "site", project / "data", config=project / "mkdocs.yml", today=SAMPLE_DAY, timeout=TIME_LIMIT)
    return project, build, check_command(project / "data")


def test_hostile_commits_never_stop_the_build_or_the_check(hostile_history) -> None:
    _, build, check = hostile_history

    assert build.returncode == 0, build.output
    assert check.returncode == 0, check.stderr
    assert build.output.count("Cảnh báo lịch sử git") == len(HOSTILE_COMMITS), build.output
    assert check.stdout.count("lịch sử git: lần lưu") == len(HOSTILE_COMMITS), check.stdout
    # The commits before and after the hostile ones are listed (by their day: the page
    # describes what the data became, never a commit's subject).
    history = build.article_text("lich-su/")
    assert "Ngày 05/03/2024" in history and "Ngày 10/01/2024" in history
    assert "Công bố lịch tiếp công dân" not in history
    # The far-future commit dates nothing: the page's date is the good commit's.
    assert build.page("lich-su/").select_one(".qcdc-page-facts time").get_text() == "05/03/2024"


@pytest.mark.parametrize("case", HOSTILE_COMMITS)
def test_a_commit_the_site_cannot_show_is_left_out_of_the_change_history(hostile_history, case: str) -> None:
    _, build, _ = hostile_history
    subject, added, _ = HOSTILE_COMMITS[case]
    page = build.page("lich-su/")
    text = page.get_text()

    if added:
        name = PurePosixPath(added).name
        assert name not in text and "".join(c for c in name if c.isascii() and c.isprintable()) not in text
    else:
        assert subject not in text and " ".join(subject.split()) not in reader_text(page)
    for forbidden in ["0912", "lan.nguyen", "\u202e", "\x1e", "\x1f", "\x07", "\ufffe", "\ufffd", "3000", "318857"]:
        assert forbidden not in text, forbidden


def test_every_anchor_of_the_sample_site_that_no_data_made_is_one_the_check_keeps_ids_from(sample_build: Build) -> None:
    """``macros.data.anchors`` must know every anchor the pages give their own sections."""
    site = load_site_data(SAMPLE / "data")
    ids = {role.id for role in site.school.roles} | {document.id for document in site.legal_documents}
    for year in site.years:
        ids |= {session.id for session in year.dialogues or []} | {record.id for record in year.reports or []}
        ids |= {report.id for report in year.plan.reporting.reports}
    # Headings made of data (a report's name, a plan's headings) take their slug.
    slugs = {slugify(text) for _, text in data_texts(SAMPLE / "data")}
    made_by_data = set()
    for identifier in ids:
        made_by_data |= {identifier, *(f"{prefix}-{identifier}" for prefix in ("trach-nhiem", "doi-thoai", "bao-cao", "tom-tat"))}
        made_by_data |= {f"tom-tat-{identifier}-{section}" for section in ("ket-qua", "han-che", "phuong-huong")}
    own = set()
    for path in html_pages(sample_build.site_dir):
        if path not in ("huong-dan/", "huong-dan-yaml/"):  # the guide: no id of the data is an anchor there
            own |= {element["id"] for element in parse_page(sample_build.site_dir, path).find_all(id=True)}
    own = {identifier for identifier in own if not identifier.startswith("__")} - made_by_data - slugs
    # The printout repeats pages' sections under its own prefixes, as it does the data's ids.
    own = {re.sub(r"^(?:trach-nhiem|doi-thoai|bao-cao)-(?=.)", "", identifier) if identifier not in PAGE_ANCHORS else identifier for identifier in own}
    assert own, "no anchor of the pages' own was found"
    missing = sorted(identifier for identifier in own if not is_page_anchor(identifier))
    assert missing == [], ", ".join(missing)


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
    # The duty catalogue and the records that fulfil it.
    "document", "records", "decision_date", "posted_from", "posted_until", "places", "elected_date", "confirmed_date",
    "sent_date", "reply_date", "day_off", "work_day",
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


# The printed sheets' running line is data (the school's name, the page's title) in a CSS string
# of a <style> (overrides/main.html): its text may differ, never the rules around it.
CSS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def same_shape(element) -> str:
    return CSS_STRING.sub('""', str(element)) if element.name == "style" else str(element)


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
            if [same_shape(element) for element in page.find_all(tag)] != [same_shape(element) for element in clean.find_all(tag)]:
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
