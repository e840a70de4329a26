"""Throwaway git repositories with commits at known dates, for the tests of dates and history."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "Người biên tập",
    "GIT_AUTHOR_EMAIL": "bien-tap@example.invalid",
    "GIT_COMMITTER_NAME": "Người biên tập",
    "GIT_COMMITTER_EMAIL": "bien-tap@example.invalid",
}


def git(repository: Path, *arguments: str, when: str | None = None) -> str:
    """Run git in ``repository``; ``when`` (ISO 8601, with its offset) dates the commit it makes."""
    environment = {**os.environ, **IDENTITY}
    # The user's own settings (signing, hooks, default branch) must not change what the test sees.
    environment.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if when:
        environment.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    result = subprocess.run(
        ["git", *arguments], cwd=repository, env=environment, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def init(repository: Path) -> Path:
    repository.mkdir(parents=True, exist_ok=True)
    git(repository, "init", "-q", "-b", "main")
    return repository


def commit(repository: Path, message: str, when: str, *paths: str) -> str:
    """Commit ``paths`` (everything when none is given) at ``when``; return the commit's hash."""
    git(repository, "add", "--", *(paths or ["."]))
    git(repository, "commit", "-q", "-m", message, when=when)
    return git(repository, "rev-parse", "HEAD").strip()


def write(repository: Path, relative: str, text: str) -> Path:
    path = repository / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
