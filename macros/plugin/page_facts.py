"""What every page says about itself: when its content last changed, and where its data is edited.

A page's content is its Markdown source and the data it shows. A page names that
data in its front matter, with paths inside the data folder:

    data_files: [school.yml, legal_documents.yml, "years/{school_year}"]
    edit_file: "years/{school_year}/plan.yml"

``{school_year}`` stands for the page's school year (pages repeated for every
year), ``{current_year}`` for the school year the site leads with (the latest one
unless configured). The date is the latest change, in git, of the Markdown and of those
files; "Sửa trang này" opens ``edit_file`` in the git host's web editor, at
``repo_url`` + ``edit_uri`` (mkdocs.yml) + the file's path in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urljoin

from ..data.build_views import BuildViews


@dataclass(frozen=True)
class PageFacts:
    updated: date | None
    edit_url: str | None


@dataclass(frozen=True)
class PageSources:
    """Where the pages' Markdown and data are, and how the git host edits a file."""

    views: BuildViews
    """The build's views: when files last changed, from the git history read once for the build."""
    project_dir: Path
    docs_dir: Path
    data_dir: Path
    year_pages: str
    report_page: str
    edit_base: str | None
    current_year: str
    printout_part_page: str

    def facts(self, src_uri: str, abs_src_path: str | None, meta: dict[str, Any]) -> PageFacts:
        source = Path(abs_src_path) if abs_src_path else self._template_of(src_uri, meta)
        declared = meta.get("data_files") or []
        data = [self.data_dir / self._fill(name, meta) for name in ([declared] if isinstance(declared, str) else declared)]
        moment = self.views.last_change([path for path in [source, *data] if path is not None])
        edit_file = meta.get("edit_file")
        return PageFacts(
            updated=moment.date() if moment else None,
            edit_url=self.edit_url(self.data_dir / self._fill(edit_file, meta)) if edit_file else None,
        )

    def _fill(self, name: str, meta: dict[str, Any]) -> str:
        return str(name).replace("{school_year}", str(meta.get("school_year", ""))).replace("{current_year}", self.current_year)

    def _template_of(self, src_uri: str, meta: dict[str, Any]) -> Path | None:
        """The Markdown a generated page is made from: a year page's, the report page's or the printout part's."""
        if "school_year" not in meta:
            return None
        if "report_id" in meta:
            return self.docs_dir / self.report_page
        if "printout_part" in meta:
            return self.docs_dir / self.printout_part_page
        try:
            return self.docs_dir / self.year_pages.strip("/") / PurePosixPath(src_uri).relative_to(meta["school_year"])
        except ValueError:
            return None  # a page of the year made by other means: no Markdown of its own to date

    def edit_url(self, path: Path) -> str | None:
        """The git host's web editor for a file of the project; None when there is none to open."""
        if self.edit_base is None or not path.is_file():
            return None
        relative = self.views.history.relative(path)
        if relative is None:
            try:
                relative = path.resolve().relative_to(self.project_dir.resolve()).as_posix()
            except ValueError:
                return None
        return self.edit_base + quote(relative)


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """``repo_url`` joined with ``edit_uri``, the web editor's address for the repository's root."""
    if not repo_url or not edit_uri:
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")


def page_sources(
    config: Any, views: BuildViews, year_pages: str, report_page: str, current_year: str, printout_part_page: str
) -> PageSources:
    """The sources of a build's pages, dated by the build's views."""
    return PageSources(
        views=views,
        project_dir=Path(config.config_file_path).parent,
        docs_dir=Path(config.docs_dir),
        data_dir=views.data_dir,
        year_pages=year_pages,
        report_page=report_page,
        edit_base=edit_base(config.repo_url, config.edit_uri),
        current_year=current_year,
        printout_part_page=printout_part_page,
    )
