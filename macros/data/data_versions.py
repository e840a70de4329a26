"""The validated data folder as it was at each commit, read from git without touching the work tree.

The versions are read in one pass: a scratch folder follows the commits one by one, and
only the files whose content differs from the previous commit's are written again (read
through one ``git cat-file --batch``), so a version costs about one validation of the data.
Each version is also cached by commit id (a commit never changes) for the life of the
process: the page, the open data and the rebuilds of `mkdocs serve` read it once.
benchmarks/change_history.py measures the cost.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import DataError
from .loading import load_site_data
from .models import SiteData

_versions: dict[tuple[str, str, str], SiteData | None] = {}
_REGULAR_FILES = {"100644", "100755"}


def data_versions(root: Path, commits: Iterable[str], folder: str) -> dict[str, SiteData | None]:
    """The data of ``folder`` (relative to the repository's ``root``) at each commit, validated;
    None for a version that did not pass the checks (it was never published)."""
    commits = list(commits)
    missing = [commit for commit in commits if (str(root), commit, folder) not in _versions]
    if missing:
        with _Checkout(root, folder) as checkout:
            for commit in missing:
                _versions[str(root), commit, folder] = checkout.load(commit)
    return {commit: _versions[str(root), commit, folder] for commit in commits}


class _Checkout:
    """A scratch copy of the data folder that can be moved from commit to commit."""

    def __init__(self, root: Path, folder: str) -> None:
        self.root, self.folder = root, folder
        self.blobs: dict[str, str] = {}

    def __enter__(self) -> _Checkout:
        self.scratch = tempfile.TemporaryDirectory(prefix="qcdc-history-")
        self.reader = subprocess.Popen(
            ["git", "cat-file", "--batch"], cwd=self.root, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        return self

    def __exit__(self, *exception: object) -> None:
        self.reader.stdin.close()
        self.reader.wait(timeout=60)
        self.scratch.cleanup()

    def load(self, commit: str) -> SiteData | None:
        wanted = self._listing(commit)
        if wanted is None:
            return None
        base = Path(self.scratch.name)
        for name in set(self.blobs) - set(wanted):
            (base / name).unlink(missing_ok=True)
            del self.blobs[name]
        for name, blob in wanted.items():
            if self.blobs.get(name) != blob:
                target = base / name
                target.parent.mkdir(parents=True, exist_ok=True)
                blob_content = self._read(blob)
                if blob_content is None:
                    return None
                target.write_bytes(blob_content[1])
                self.blobs[name] = blob
        try:
            return load_site_data(base / self.folder)
        except (DataError, OSError, ValueError):
            return None

    def _listing(self, commit: str) -> dict[str, str] | None:
        """Every regular file under the folder at ``commit``: path -> blob id (trees read through
        the same ``git cat-file --batch``: no process per commit)."""
        folder = self.folder.strip("/")
        tree = self._read(f"{commit}:{folder}" if folder else f"{commit}^{{tree}}")
        if tree is None or tree[0] != "tree":
            return None
        id_bytes = len(commit) // 2  # 20 for SHA-1 repositories, 32 for SHA-256
        files: dict[str, str] = {}
        pending = [(folder, tree[1])]
        while pending:
            prefix, content = pending.pop()
            for mode, name, object_id in _tree_entries(content, id_bytes):
                path = f"{prefix}/{name}" if prefix else name
                if mode == "40000":
                    subtree = self._read(object_id)
                    if subtree is not None and subtree[0] == "tree":
                        pending.append((path, subtree[1]))
                # Links and submodules are not data; a path is never allowed out of the scratch folder.
                elif mode in _REGULAR_FILES and name not in {".", ".."}:
                    files[path] = object_id
        return files

    def _read(self, name: str) -> tuple[str, bytes] | None:
        """An object's type and content, or None when the repository has no such object."""
        self.reader.stdin.write(name.encode() + b"\n")
        self.reader.stdin.flush()
        header = self.reader.stdout.readline().split()
        if len(header) != 3:
            return None  # "<name> missing"
        content = self.reader.stdout.read(int(header[2]))
        self.reader.stdout.read(1)  # the newline after the content
        return header[1].decode(), content


def _tree_entries(content: bytes, id_bytes: int) -> list[tuple[str, str, str]]:
    """A git tree's entries: (mode, name, object id in hex)."""
    entries, position = [], 0
    while position < len(content):
        space = content.index(b" ", position)
        nul = content.index(b"\0", space)
        object_id = content[nul + 1 : nul + 1 + id_bytes].hex()
        entries.append((content[position:space].decode(), content[space + 1 : nul].decode("utf-8", "replace"), object_id))
        position = nul + 1 + id_bytes
    return entries
