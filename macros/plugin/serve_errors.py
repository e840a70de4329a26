"""``mkdocs serve`` with broken data: the problems in the browser, on every address.

A failed build leaves MkDocs' server waiting for a good one, and every request
hangs until then: a clerk previewing an edit sees a page that never loads. While
serving, the ``qcdc`` plugin therefore lets a build with broken data succeed with
no pages, and the server answers every address with the list of problems that
``mkdocs build`` would print, in a page that MkDocs' live reload reloads once the
data is fixed and the site built again. ``mkdocs build`` still fails.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

LIVE_RELOAD_PATH = "/livereload/"

# Not a child of the "mkdocs" logger: MkDocs' strict mode counts every warning and error
# logged there and would fail the build that is meant to show the problems.
log = logging.getLogger("qcdc.serve")


@dataclass(frozen=True)
class ServedProblems:
    """Why the served site cannot be built: a heading and one line per problem."""

    heading: str
    problems: tuple[str, ...]

    def report(self) -> str:
        return "\n".join([self.heading, *(f"  - {problem}" for problem in self.problems)])


def tell_the_terminal(problems: ServedProblems) -> None:
    """Print the problems where ``mkdocs serve`` prints its log, as an error."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("ERROR   -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    log.error(problems.report() + "\nTrang xem thử hiện danh sách lỗi này; sửa xong và lưu tệp, trang sẽ tự tải lại.")


def answer_with_problems(server: Any, current_problems: Callable[[], ServedProblems | None]) -> None:
    """Make ``server`` (MkDocs' LiveReloadServer) answer every address with the problems, while there are any."""
    site = server.get_app()

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").startswith(LIVE_RELOAD_PATH):
            return site(environ, start_response)
        # As MkDocs does: wait for the build under way, so that its outcome decides the answer.
        with server._epoch_cond:
            server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
            epoch = server._visible_epoch
        problems = current_problems()
        if problems is None:
            return site(environ, start_response)
        # MkDocs' own live reload script: the page reloads as soon as a new build is done.
        body = server._inject_js_into_html(problems_page(problems).encode("utf-8"), epoch)
        start_response("503 Service Unavailable", [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ])
        return [body]

    server.set_app(application)


def problems_page(problems: ServedProblems) -> str:
    """A page of its own, with nothing from the theme: the site cannot be built."""
    items = "\n".join(f"<li>{html.escape(problem)}</li>" for problem in problems.problems)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dữ liệu có lỗi: trang chưa dựng được</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.4rem; color: #8b0000; }}
li {{ margin: 0.5rem 0; overflow-wrap: anywhere; }}
.qcdc-serve-note {{ border-left: 4px solid #8b0000; padding-left: 0.75rem; }}
</style>
</head>
<body>
<main>
<h1 id="qcdc-data-problems">{html.escape(problems.heading)}</h1>
<p class="qcdc-serve-note">Đây là trang xem thử trên máy của bạn. Sửa đúng chỗ được chỉ ra rồi lưu tệp:
trang này tự tải lại và hiện trang web khi dữ liệu đã đúng. Trang web đang đăng trên mạng không bị ảnh hưởng.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
