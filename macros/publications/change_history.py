"""The public change-history page: the commits that changed the data folder, from git."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.changes import Commit, History, HistoryKind
from ..pages.rendering import Renderer

_UNAVAILABLE = {
    HistoryKind.SHALLOW: "bản sao mã nguồn dùng để dựng trang không có đủ lịch sử git "
    "(cần lấy toàn bộ lịch sử, ví dụ fetch-depth: 0 hoặc GIT_DEPTH: 0 trong quy trình đăng trang)",
    HistoryKind.NO_GIT: "trang được dựng từ một bản sao không có lịch sử git",
}


@dataclass(frozen=True)
class DataChange:
    """A commit as the page shows it: when, what its author wrote, which data files it changed."""

    commit: Commit
    files: list[str]


def data_changes(history: History, data_dir: Path) -> tuple[list[DataChange], str | None]:
    """The changes of the data folder, newest first, or why they cannot be listed."""
    if not history.available:
        return [], _UNAVAILABLE.get(history.kind, _UNAVAILABLE[HistoryKind.SHALLOW])
    folder = history.relative(data_dir)
    if folder is None:
        return [], "thư mục dữ liệu không nằm trong kho git của trang"
    changes = [
        DataChange(commit, [name for name in commit.files if Path(name).is_relative_to(folder)])
        for commit in history.commits_under(data_dir)
    ]
    return changes, None


def change_history(renderer: Renderer, page: str, history: History, data_dir: Path) -> str:
    changes, unavailable = data_changes(history, data_dir)
    return renderer.render("change_history.md.j2", page, changes=changes, unavailable=unavailable)
