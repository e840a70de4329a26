"""``qcdc-check``: check the data without building the site.

Exit status 0 when the data can be published, 1 with every problem listed
(in Vietnamese, with file, line and field) when it cannot.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.changes import read_history
from ..data.errors import DataError
from ..data.loading import load_site_data
from ..data.models import SiteData


COMMIT_AGAIN = "Sửa các chỗ trên, lưu tệp, rồi commit lại (git add, rồi git commit)."


def load_or_explain(data_dir: Path, advice: str) -> SiteData | None:
    """For the commands that change the data: the data, or None once every problem and ``advice`` are printed."""
    try:
        return load_site_data(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print(advice, file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qcdc-check", description="Kiểm tra dữ liệu trong thư mục data/ mà không dựng trang.")
    parser.add_argument("data_dir", nargs="?", default="data", type=Path, help="thư mục dữ liệu (mặc định: data)")
    parser.add_argument(
        "--khi-commit", action="store_true", help="chạy trước một lần commit (pre-commit): nói rõ lần commit bị từ chối"
    )
    arguments = parser.parse_args(argv)
    try:
        site = load_site_data(arguments.data_dir)
    except DataError as error:
        if arguments.khi_commit:
            print(error.report("lần commit này bị từ chối, chưa có gì được lưu"), file=sys.stderr)
            print(COMMIT_AGAIN, file=sys.stderr)
        else:
            print(error.report(), file=sys.stderr)
        return 1
    years = ", ".join(plan.school_year for plan in site.plans)
    print(f"Dữ liệu hợp lệ: {site.school.name}, năm học {years}.")
    # Commits the change history cannot show: the build leaves them out and says so; so does the check.
    warnings = [str(warning) for warning in site.warnings]
    warnings += [f"lịch sử git: {warning}" for warning in read_history(arguments.data_dir).left_out]
    if warnings:
        print(f"Có {len(warnings)} cảnh báo (không chặn việc đăng, nhưng nên kiểm tra):")
        for warning in warnings:
            print(f"  - {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
