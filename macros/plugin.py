"""The MkDocs glue: load the data once per build, make the year pages, publish safely.

The data layer (``macros.data``) knows nothing of MkDocs; this module turns its
errors into a failed build and its school years into pages.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section

from .config import QcdcConfig
from .data.errors import DataError
from .data.loading import load_site_data
from .data.models import SiteData

log = logging.getLogger("mkdocs.plugins.qcdc")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class QcdcPlugin(BasePlugin[QcdcConfig]):
    site: SiteData

    def __init__(self) -> None:
        self.command = "build"
        self.final_site_dir: Path | None = None
        self.warnings = _WarningCounter()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Before mkdocs-macros' on_config, which defines the macros that read self.site.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        try:
            self.site = load_site_data(data_dir)
        except DataError as error:
            raise PluginError(error.report()) from None
        if self.config.atomic_publish and self.command in {"build", "gh-deploy"}:
            self._stage(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        prefix = self.config.year_pages.strip("/") + "/"
        templates = [file for file in files if file.src_uri.startswith(prefix)]
        for template in templates:
            files.remove(template)
            for plan in self.site.plans:
                page_path = plan.school_year + "/" + template.src_uri[len(prefix):]
                content = _with_school_year(template.content_string, plan.school_year)
                files.append(File.generated(config, page_path, content=content))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        years = {plan.school_year for plan in self.site.plans}
        for item in nav.items:
            if isinstance(item, Section) and any(_in_year(child, years) for child in item.children):
                item.title = "Năm học " + _year_of(item)
        return nav

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        server.watch(str(Path(__file__).parent))
        return server

    # Last of all: other plugins (search) still write into the site on post_build.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.final_site_dir is None:
            return
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if config.strict and self.warnings.count:
            log.error("Có cảnh báo khi dựng trang ở chế độ nghiêm ngặt: giữ nguyên trang web cũ.")
            return
        _publish(Path(config.site_dir), self.final_site_dir)

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


def _with_school_year(markdown: str, school_year: str) -> str:
    """Give a year page its ``school_year`` in the front matter (macros read it)."""
    line = f'school_year: "{school_year}"\n'
    if markdown.startswith("---\n"):
        return "---\n" + line + markdown[4:]
    return f"---\n{line}---\n\n{markdown}"


def _in_year(item: object, years: set[str]) -> bool:
    file = getattr(item, "file", None)
    return file is not None and file.src_uri.split("/")[0] in years


def _year_of(section: Section) -> str:
    first = next(child for child in section.children if getattr(child, "file", None))
    return first.file.src_uri.split("/")[0]


def _publish(staged: Path, final: Path) -> None:
    """Swap the staged build in; the old site is removed only once the new one is in place."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    staged.chmod(0o755)  # mkdtemp made it private; the published site is public.
    if final.exists():
        final.rename(old)
    staged.rename(final)
    shutil.rmtree(old, ignore_errors=True)
