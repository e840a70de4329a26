"""The validated data folder as it was at a commit, read from git without touching the work tree.

Each version is cached by commit id (a commit never changes): a rebuild of `mkdocs serve`,
or the next data change's comparison, reads it once. What a version costs is measured by
benchmarks/ (the change-history page logs its own time too).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .errors import DataError
from .loading import load_site_data
from .models import SiteData

_versions: dict[tuple[str, str], SiteData | None] = {}


def data_at(root: Path, commit: str, folder: str) -> SiteData | None:
    """The data of ``folder`` (relative to the repository's ``root``) at ``commit``, validated;
    None when it did not pass the checks (such a version was never published) or is missing."""
    key = (commit, folder)
    if key not in _versions:
        _versions[key] = _load(root, commit, folder)
    return _versions[key]


def _load(root: Path, commit: str, folder: str) -> SiteData | None:
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit, "--", folder or "."],
            cwd=root, capture_output=True, timeout=60, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
        try:
            return load_site_data(Path(scratch) / folder)
        except (DataError, OSError, ValueError):
            return None
