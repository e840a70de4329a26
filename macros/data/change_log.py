"""What each commit that changed the data folder changed in the published data, newest first.

Each version of the data is validated as it was at its commit and compared with the last
one that passed the checks (``data_diff``); a version that did not pass was never
published, and says so. ``BuildViews.data_changes`` computes this once per build, for
the change-history page and its open-data file alike.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from .changes import Commit, History, HistoryKind
from .data_diff import describe_changes
from .data_versions import data_versions

log = logging.getLogger(__name__)

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


def data_changes(history: History, data_dir: Path) -> tuple[list[DataChange], str | None]:
    """The changes of the data folder, newest first, or why they cannot be listed."""
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
