"""Nothing from outside the data folder is read or published.

A symbolic link inside the data folder (a file, a year's folder or its
``files/`` folder) could lead to any file of the machine that builds the site,
and the site would publish it. Every path is judged by its real path, with
every link followed: it must stay inside the data folder's own real path.
Special files (devices, pipes) are never data either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import DataProblem

OUTSIDE = "là lối tắt (symlink) trỏ ra ngoài thư mục dữ liệu; trang web không đăng gì ở ngoài thư mục này. Hãy thay lối tắt bằng chính tệp hoặc thư mục đó"
BROKEN = "là lối tắt (symlink) không trỏ tới đâu; hãy xóa nó hoặc thay bằng chính tệp đó"
SPECIAL = "không phải tệp thường (là thiết bị hoặc ống dẫn); hãy xóa nó khỏi thư mục dữ liệu"


def inside(path: Path, data_dir: Path) -> bool:
    """Whether ``path``'s real path, every link followed, lies inside the data folder's real path."""
    try:
        return Path(path).resolve(strict=True).is_relative_to(Path(data_dir).resolve(strict=True))
    except (OSError, RuntimeError):  # missing, a loop of links, …
        return False


def containment_problems(data_dir: Path) -> list[DataProblem]:
    """Every link in the data folder that leads outside it or nowhere, and every special file.

    Links are not followed while walking: a link to "/" is judged, never walked through.
    """
    data_dir = Path(data_dir)
    problems = []
    for folder, folders, files in os.walk(data_dir, followlinks=False):
        for name in sorted([*folders, *files]):
            path = Path(folder) / name
            display = f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"
            if path.is_symlink():
                if not path.exists():
                    problems.append(DataProblem(display, 1, None, BROKEN))
                elif not inside(path, data_dir):
                    problems.append(DataProblem(display, 1, None, OUTSIDE))
            elif not (stat.S_ISREG(path.lstat().st_mode) or stat.S_ISDIR(path.lstat().st_mode)):
                problems.append(DataProblem(display, 1, None, SPECIAL))
    return problems
