"""The public change-history page: what changed in the published data, and when.

Each commit that changed the data folder is described by comparing the validated data
before and after it (macros/data/data_diff.py). The commit's message, files and id are
for editors and stay out of the page; a commit whose data did not pass the checks was
never published, and says so.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from ..data.changes import Commit, History, HistoryKind
from ..data.data_diff import describe_changes
from ..data.data_versions import data_versions
from ..pages.rendering import Renderer

log = logging.getLogger("mkdocs.plugins.qcdc")

NOT_PUBLISHED = "Thay đổi chưa hợp lệ, không được đăng."

_UNAVAILABLE = {
    HistoryKind.SHALLOW: "bản sao mã nguồn dùng để dựng trang không có đủ lịch sử git "
    "(cần lấy toàn bộ lịch sử, ví dụ fetch-depth: 0 hoặc GIT_DEPTH: 0 trong quy trình đăng trang)",
    HistoryKind.NO_GIT: "trang được dựng từ một bản sao không có lịch sử git",
}


@dataclass(frozen=True)
class DataChange:
    """A commit as the page shows it: when, and what it changed in the published data."""

    commit: Commit
    published: bool
    descriptions: list[str]


HISTORY_JSON = "du-lieu/lich-su.json"

# The page and the open data ask for the same build's changes: computed once per history read.
_computed: dict[tuple[int, str], tuple[History, tuple[list[DataChange], str | None]]] = {}


def data_changes(history: History, data_dir: Path) -> tuple[list[DataChange], str | None]:
    """The changes of the data folder, newest first, or why they cannot be listed."""
    key = (id(history), str(data_dir))
    if key not in _computed or _computed[key][0] is not history:
        if len(_computed) > 16:
            _computed.clear()  # `mkdocs serve` reads the history again at every rebuild
        _computed[key] = (history, _data_changes(history, data_dir))
    return _computed[key][1]


def _data_changes(history: History, data_dir: Path) -> tuple[list[DataChange], str | None]:
    if not history.available:
        return [], _UNAVAILABLE.get(history.kind, _UNAVAILABLE[HistoryKind.SHALLOW])
    folder = history.relative(data_dir)
    if folder is None or history.root is None:
        return [], "thư mục dữ liệu không nằm trong kho git của trang"
    started = time.perf_counter()
    described, previous = [], None
    # Oldest first: each version is compared with the last one that was published.
    commits = list(reversed(history.commits_under(data_dir)))
    versions = data_versions(history.root, [commit.sha for commit in commits], folder)
    for commit in commits:
        data = versions[commit.sha]
        if data is None:
            described.append(DataChange(commit, False, [NOT_PUBLISHED]))
            continue
        described.append(DataChange(commit, True, describe_changes(previous, data)))
        previous = data
    log.debug(f"Lịch sử thay đổi: {len(described)} lần thay đổi, so sánh trong {time.perf_counter() - started:.2f} giây.")
    return list(reversed(described)), None


def change_history_json(history: History, data_dir: Path) -> bytes:
    """The change history as open data: the same words, with each change's commit id (to check
    against the repository), which the page leaves out."""
    changes, unavailable = data_changes(history, data_dir)
    document = {
        "unavailable": unavailable,
        "changes": [
            {
                "commit": change.commit.sha,
                "time": change.commit.moment.isoformat(),
                "published": change.published,
                "changes": change.descriptions,
            }
            for change in changes
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def change_history(renderer: Renderer, page: str, history: History, data_dir: Path) -> str:
    changes, unavailable = data_changes(history, data_dir)
    return renderer.render("change_history.md.j2", page, changes=changes, unavailable=unavailable)
