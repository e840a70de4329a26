"""What git knows of the project's changes: which commit changed which file, and when.

Read once per build with two git commands. Pages use it to say when their
content last changed, and the change-history page lists the commits that
changed the data. A copy without git (a downloaded archive) falls back to the
files' own modification times; a shallow clone, whose history stops at its
newest commit and so would date every file to that commit, knows no dates.

Git's output is untrusted input like the data: anyone who can commit writes
the subjects and file names, and sets the dates. It is read NUL-separated
(a subject may hold any other character), decoded without ever failing, and
every commit goes through the data's own guards before the site may show it:
a date that cannot be true (in the future, before 1970, beyond the calendar),
an invisible control or text-direction character, a noncharacter, a text too
long, a phone number, e-mail or ID number in its subject or file names. Such a
commit is left out, with a warning in ``History.left_out``; it never stops a
build, so that one bad commit cannot keep the school from publishing again.
A commit left out only for its words still dates the files it changed.
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import cached_property
from pathlib import Path, PurePosixPath

from .characters import forbidden_character
from .privacy import find_personal_data
from .status import VIETNAM

# Each commit starts with an empty field (no file name is empty), then its hash, time and subject.
_LOG_FORMAT = "--format=%x00%H%x00%ct%x00%s"
_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# A commit may be dated a little ahead of the building machine's clock; not more.
CLOCK_TOLERANCE_SECONDS = 24 * 3600


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
    left_out: list[str] = field(default_factory=list)
    """Why commits are not shown (one Vietnamese warning each): the build says so and goes on."""
    withheld: list[Commit] = field(default_factory=list, repr=False)
    """Commits not shown for their words, which still date the files they changed."""
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
        # In git's order; commits withheld for their words merge in by their time.
        commits = sorted([*self.commits, *self.withheld], key=lambda c: c.moment, reverse=True) if self.withheld else self.commits
        for commit in commits:
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
    log = _git(root_path, "log", "-z", "--name-only", _LOG_FORMAT)
    status = _git(root_path, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all")
    if log is None or status is None:
        # A repository without any commit yet, or git refusing it: nothing reliable to say.
        return History(HistoryKind.SHALLOW, root_path)
    pending = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    history = History(HistoryKind.COMPLETE, root_path, pending=pending)
    for sha, timestamp, subject, files in _log_entries(log):
        moment = commit_moment(timestamp)
        if moment is None:
            history.left_out.append(
                f"lần lưu {sha[:10]} không được đưa vào lịch sử thay đổi: ngày giờ của nó ({timestamp[:20]!r}) "
                "không thể đúng (ở tương lai hoặc ngoài lịch); ngày cập nhật của các trang không tính lần lưu này"
            )
            continue
        commit = Commit(sha, moment, subject, files)
        if problem := _unshowable(commit):
            history.left_out.append(f"lần lưu {sha[:10]} không được đưa vào lịch sử thay đổi: {problem}")
            history.withheld.append(commit)
        else:
            history.commits.append(commit)
    return history


def commit_moment(timestamp: str) -> datetime | None:
    """A commit time given by git (seconds since 1970), or None when it cannot be true."""
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return None
    seconds = int(timestamp)
    if seconds > time.time() + CLOCK_TOLERANCE_SECONDS:
        return None
    return datetime.fromtimestamp(seconds, VIETNAM)


def _log_entries(log: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(hash, time, subject, files) of every commit in ``git log -z --name-only`` output.

    Read by position, each commit from its empty opening field: a subject or a file
    name may hold anything but NUL. Anything that does not fit is skipped.
    """
    fields = log.split("\0")
    entries = []
    index = 0
    while index < len(fields):
        if fields[index] != "" or index + 3 >= len(fields) or not _HASH.fullmatch(fields[index + 1]):
            index += 1
            continue
        sha, timestamp, subject = fields[index + 1 : index + 4]
        index += 4
        files = []
        while index < len(fields) and fields[index] != "":
            # The first name follows the subject's line break.
            files.append(fields[index].removeprefix("\n"))
            index += 1
        entries.append((sha, timestamp, subject, tuple(files)))
    return entries


def _unshowable(commit: Commit) -> str | None:
    """Why a commit's words cannot be published, in Vietnamese, or None."""
    for what, text in [("lời ghi", commit.subject), *(("tên tệp", name) for name in commit.files)]:
        if problem := forbidden_character(text):
            return f"{what} {problem}"
        if findings := find_personal_data(text):
            return f"{what} có {findings[0].what}; trang công khai không đăng thông tin cá nhân"
        if "\ufffd" in text:
            return f"{what} không ở mã UTF-8"
    return None


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
        result = subprocess.run(["git", *arguments], cwd=folder, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    # Never fails: bytes that are not UTF-8 become lone surrogates, which the guard then refuses.
    return result.stdout.decode("utf-8", "surrogateescape").strip("\n")
