"""The files the site publishes besides its pages: open data, the calendar and the news feed.

Glue between MkDocs and the exporters (``open_data``, ``calendar_feed``,
``news_feed``), which know nothing of MkDocs: here they get the pages' real
URLs and the data files' change times, and their output becomes site files,
so that MkDocs checks every link to them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..data.build_views import BuildViews
from ..data.status import VIETNAM
from ..publications.change_history import HISTORY_JSON, change_history_json
from ..publications.calendar_feed import SEQUENCE_EPOCH, calendar_feed
from ..publications.editor import (
    CONFIG_FILE,
    PAGE_FILE,
    SCRIPT_FILE,
    SCRIPT_SOURCE,
    LOCAL_PROXY_PORT,
    EditorSettings,
    branch_of,
    bundle_files,
    config_text,
    editor_config,
    editor_files_spec,
    editor_page,
)
from ..publications.news_feed import atom_feed, site_updates
from ..publications.open_data import CALENDAR_FILE, FEED_FILE, open_data_files


def site_base(config: MkDocsConfig) -> str:
    """The site's public address, ending with a slash ("/" when mkdocs.yml sets none)."""
    base = config.site_url or "/"
    return base if base.endswith("/") else base + "/"


def subscription_url(config: MkDocsConfig) -> str | None:
    """The calendar feed's address for calendar apps (webcal://), when the site has a public address."""
    address = urlsplit(urljoin(site_base(config), CALENDAR_FILE))
    if address.scheme not in {"http", "https"}:
        return None
    return urlunsplit(("webcal", address.netloc, address.path, "", ""))


def publication_files(views: BuildViews, config: MkDocsConfig, files: Files) -> list[File]:
    """The open data files, the calendar and the Atom feed, as files of the site being built.

    The build's ``views`` date the data files the feeds are made of (from git, read once for the build).
    """
    base = site_base(config)

    def page_url(path: str) -> str:
        file = files.get_file_from_path(path)
        if file is None:  # not a page of this site: where MkDocs would put it
            file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
        return urljoin(base, file.url)

    def revised(paths: Sequence[str]) -> datetime:
        return _last_change(views, [views.data_dir / path for path in paths])

    generated = {item.path: item.content for item in open_data_files(views, page_url)}
    generated[CALENDAR_FILE] = calendar_feed(views.site, base, page_url, revised)
    updates = site_updates(views, page_url, revised)
    generated[FEED_FILE] = atom_feed(views.site, updates, urljoin(base, FEED_FILE), base, revised(["."]))
    generated[HISTORY_JSON] = change_history_json(views)
    return [File.generated(config, path, content=content) for path, content in generated.items()]


def _last_change(views: BuildViews, paths: list[Path]) -> datetime:
    """When the newest of ``paths`` changed; without the git history (a shallow clone), the files' own
    times, which a fresh clone sets to the checkout: later, never earlier, than any previous answer."""
    moment = views.last_change(paths)
    if moment is None:
        times = [path.stat().st_mtime for path in paths if path.is_file()]
        moment = datetime.fromtimestamp(int(max(times)), VIETNAM) if times else None
    return moment or SEQUENCE_EPOCH


def project_root(config: MkDocsConfig) -> Path:
    """The repository's folder: the nearest folder above mkdocs.yml holding pyproject.toml
    (the sample site's mkdocs.yml lives inside the project), else mkdocs.yml's own folder."""
    start = Path(config.config_file_path).resolve().parent
    return next((folder for folder in [start, *start.parents] if (folder / "pyproject.toml").is_file()), start)


def editor_files(site: SiteData, data_dir: Path, config: MkDocsConfig, mode: str, auth_url: str | None, app_id: str | None) -> list[File]:
    """The form editor's files at /bien-tap/: its page, its generated configuration, its script, and
    the CMS bundle copied from node_modules. None when ``mode`` is ``off``; an error when it is
    ``required`` and the bundle is not installed."""
    if mode == "off":
        return []
    root = project_root(config)
    settings = EditorSettings(
        repo_url=config.repo_url or "",
        branch=branch_of(config.edit_uri),
        site_url=site_base(config),
        root=root,
        data_dir=data_dir,
        auth_url=auth_url or os.environ.get("QCDC_EDITOR_AUTH_URL") or None,
        auth_site=os.environ.get("QCDC_EDITOR_AUTH_SITE") or None,
        app_id=app_id or os.environ.get("QCDC_EDITOR_APP_ID") or None,
        local_port=int(os.environ.get("QCDC_EDITOR_PORT") or LOCAL_PROXY_PORT),
    )
    bundle = bundle_files(root / "node_modules")
    if mode == "required" and not bundle:
        raise ValueError(
            "Trình biên tập (/bien-tap/) chưa được cài: chạy `npm ci` trong thư mục dự án trước khi dựng trang "
            "(cần Node.js và npm), hoặc đặt editor: off."
        )
    spec = editor_files_spec(site, settings)
    found = [
        File.generated(config, PAGE_FILE, content=editor_page(config.site_name, spec, bool(bundle))),
        File.generated(config, CONFIG_FILE, content=config_text(editor_config(site, settings))),
    ]
    if bundle:
        found.append(File.generated(config, SCRIPT_FILE, abs_src_path=str(SCRIPT_SOURCE)))
        found += [File.generated(config, path, abs_src_path=str(source)) for path, source in bundle.items()]
    return found
