"""When the data last changed: from git when the folder is in a repository, else from the files."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from .changes import commit_moment
from .status import VIETNAM


def last_data_change(data_dir: Path) -> date | None:
    """Date of the last commit that touched ``data_dir`` (files' own dates when not under git)."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=data_dir, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        result = None
    # A commit dated in the future (or garbled) does not count: the build must never trace back on it.
    if result is not None and result.returncode == 0 and (moment := commit_moment(result.stdout.strip())):
        return moment.date()
    times = [path.stat().st_mtime for path in Path(data_dir).rglob("*") if path.is_file()]
    return datetime.fromtimestamp(max(times), VIETNAM).date() if times else None
