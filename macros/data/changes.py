"""What git knows of the project's changes: which commit changed which file, and when.

Read once per build with two git commands. Pages use it to say when their
content last changed, and the change-history page lists the commits that
changed the data. A copy without git (a downloaded archive) falls back to the
files' own modification times; a shallow clone, whose history stops at its
newest commit and so would date every file to that commit, knows no dates.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import cached_property
from pathlib import Path, PurePosixPath

from .status import VIETNAM

_RECORD = "\x1e"
_FIELD = "\x1f"


class HistoryKind(Enum):
    COMPLETE = "complete"
    SHALLOW = "shallow"
    NO_GIT = "no-git"


@dataclass(frozen=True)
class Commit:
    sha: str
    moment: datetime
    subject: str
    files: tuple[str, ...]
    """Paths relative to the repository's root, with ``/``."""


@dataclass
class History:
    """The commits of a repository, newest first, and the files edited since the last one."""

    kind: HistoryKind
    root: Path | None = None
    commits: list[Commit] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    """Files with edits not committed yet (relative to the root): their own time counts."""
    _relative_paths: dict[Path, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def available(self) -> bool:
        return self.kind is HistoryKind.COMPLETE

    def relative(self, path: Path) -> str | None:
        """``path`` relative to the repository's root, or None when it lies outside it."""
        if self.root is None:
            return None
        # Pages of every year share their templates and data folders: each path is resolved once.
        if path not in self._relative_paths:
            try:
                self._relative_paths[path] = Path(path).resolve().relative_to(self.root).as_posix()
            except ValueError:
                self._relative_paths[path] = None
        return self._relative_paths[path]

    def last_change(self, paths: list[Path]) -> datetime | None:
        """When any of ``paths`` (files or folders) last changed; None when that cannot be known."""
        moments = [moment for path in paths if (moment := self._last_change(Path(path))) is not None]
        return max(moments, default=None)

    def _last_change(self, path: Path) -> datetime | None:
        if not path.exists() or self.kind is HistoryKind.SHALLOW:
            return None
        relative = self.relative(path)
        if self.kind is HistoryKind.NO_GIT or relative is None:
            return _newest_file_time(path)
        moments = [self._pending_times.get(relative), self._commit_times.get(relative)]
        return max((moment for moment in moments if moment is not None), default=None)

    # Every page asks for its files: indexed once, each answer is a lookup, not a walk through the history.
    @cached_property
    def _commit_times(self) -> dict[str, datetime]:
        """The newest commit's time for every file and folder a commit changed (commits are newest first)."""
        times: dict[str, datetime] = {}
        for commit in self.commits:
            for name in commit.files:
                for path in _self_and_folders(name):
                    times.setdefault(path, commit.moment)
        return times

    @cached_property
    def _pending_times(self) -> dict[str, datetime]:
        """The newest modification time of the uncommitted files under every file and folder."""
        times: dict[str, datetime] = {}
        for name in self.pending:
            if (moment := _file_time(self.root / name)) is None:
                continue
            for path in _self_and_folders(name):
                if path not in times or times[path] < moment:
                    times[path] = moment
        return times

    def commits_under(self, path: Path) -> list[Commit]:
        """The commits that changed something under ``path``, newest first."""
        relative = self.relative(path)
        if not self.available or relative is None:
            return []
        return [commit for commit in self.commits if any(_is_under(name, relative) for name in commit.files)]


def read_history(folder: Path) -> History:
    """The history of the git repository that holds ``folder``."""
    root = _git(folder, "rev-parse", "--show-toplevel")
    if root is None:
        return History(HistoryKind.NO_GIT)
    root_path = Path(root).resolve()
    if _git(folder, "rev-parse", "--is-shallow-repository") == "true":
        return History(HistoryKind.SHALLOW, root_path)
    log = _git(root_path, "-c", "core.quotepath=false", "log", f"--format={_RECORD}%H{_FIELD}%ct{_FIELD}%s", "--name-only")
    status = _git(root_path, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all")
    if log is None or status is None:
        # A repository without any commit yet, or git refusing it: nothing reliable to say.
        return History(HistoryKind.SHALLOW, root_path)
    pending = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    return History(HistoryKind.COMPLETE, root_path, _parse_log(log), pending)


def _parse_log(log: str) -> list[Commit]:
    commits = []
    for record in log.split(_RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, timestamp, subject = header.split(_FIELD, 2)
        files = tuple(name for name in names.splitlines() if name)
        commits.append(Commit(sha, datetime.fromtimestamp(int(timestamp), VIETNAM), subject, files))
    return commits


def _self_and_folders(name: str) -> list[str]:
    """``a/b/c.yml`` → ``a/b/c.yml``, ``a/b``, ``a`` and the root (``""`` and ``"."``)."""
    parents = [parent.as_posix() for parent in PurePosixPath(name).parents if parent.as_posix() != "."]
    return [name, *parents, "", "."]


def _is_under(name: str, folder: str) -> bool:
    return folder in {"", "."} or name == folder or PurePosixPath(name).is_relative_to(folder)


def _file_time(path: Path) -> datetime | None:
    return datetime.fromtimestamp(path.stat().st_mtime, VIETNAM) if path.is_file() else None


def _newest_file_time(path: Path) -> datetime | None:
    files = [path] if path.is_file() else [item for item in path.rglob("*") if item.is_file()]
    return max((moment for item in files if (moment := _file_time(item)) is not None), default=None)


def _git(folder: Path, *arguments: str) -> str | None:
    """Output of a git command run in ``folder``; None when git, the repository or the answer is missing."""
    try:
        result = subprocess.run(
            ["git", *arguments], cwd=folder, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip("\n") if result.returncode == 0 else None
