"""Build benchmark: what the site's macros, data loading and validation cost, and what readers download.

Builds, each with the real ``mkdocs build --strict``:

(a) the real site (data/);
(b) a plain Material site with the same pages' text, navigation and Markdown
    extensions but no macros and no qcdc plugin: the Markdown twin has each page's
    Markdown as (a)'s macros made it (the same site written by hand); the HTML
    twin has each built article as HTML under Markdown headings (it also skips
    converting the pages' Markdown, so it shows what Markdown itself costs);
(c) synthetic data of 1, 10 and 30 school years × 50 published reports each,
    made from the sample school's data, and for each the plain site made from it.

Prints build times, the ratio of each site to its plain twin, the cost per page,
total and per-page bytes of HTML (raw and gzip), the home page's first load in
Chromium (gzip), and how many times each build loaded and checked the data.
Not a test: timings depend on the machine. Run ``benchmarks/run`` and record the
output in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.publications.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.built_site import html_pages, page_file  # noqa: E402
from tests.lighthouse import serve_compressed  # noqa: E402

SAMPLE = ROOT / "examples" / "truong-mau"
SAMPLE_YEAR = "2023-2024"
SAMPLE_DAY = "15/06/2024"
REPORTS_PER_YEAR = 50
LOADED_ONCE = "Đã đọc và kiểm tra dữ liệu"
FIRST_LOAD_KINDS = {"document", "stylesheet", "script", "font"}

TARGET_RATIO_REAL = 1.5
TARGET_RATIO_30_YEARS = 1.10
TARGET_PAGE_BYTES = 60 * 1024
TARGET_FIRST_LOAD_GZIP = 80 * 1024


@dataclass
class Build:
    name: str
    site_dir: Path
    seconds: list[float]
    """Wall-clock time of each build."""
    cpu_seconds: list[float]
    """Processor time of each build (user and system, with git and other child processes)."""
    output: str

    @property
    def best(self) -> float:
        """The least processor time: what the build costs, even while other work shares the machine."""
        return min(self.cpu_seconds)

    @property
    def best_wall(self) -> float:
        return min(self.seconds)

    @property
    def pages(self) -> list[str]:
        return [path for path in html_pages(self.site_dir) if path != "404.html"]

    def page_sizes(self) -> list[tuple[str, int, int]]:
        sizes = []
        for path in self.pages:
            raw = page_file(self.site_dir, path).read_bytes()
            sizes.append((path, len(raw), len(gzip.compress(raw, mtime=0))))
        return sizes


def mkdocs_build(name: str, config: Path, site_dir: Path, repeat: int, environment: dict[str, str]) -> Build:
    """Build ``repeat`` times (the best time counts: the others are the same work with more noise)."""
    seconds, cpu_seconds, output = [], [], ""
    for _ in range(repeat):
        shutil.rmtree(site_dir, ignore_errors=True)
        started, cpu_started = time.perf_counter(), _children_cpu()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}, capture_output=True, text=True,
        )
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(_children_cpu() - cpu_started)
        output = result.stdout + result.stderr
        if result.returncode != 0:
            raise SystemExit(f"{name}: build failed\n{output}")
    return Build(name, site_dir, seconds, cpu_seconds, output)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- (b) the plain twin of a built site -------------------------------------------


def plain_twin(built: Path, work: Path, site_name: str, sources: dict[str, tuple[str, str]] | None = None) -> Path:
    """A plain Material project with the built site's pages, navigation and Markdown extensions; returns its mkdocs.yml.

    With ``sources`` (site path → docs path and Markdown, from ``markdown_after_macros``) each
    page is the Markdown the macros made, at its own docs path, beside the site's other files:
    the same site written by hand. Without, each page is its built article as HTML under
    Markdown headings: that twin also skips converting the pages' Markdown.
    """
    docs = work / "docs"
    home = BeautifulSoup(page_file(built, "").read_text(encoding="utf-8"), "html.parser")

    def docs_path(path: str) -> str:
        return sources[path][0] if sources is not None else path + "index.md"

    for path in html_pages(built):
        if path == "404.html":
            continue
        source = docs / docs_path(path)
        source.parent.mkdir(parents=True, exist_ok=True)
        markdown = sources[path][1] if sources is not None else _page_markdown(page_file(built, path))
        source.write_text(markdown, encoding="utf-8")
    if sources is not None:
        _copy_downloads(built, docs)
    for asset in ("assets/qcdc.css",):
        (docs / asset).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / asset, docs / asset)
    lenient = {"not_found": "info", "absolute_links": "info", "unrecognized_links": "info", "anchors": "info"}
    config = {
        "site_name": site_name,
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": str(docs),
        "strict": True,
        "theme": {"name": "material", "language": "vi", "font": False,
                  "features": ["navigation.sections", "navigation.top", "search.highlight"],
                  "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"}},
        "extra_css": ["assets/qcdc.css"],
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", "tables", {"toc": {"permalink": True}}],
        "nav": _nav(home.select_one("nav.md-nav--primary > ul"), docs_path),
        # Pages outside the navigation are simply left out of it (listing them in not_in_nav
        # would make MkDocs match every file against every line: slower as the site grows).
        "validation": {"links": lenient, "nav": {"omitted_files": "info", "not_found": "warn"}},
        "extra": {"generator": False},
    }
    mkdocs_yml = work / "mkdocs.yml"
    mkdocs_yml.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return mkdocs_yml


def _copy_downloads(built: Path, docs: Path) -> None:
    """The site's own files that pages link to (JSON, CSV, calendar, feed, attachments), where the pages expect them."""
    for file in built.rglob("*"):
        relative = file.relative_to(built)
        if file.is_file() and file.suffix != ".html" and relative.parts[0] not in {"assets", "search"} and not relative.name.startswith("sitemap"):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, docs / relative)


def markdown_after_macros(config: Path, environment: dict[str, str], site_dir: Path) -> dict[str, tuple[str, str]]:
    """Build the site once, in this process, keeping each page's Markdown as the macros left it.

    Returns site path → (docs path, Markdown with the page's title in front matter).
    """
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        keeper = _MarkdownKeeper()
        mkdocs_config = load_config(str(config), site_dir=str(site_dir))
        mkdocs_config.plugins["benchmark-markdown-keeper"] = keeper
        build(mkdocs_config)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return keeper.pages


class _MarkdownKeeper(BasePlugin):
    """Keeps each page's Markdown as MkDocs is about to convert it, and the page's title."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}

    # After every other plugin: the Markdown that MkDocs converts.
    @event_priority(-1000)
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        meta = {"title": BeautifulSoup(str(page.title), "html.parser").get_text()}
        if "search" in page.meta:
            meta["search"] = page.meta["search"]
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        self.pages[page.url] = (page.file.src_uri, f"---\n{front}---\n\n{markdown}")
        return markdown


def _site_path(href: str) -> str:
    """A link of the home page's navigation as a path from the site's root."""
    path = href.split("#")[0].removeprefix("./")
    return "" if path in {"", "."} else path.rstrip("/") + "/"


def _nav(items: Tag | None, docs_path) -> list:
    """The built navigation as MkDocs ``nav:`` entries (titles and sections as built)."""
    entries: list = []
    for item in items.find_all("li", recursive=False) if items else []:
        # The active page's own table of contents is a secondary nav inside its item: not a section.
        sections = [nav for nav in item.find_all("nav", recursive=False) if "md-nav--secondary" not in nav.get("class", [])]
        if sections:
            label = item.find("label", recursive=False)
            index = item.select_one(":scope > div.md-nav__container > a")
            title = " ".join((label or index).get_text(" ").split())
            children = [{title: docs_path(_site_path(index["href"]))}] if index is not None else []
            entries.append({title: children + _nav(sections[0].find("ul"), docs_path)})
            continue
        link = item.find("a", recursive=False)
        if link is not None:
            entries.append({" ".join(link.get_text(" ").split()): docs_path(_site_path(link["href"]))})
    return entries


def _page_markdown(html_file: Path) -> str:
    """The page's article as Markdown: headings as headings (so the table of contents is the same), the rest as HTML."""
    article = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    blocks = []
    for child in article.children:
        if not isinstance(child, Tag):
            continue
        if re.fullmatch(r"h[1-6]", child.name):
            anchor = f" {{#{child['id']}}}" if child.get("id") else ""
            blocks.append("#" * int(child.name[1]) + " " + " ".join(child.get_text(" ").split()) + anchor)
        elif child.name not in {"a", "script"}:
            blocks.append(str(child))
    # Links between pages stay as built (relative, to directories): MkDocs leaves them as they are.
    return "\n\n".join(blocks) + "\n"


# --- (c) synthetic data ------------------------------------------------------------


def synthetic_data(target: Path, years: int) -> Path:
    """The sample school with ``years`` school years (the latest is the sample's), each with 50 published reports."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "years").mkdir(parents=True)
    for name in ("school.yml", "legal_documents.yml"):
        shutil.copy(SAMPLE / "data" / name, target / name)
    template = SAMPLE / "data" / "years" / SAMPLE_YEAR
    for back in range(years):
        first, second = 2023 - back, 2024 - back
        folder = target / "years" / f"{first}-{second}"
        folder.mkdir()
        for source in template.glob("*.yml"):
            if source.name != "reports.yml":
                (folder / source.name).write_text(_shift_years(source.read_text(encoding="utf-8"), back), encoding="utf-8")
        plan = yaml.safe_load((folder / "plan.yml").read_text(encoding="utf-8"))
        (folder / "reports.yml").write_text(_reports(plan, first), encoding="utf-8")
    return target


def _shift_years(text: str, back: int) -> str:
    text = re.sub(r"\b(\d{2}/\d{2}/)(\d{4})\b", lambda match: f"{match[1]}{int(match[2]) - back}", text)
    return text.replace(SAMPLE_YEAR, f"{2023 - back}-{2024 - back}")


def _reports(plan: dict, first_year: int) -> str:
    template = yaml.safe_load((SAMPLE / "data" / "years" / SAMPLE_YEAR / "reports.yml").read_text(encoding="utf-8"))
    summary = next(record["summary"] for record in template["reports"] if record.get("summary"))
    planned = [report["id"] for report in plan["reporting"]["reports"]]
    records = [
        {"id": report_id, "submitted": True, "submitted_date": f"15/10/{first_year}", "recipient": "Cơ quan quản lý mẫu", "summary": summary}
        for report_id in planned
    ]
    for number in range(1, REPORTS_PER_YEAR - len(planned) + 1):
        records.append({
            "id": f"bao-cao-dot-xuat-{number}", "name": f"Báo cáo đột xuất số {number} năm học {first_year}-{first_year + 1}",
            "kind": "dot-xuat", "due_date": f"20/10/{first_year}", "submitted": True, "submitted_date": f"15/10/{first_year}",
            "recipient": "Cơ quan quản lý mẫu", "summary": summary,
        })
    return yaml.dump({"reports": records}, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


class _NoAliases(yaml.SafeDumper):
    """Writes a shared value out in full each time: the data refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


# --- first load in a browser -------------------------------------------------------


def first_load(site_dir: Path) -> dict[str, int]:
    """Bytes Chromium receives (gzip, as a static host serves them) on a first visit to the home page, by kind."""
    from playwright.sync_api import sync_playwright

    received: dict[str, int] = {}
    with serve_compressed(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        for response in responses:
            size = int(response.header_value("content-length") or len(response.body()))
            kind = response.request.resource_type
            received[kind] = received.get(kind, 0) + size
        browser.close()
    return received


# --- report ------------------------------------------------------------------------


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def describe(build: Build, twins: tuple[Build, Build] | None) -> list[str]:
    sizes = build.page_sizes()
    raw = [size for _, size, _ in sizes]
    packed = [size for _, _, size in sizes]
    largest = max(sizes, key=lambda item: item[1])
    pages = len(sizes)
    row = [
        build.name, str(pages), f"{build.best:.2f} s", f"{build.best_wall:.2f} s", f"{1000 * build.best / pages:.1f} ms",
        kib(sum(raw)), kib(sum(packed)), kib(statistics.mean(raw)), kib(statistics.mean(packed)),
        f"{kib(largest[1])} (/{largest[0]})",
    ]
    for twin in twins or (None, None):
        row += [f"{twin.best:.2f} s", f"{build.best / twin.best:.2f}"] if twin else ["", ""]
    row.append(str(build.output.count(LOADED_ONCE)) if twins else "–")
    return row


def build_with_twins(name: str, config: Path, environment: dict[str, str], work: Path, repeat: int) -> tuple[Build, Build, Build]:
    """The site, its Markdown twin (the macros' Markdown, no macros) and its HTML twin, each built ``repeat`` times.

    The three are built in turn, round after round, so that whatever else the machine does
    at a moment slows all three alike.
    """
    built = mkdocs_build(name, config, work / "site", 1, environment)
    sources = markdown_after_macros(config, environment, work / "site-for-markdown")
    twins = [
        (f"{name}: Markdown twin", plain_twin(built.site_dir, work / "markdown-twin", "plain", sources), work / "markdown-twin-site"),
        (f"{name}: HTML twin", plain_twin(built.site_dir, work / "html-twin", "plain"), work / "html-twin-site"),
    ]
    markdown_twin, html_twin = (mkdocs_build(twin_name, twin_config, site, 1, {}) for twin_name, twin_config, site in twins)
    for _ in range(repeat - 1):
        for build, build_config, build_environment in [(built, config, environment), (markdown_twin, twins[0][1], {}), (html_twin, twins[1][1], {})]:
            again = mkdocs_build(build.name, build_config, build.site_dir, 1, build_environment)
            build.seconds += again.seconds
            build.cpu_seconds += again.cpu_seconds
    return built, markdown_twin, html_twin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="1,10,30", help="synthetic school years to build (default 1,10,30)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of builds of each site and its twins; the best time counts (default 3, 2 at 30 years)")
    parser.add_argument("--keep", type=Path, help="keep the built sites in this folder")
    arguments = parser.parse_args(argv)

    work = arguments.keep or Path(tempfile.mkdtemp(prefix="qcdc-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    rows, checks = [], []
    try:
        real, plain, html_plain = build_with_twins("(a) real site", ROOT / "mkdocs.yml", {"QCDC_DATA_DIR": str(ROOT / "data")}, work / "real", arguments.repeat)
        rows += [describe(real, (plain, html_plain)), describe(plain, None), describe(html_plain, None)]
        ratio = real.best / plain.best
        checks.append((f"(a)/(b) ≤ {TARGET_RATIO_REAL} for the real site (Markdown twin)", ratio <= TARGET_RATIO_REAL, f"{ratio:.2f} (HTML twin: {real.best / html_plain.best:.2f})"))
        checks.append(("data loaded and checked once per build", real.output.count(LOADED_ONCE) == 1, f"{real.output.count(LOADED_ONCE)}×"))

        synthetic: list[Build] = []
        for years in [int(value) for value in arguments.years.split(",")]:
            data = synthetic_data(work / f"data-{years}", years)
            environment = {"QCDC_DATA_DIR": str(data), "QCDC_TODAY": SAMPLE_DAY}
            # Long builds twice: their noise is smaller against their length.
            repeat = arguments.repeat if years <= 10 else min(arguments.repeat, 2)
            built, twin, html_twin = build_with_twins(f"(c) {years} years × {REPORTS_PER_YEAR} reports", SAMPLE / "mkdocs.yml", environment, work / f"years-{years}", repeat)
            rows += [describe(built, (twin, html_twin)), describe(twin, None), describe(html_twin, None)]
            synthetic.append(built)
            largest = max(size for _, size, _ in built.page_sizes())
            checks.append((f"every page ≤ 60 KiB of HTML at {years} years", largest <= TARGET_PAGE_BYTES, kib(largest)))
            checks.append((f"data loaded and checked once per build at {years} years", built.output.count(LOADED_ONCE) == 1, f"{built.output.count(LOADED_ONCE)}×"))
            if years == 30:
                ratio = built.best / twin.best
                checks.append((f"(c)/plain ≤ {TARGET_RATIO_30_YEARS} at 30 years (Markdown twin)", ratio <= TARGET_RATIO_30_YEARS, f"{ratio:.2f} (HTML twin: {built.best / html_twin.best:.2f})"))
        if len(synthetic) >= 2:
            small, large = synthetic[0], synthetic[-1]
            marginal = (large.best - small.best) / (len(large.pages) - len(small.pages))
            per_page = [build.best / len(build.pages) for build in synthetic]
            checks.append((
                "cost linear in pages (per-page cost of the largest within 1.5× of the marginal cost)",
                per_page[-1] <= 1.5 * marginal,
                f"marginal {1000 * marginal:.1f} ms/page; per page " + ", ".join(f"{1000 * cost:.1f}" for cost in per_page) + " ms",
            ))

        loaded = first_load(real.site_dir)
        first = sum(size for kind, size in loaded.items() if kind in FIRST_LOAD_KINDS)
        checks.append((f"home first load (HTML, CSS, JS, fonts) ≤ 80 KiB gzip", first <= TARGET_FIRST_LOAD_GZIP, kib(first)))
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    header = ["build", "pages", "CPU time (best)", "wall time (best)", "CPU per page", "HTML total", "gzip total", "HTML/page", "gzip/page", "largest page",
              "Markdown twin", "ratio", "HTML twin", "ratio", "data loads"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("Home page, first load in Chromium (gzip as served): " + ", ".join(f"{kind} {kib(size)}" for kind, size in sorted(loaded.items())))
    print()
    print("| target | met | measured |")
    print("|---|---|---|")
    for name, met, measured in checks:
        print(f"| {name} | {'yes' if met else '**no**'} | {measured} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
