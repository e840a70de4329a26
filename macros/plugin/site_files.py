"""The files the site publishes besides its pages: open data, the calendar and the news feed.

Glue between MkDocs and the exporters (``open_data``, ``calendar_feed``,
``news_feed``), which know nothing of MkDocs: here they get the pages' real
URLs and the data files' change times, and their output becomes site files,
so that MkDocs checks every link to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..data.changes import History
from ..data.models import SiteData
from ..data.status import VIETNAM
from ..publications.change_history import HISTORY_JSON, change_history_json
from ..publications.calendar_feed import SEQUENCE_EPOCH, calendar_feed
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


def publication_files(
    site: SiteData, today: date, data_dir: Path, history: History, config: MkDocsConfig, files: Files
) -> list[File]:
    """The open data files, the calendar and the Atom feed, as files of the site being built.

    ``history`` (git, read once for the build) dates the data files the feeds are made of.
    """
    base = site_base(config)

    def page_url(path: str) -> str:
        file = files.get_file_from_path(path)
        if file is None:  # not a page of this site: where MkDocs would put it
            file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
        return urljoin(base, file.url)

    def revised(paths: Sequence[str]) -> datetime:
        return _last_change(history, [data_dir / path for path in paths])

    generated = {item.path: item.content for item in open_data_files(site, today, page_url)}
    generated[CALENDAR_FILE] = calendar_feed(site, base, page_url, revised)
    updates = site_updates(site, today, page_url, revised)
    generated[FEED_FILE] = atom_feed(site, updates, urljoin(base, FEED_FILE), base, revised(["."]))
    generated[HISTORY_JSON] = change_history_json(history, data_dir)
    return [File.generated(config, path, content=content) for path, content in generated.items()]


def _last_change(history: History, paths: list[Path]) -> datetime:
    """When the newest of ``paths`` changed; without the git history (a shallow clone), the files' own
    times, which a fresh clone sets to the checkout: later, never earlier, than any previous answer."""
    moment = history.last_change(paths)
    if moment is None:
        times = [path.stat().st_mtime for path in paths if path.is_file()]
        moment = datetime.fromtimestamp(int(max(times)), VIETNAM) if times else None
    return moment or SEQUENCE_EPOCH
