"""How long the change-history page takes to describe N data commits, cold and cached.

Each commit of the data folder is read from git (`git archive`) and validated, then compared
with the version before it. Versions are cached by commit id for the life of the process:
the page and du-lieu/lich-su.json share one computation per build, and `mkdocs serve`
rebuilds read only the new commits. Run: .venv/bin/python benchmarks/change_history.py [N ...]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data import data_versions  # noqa: E402
from macros.data.changes import read_history  # noqa: E402
from macros.data.change_log import data_changes  # noqa: E402

GIT = ["git", "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.invalid", "-c", "commit.gpgsign=false"]


def repository(folder: Path, commits: int) -> Path:
    """The sample data, then ``commits`` commits each moving the upcoming dialogue by a day."""
    shutil.copytree(ROOT / "examples" / "truong-mau" / "data", folder / "data")
    subprocess.run([*GIT, "init", "-q", str(folder)], check=True)
    subprocess.run([*GIT, "add", "."], cwd=folder, check=True)
    subprocess.run([*GIT, "commit", "-qm", "start"], cwd=folder, check=True)
    dialogues = folder / "data" / "years" / "2023-2024" / "dialogues.yml"
    text = dialogues.read_text(encoding="utf-8")
    for number in range(1, commits):
        day = 1 + number % 28
        dialogues.write_text(text.replace("date: 16/08/2024", f"date: {day:02d}/08/2024"), encoding="utf-8")
        subprocess.run([*GIT, "commit", "-qam", f"change {number}"], cwd=folder, check=True)
    return folder


def main() -> None:
    for commits in [int(value) for value in sys.argv[1:]] or [10, 50, 200]:
        with tempfile.TemporaryDirectory() as scratch:
            folder = repository(Path(scratch), commits)
            history = read_history(folder)
            data_versions._versions.clear()
            started = time.perf_counter()
            changes, _ = data_changes(history, folder / "data")
            cold = time.perf_counter() - started
            started = time.perf_counter()
            data_changes(history, folder / "data")
            warm = time.perf_counter() - started
            print(f"{commits:4d} data commits: {len(changes)} described, cold {cold:.2f} s ({cold / commits * 1000:.0f} ms each), cached {warm * 1000:.0f} ms")


if __name__ == "__main__":
    main()
