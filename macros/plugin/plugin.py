"""The MkDocs glue: load the data once per build, make the year pages, publish safely.

The data layer (``macros.data``) knows nothing of MkDocs; this module turns its
errors into a failed build (while serving, into a page of the problems:
``serve_errors.py``) and its school years into pages.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.meta import get_data
from markupsafe import Markup

from ..data.build_views import BuildViews
from ..data.containment import inside
from ..data.current_year import resolve_current_year
from ..data.errors import DataError
from ..data.loading import ATTACHMENTS_FOLDER, YEARS_FOLDER, load_site_data
from ..data.models import SchoolYear, SiteData
from ..data.status import TODAY_VARIABLE, resolve_today
from ..pages.identity import contact_links, legal_basis
from ..pages.markdown_text import inline_html
from ..pages.qr import qr_svg
from ..pages.rendering import LEGAL_DOCUMENTS_PAGE, Renderer, attachment_path, document_anchor, document_name, report_page
from ..pages.running_head import css_string, running_head
from ..pages.year_printout import PAGE_BUDGET, Printout, PrintoutLayout, printout
from ..publications.downloads import year_downloads
from ..publications.editor import EDITOR_FOLDER
from ..publications.pdf import PdfError, PrintJob, print_pages, unpublishable_address
from .config import QcdcConfig
from .live_reload import reload_code_before_rebuilds
from .navigation import editor_pages, reader_navigation
from .page_facts import page_sources
from .page_markup import repair_page_markup
from .search_index import add_folded_fields
from .serve_errors import ServedProblems, answer_with_problems, tell_the_terminal
from .site_files import editor_files, publication_files
from .template_cache import reuse_compiled_templates

log = logging.getLogger("mkdocs.plugins.qcdc")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Unbuildable(PluginError):
    """The data cannot be built: the build's message, and the same problems for the served page."""

    def __init__(self, message: str, served: ServedProblems) -> None:
        super().__init__(message)
        self.served = served


class QcdcPlugin(BasePlugin[QcdcConfig]):
    site: SiteData
    today: date
    current_year: SchoolYear
    views: BuildViews
    """What this build shows, computed once: every page, feed and data file reads it."""
    renderer: Renderer
    """The one renderer of this build's pages: the macros' and the printout's."""

    def __init__(self) -> None:
        self.command = "build"
        self.final_site_dir: Path | None = None
        self.warnings = _WarningCounter()
        self.print_jobs: list[PrintJob] = []
        self.printouts: dict[str, Printout] = {}
        self.editor_pages: list = []
        # While serving, why this build has no pages (broken data): the server shows it instead.
        self.served_problems: ServedProblems | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Before mkdocs-macros' on_config, which defines the macros that read self.site.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.data_dir = Path(config.config_file_path).parent / self.config.data_dir
        if self.pdf_enabled:
            # A build that prints the PDFs is a publishing build (scripts/pdf, the pipelines).
            problem = unpublishable_address(config.site_url)
            if problem:
                raise PluginError(problem)
        self.served_problems = None
        try:
            self._load()
        except PluginError as error:
            if self.command != "serve":
                raise
            # mkdocs serve would hang every request until a build succeeds: this one
            # succeeds with no pages, and the server shows the problems on every address.
            self.served_problems = error.served if isinstance(error, _Unbuildable) else ServedProblems(str(error), ())
            tell_the_terminal(self.served_problems)
            return config
        log.info(f"Đã đọc và kiểm tra dữ liệu trong {_folder_name(self.data_dir)}: {len(self.site.years)} năm học.")
        _name_the_site(config, self.site)
        self.logo = _logo_file(self.data_dir)
        if self.logo is not None:
            config.theme["logo"] = LOGO_PATH + self.logo.suffix.lower()
        for warning in self.site.warnings:
            # Info, not warning: odd official dates must not fail a --strict build.
            log.info(f"Cảnh báo dữ liệu: {warning}")
        # Git is read here, once for the whole build.
        self.views = BuildViews.read(self.site, self.today, self.data_dir, Path(config.config_file_path).parent)
        self.renderer = Renderer(self.views)
        self.page_sources = page_sources(
            config,
            self.views,
            self.config.year_pages,
            self.config.report_page,
            self.current_year.school_year,
            self.config.printout_part_page,
        )
        for warning in self.views.history.left_out:
            # Info, not warning, as above: a commit the site cannot show never blocks publishing.
            log.info(f"Cảnh báo lịch sử git: {warning}")
        if self.config.atomic_publish and self.command in {"build", "gh-deploy"}:
            self._stage(config)
        return config

    def _load(self) -> None:
        """Load and check the data; every reason not to build is a PluginError."""
        try:
            self.site = load_site_data(self.data_dir)
        except DataError as error:
            served = ServedProblems(error.heading("trang xem thử chưa dựng được"), tuple(map(str, error.problems)))
            raise _Unbuildable(error.report(), served) from None
        try:
            # The variable wins over mkdocs.yml, as "!ENV [QCDC_TODAY, default]" did.
            self.today = resolve_today(os.environ.get(TODAY_VARIABLE) or self.config.today)
        except ValueError as error:
            raise PluginError(f"Ngày tính tình trạng (today / QCDC_TODAY) không hợp lệ: {error}") from None
        try:
            self.current_year = resolve_current_year(self.site, self.config.current_year)
        except ValueError as error:
            raise PluginError(f"Năm học hiện tại (current_year / QCDC_CURRENT_YEAR) không hợp lệ: {error}") from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Repeat the year pages for every school year, the report page for every published report,
        and the printout's part page for every part a year's printout needs."""
        if self.served_problems is not None:
            return Files([])  # The server answers every address with the problems.
        prefix = self.config.year_pages.strip("/") + "/"
        year_templates = [file for file in files if file.src_uri.startswith(prefix)]
        report_template = files.get_file_from_path(self.config.report_page)
        part_template = files.get_file_from_path(self.config.printout_part_page)
        for template in [*year_templates, report_template, part_template]:
            if template is not None:
                files.remove(template)
        off_nav = {template.src_uri for template in year_templates if not _listed_in_nav(template)}
        # Without the part page, nothing can continue the printout: it keeps every summary.
        self.printouts = self._printouts(PAGE_BUDGET if part_template else math.inf)
        for year in self.site.years:
            for template in year_templates:
                page_path = year.school_year + "/" + template.src_uri[len(prefix):]
                content = _with_meta(template.content_string, school_year=year.school_year)
                page = File.generated(config, page_path, content=content)
                if year.school_year != self.current_year.school_year or template.src_uri in off_nav:
                    # Other years stay at their addresses, reached through the year switcher:
                    # the navigation shows one year however many the archive holds.
                    page.inclusion = InclusionLevel.NOT_IN_NAV
                files.append(page)
            for report in self.views.reports(year.school_year):
                if report.published and report_template is not None:
                    content = _with_meta(report_template.content_string, school_year=year.school_year, report_id=report.id)
                    page = File.generated(config, report_page(year.school_year, report.id), content=content)
                    # One page per report, reached from its year's report index: the navigation stays short.
                    page.inclusion = InclusionLevel.NOT_IN_NAV
                    files.append(page)
                if report.record is not None and report.record.attachment:
                    files.append(self._attachment(config, year.school_year, report.record.attachment))
            if part_template is not None:
                for part in self._printout_parts(config, part_template, self.printouts[year.school_year].layout):
                    files.append(part)
        if self.logo is not None:
            files.append(File.generated(config, LOGO_PATH + self.logo.suffix.lower(), abs_src_path=str(self.logo)))
        for file in publication_files(self.views, config, files):
            files.append(file)
        try:
            editor = editor_files(
                self.site, self.data_dir, config, self.config.editor, self.config.editor_auth_url, self.config.editor_app_id
            )
        except ValueError as error:
            raise PluginError(str(error)) from None
        for file in editor:
            files.append(file)
        self.print_jobs = self._pdf_placeholders(files, config) if self.pdf_enabled else []
        return files

    def _printouts(self, budget: float) -> dict[str, Printout]:
        """Every year's printout: its pieces rendered once, laid out on its pages by the HTML size of what they hold."""
        return {year.school_year: printout(self.renderer, year.school_year, budget=budget) for year in self.site.years}

    def _printout_parts(self, config: MkDocsConfig, template: File, layout: PrintoutLayout) -> list[File]:
        """The pages that continue a year's printout, outside the navigation like the report pages."""
        parts = []
        for number, path in enumerate(layout.parts, start=2):
            meta = {"school_year": layout.school_year, "printout_part": str(number), "printout_parts": str(layout.count)}
            page = File.generated(config, path, content=_with_meta(template.content_string, **meta))
            page.inclusion = InclusionLevel.NOT_IN_NAV
            parts.append(page)
        return parts

    @property
    def pdf_enabled(self) -> bool:
        """Whether this build prints the PDFs, and so whether the pages may link to them."""
        return self.config.pdf and self.command in {"build", "gh-deploy"}

    def _pdf_placeholders(self, files: Files, config: MkDocsConfig) -> list[PrintJob]:
        """Add every PDF as an empty file, printed over in on_post_build: MkDocs then checks links to it."""
        jobs = []
        for year in self.site.years:
            for download in year_downloads(year.school_year):
                page = files.get_file_from_path(download.page)
                if page is not None:
                    files.append(File.generated(config, download.path, content=b""))
                    jobs.append(PrintJob(page.url, download.path, self._continued_on(download.page, files)))
        return jobs

    def _continued_on(self, page: str, files: Files) -> tuple[str, ...]:
        """URLs of the pages that continue ``page`` (a printout's parts), printed into its PDF too."""
        layout = next((item.layout for item in self.printouts.values() if item.layout.page(1) == page), None)
        parts = [] if layout is None else [files.get_file_from_path(path) for path in layout.parts]
        return tuple(part.url for part in parts if part is not None)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The theme override prints every page's QR code (overrides/partials/qcdc-print-qr.html).
        env.globals["qcdc_qr"] = qr_svg
        if self.served_problems is not None:
            return env  # no page to make: the server shows the problems
        # The footer of every page (overrides/partials/footer.html): the school, its contacts,
        # the plan's legal basis and the editors' corner.
        env.globals["qcdc_footer"] = {
            "school": self.site.school,
            "contacts": contact_links(self.site),
            "legal_basis": [
                (document_name(document), f"{LEGAL_DOCUMENTS_PAGE.removesuffix('.md')}/#{document_anchor(document)}")
                for document in legal_basis(self.site, self.current_year.plan)
            ],
            "editor_pages": self.editor_pages,
            # The form editor is no MkDocs page: its address, unless this site leaves it out.
            "form_editor": None if self.config.editor == "off" else EDITOR_FOLDER + "/",
            "repo_url": config.repo_url,
        }
        return env

    def _attachment(self, config: MkDocsConfig, school_year: str, name: str) -> File:
        source = self.data_dir / YEARS_FOLDER / school_year / ATTACHMENTS_FOLDER / name
        # The check refused such a file already; copying never trusts it did.
        if not inside(source, self.data_dir) or not source.is_file():
            raise PluginError(f"Tệp đính kèm {source} nằm ngoài thư mục dữ liệu hoặc không phải tệp thường: không đăng.")
        return File.generated(config, attachment_path(school_year, name), abs_src_path=str(source.resolve()))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # mkdocs-macros made its Jinja environment in its on_config; pages are rendered after this event.
        macros = config.plugins.get("macros")
        if self.served_problems is not None:
            return nav
        if macros is not None:
            reuse_compiled_templates(macros.env)
        reader_navigation(nav, self.current_year.school_year)
        self.editor_pages = editor_pages(nav)
        return nav

    # After mkdocs-macros (priority 0), which renders macros in page.title but
    # not in page.meta["title"], the one Material writes into <title> and the header.
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if "{{" in str(page.meta.get("title", "")):
            # The theme prints the title as HTML: it is rendered like a heading, so that
            # text from the data in it is shown as text.
            page.meta["title"] = page.title = inline_html(page.title)
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        # A page may keep its deeper headings out of its table of contents (front matter
        # toc_depth, as the toc extension's option but per page): Material repeats the
        # table in the navigation and the sidebar, which weighs on long pages.
        if "toc_depth" in page.meta:
            _cut_toc(page.toc, int(page.meta["toc_depth"]))
        return html

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav: Navigation):
        """When the page's content last changed, and where its data is edited (overrides/partials/qcdc-page-facts.html)."""
        facts = self.page_sources.facts(page.file.src_uri, page.file.abs_src_path, page.meta)
        page.meta["qcdc_updated"] = facts.updated
        page.edit_url = facts.edit_url
        school_year = page.meta.get("school_year")
        # A year's pages say "Dự thảo" while its plan is unsigned (overrides/main.html).
        if school_year and any(plan.draft and plan.school_year == school_year for plan in self.site.plans):
            page.meta["qcdc_draft"] = school_year
        # The printed sheets' margin line (overrides/main.html): the page's own school year, else the current one.
        page.meta["qcdc_running_head"] = css_string(
            running_head(self.site.school.name, str(school_year or self.current_year.school_year), page.title or "")
        )
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return repair_page_markup(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page is a theme template, not a page.
        return repair_page_markup(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        server.watch(str(Path(__file__).parents[1]))
        # Edits to the site's Python code take effect at the next rebuild, without a restart.
        reload_code_before_rebuilds(server, self)
        answer_with_problems(server, lambda: self.served_problems)
        return server

    # Last of all: other plugins (search) still write into the site on post_build.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.served_problems is not None:
            return
        # The search plugin has written its index by now (its post_build runs first).
        add_folded_fields(Path(config.site_dir) / "search" / "search_index.json")
        if self.final_site_dir is None:
            self._print_pdfs(config)
            return
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if config.strict and self.warnings.count:
            return  # MkDocs aborts next; on_build_error tells the editor.
        self._print_pdfs(config)
        _publish(Path(config.site_dir), self.final_site_dir)

    def _print_pdfs(self, config: MkDocsConfig) -> None:
        """Print the PDFs into the finished (staged) site; a failure fails the build."""
        if not self.print_jobs:
            return
        try:
            print_pages(Path(config.site_dir), self.print_jobs, public_url=config.site_url)
        except PdfError as error:
            raise PluginError(str(error)) from None
        published = self.final_site_dir or Path(config.site_dir)
        for job in self.print_jobs:
            log.info(f"Đã in tệp PDF: {_folder_name(published / job.pdf)}")
        log.info(f"Đã in {len(self.print_jobs)} tệp PDF để tải về.")

    def on_build_error(self, *, error: Exception) -> None:
        if self.final_site_dir is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            log.error("Dựng trang thất bại: trang web cũ được giữ nguyên.")

    def _stage(self, config: MkDocsConfig) -> None:
        """Build into a sibling folder; the real site is replaced only after a clean build."""
        final = Path(config.site_dir)
        final.parent.mkdir(parents=True, exist_ok=True)
        for leftover in final.parent.glob(f".{final.name}.staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        self.final_site_dir = final
        config.site_dir = tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent)
        self.warnings.count = 0
        logging.getLogger("mkdocs").addHandler(self.warnings)


LOGO_PATH = "assets/logo"
LOGO_SUFFIXES = (".svg", ".png", ".webp", ".jpg", ".jpeg")


def _name_the_site(config: MkDocsConfig, site: SiteData) -> None:
    """The school's name is the site's name (header, <title>, social preview); mkdocs.yml's
    site_name becomes the subject shown below it. Escaped here once: the theme prints both as HTML."""
    subject = config.extra.get("qcdc_subject") or config.site_name
    config.extra["qcdc_subject"] = Markup.escape(subject)
    config.site_name = Markup.escape(site.school.name)


def _logo_file(data_dir: Path) -> Path | None:
    """The school's logo when the data folder has one (logo.svg, logo.png, …)."""
    return next((data_dir / f"logo{suffix}" for suffix in LOGO_SUFFIXES if (data_dir / f"logo{suffix}").is_file()), None)


def _folder_name(folder: Path) -> str:
    """A folder as the editor knows it: from the project folder, e.g. examples/truong-mau/data."""
    try:
        return folder.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(folder)


def _with_meta(markdown: str, **meta: str) -> str:
    """Give a repeated page its year (and report) in the front matter: the macros read them."""
    lines = "".join(f'{key}: "{value}"\n' for key, value in meta.items())
    if markdown.startswith("---\n"):
        return "---\n" + lines + markdown[4:]
    return f"---\n{lines}---\n\n{markdown}"


def _listed_in_nav(template: File) -> bool:
    """Whether a year page goes into the navigation (its current year's); ``in_nav: false`` in its
    front matter keeps it out, for a page that the navigation reaches another way."""
    return get_data(template.content_string)[1].get("in_nav", True) is not False


def _cut_toc(links: list[AnchorLink], depth: int) -> None:
    """Keep the headings of levels 1 to ``depth`` in a table of contents."""
    for link in links:
        if link.level >= depth:
            link.children = []
        else:
            _cut_toc(link.children, depth)


def _publish(staged: Path, final: Path) -> None:
    """Swap the staged build in; the old site is removed only once the new one is in place."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    staged.chmod(0o755)  # mkdtemp made it private; the published site is public.
    if final.exists():
        final.rename(old)
    staged.rename(final)
    shutil.rmtree(old, ignore_errors=True)
