"""Print pages of a built site to PDF in headless Chromium, as a reader's browser would.

The site is served from its folder on the loopback interface only; Debian's
Chromium (never a browser that Playwright downloads) prints each page with
the site's own print stylesheet: A4, the page size and margins of ``@page``.
Any request for another host is refused, so a PDF can only show what the site
itself holds.

A page may be continued on other pages (the whole-year printout's parts): their
parts are appended to it in the browser before it is printed, so that its PDF
holds everything in one file, numbered through.
"""

from __future__ import annotations

import functools
import http.server
import ipaddress
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Containers often have a tiny /dev/shm; Chromium then crashes on big pages.
    "--disable-dev-shm-usage",
]


class PdfError(Exception):
    """Printing failed; the message says why, in Vietnamese, for the build log."""


def unpublishable_address(site_url: str | None) -> str | None:
    """Why ``site_url`` cannot be the address of a published site (None when it can).

    A publishing build writes the address into every QR code, calendar link and PDF:
    an unset one, or one of the machine that builds (loopback), leads a reader nowhere.
    """
    advice = (
        "Khi đăng trang, hãy đặt biến môi trường QCDC_SITE_URL (hoặc site_url trong mkdocs.yml) "
        "bằng địa chỉ trang web trên mạng, ví dụ https://truong.example.edu.vn/qcdc/. "
        "Xem thử trên máy này thì dùng scripts/serve."
    )
    if not site_url or not site_url.strip():
        return "Chưa có địa chỉ trang web (site_url): mã QR, liên kết lịch và bản PDF sẽ không dẫn đến đâu. " + advice
    parts = urlsplit(site_url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host:
        return f"Địa chỉ trang web (site_url) {site_url!r} không phải một địa chỉ http(s) đầy đủ. " + advice
    try:
        address = ipaddress.ip_address(host)
        local = address.is_loopback or address.is_unspecified
    except ValueError:
        local = host == "localhost" or host.endswith(".localhost")
    if local:
        return (
            f"Địa chỉ trang web (site_url) đang là {site_url}, chỉ mở được trên chính máy dựng trang: "
            "mã QR, liên kết lịch và bản PDF sẽ dẫn người đọc đến chỗ không có gì. " + advice
        )
    return None


@dataclass(frozen=True)
class PrintJob:
    page: str
    """URL path of the page inside the site, e.g. ``2023-2024/ke-hoach/``."""
    pdf: str
    """Where the PDF is written, relative to the site folder."""
    continued_on: tuple[str, ...] = ()
    """URL paths of the pages whose parts (``PART``) continue the page, in order."""


PART = "article .qcdc-printout-part"
"""What a continuing page adds to the page it continues; on that page, they follow its own parts."""

# Fetches each continuing page and appends its parts after the last part of this
# one. Their links are made root-relative (a part's "../x/" is not the page's), or
# kept as "#id" within their page, whose ids the printout keeps unique.
_APPEND_PARTS = """async ([selector, urls]) => {
    const counts = [];
    let last = [...document.querySelectorAll(selector)].pop();
    for (const url of urls) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${url}`);
        const source = new DOMParser().parseFromString(await response.text(), "text/html");
        const base = new URL(response.url);
        const parts = [...source.querySelectorAll(selector)];
        for (const part of parts) {
            for (const element of part.querySelectorAll("[href], [src]")) {
                const name = element.hasAttribute("href") ? "href" : "src";
                const target = new URL(element.getAttribute(name), base);
                if (target.origin !== location.origin) continue;
                const local = target.pathname === base.pathname && target.hash;
                element.setAttribute(name, local ? target.hash : target.pathname + target.search + target.hash);
            }
            const copy = document.importNode(part, true);
            last.after(copy);
            last = copy;
        }
        counts.push(parts.length);
    }
    // The QR code ends the last sheet of content: placed inside the last part's last block,
    // Chromium keeps it there (break-before: avoid), taking lines along rather than leaving
    // it a sheet of its own, which it does when the QR code follows the parts' container.
    const qr = document.querySelector(".qcdc-print-qr");
    if (qr && counts.some((count) => count > 0)) {
        const blocks = last.querySelectorAll(":scope > .qcdc-keep-together");
        (blocks.length ? blocks[blocks.length - 1] : last).append(qr);
    }
    // Lay the page out now: the fonts the new text needs start loading, and fonts.ready waits for them.
    document.body.getBoundingClientRect();
    return counts;
}"""


# A reader of the PDF follows its links to the published site, not to the server that printed it.
# Links inside the page itself stay as they are: they jump within the PDF.
_PUBLIC_LINKS = """([local, published]) => {
    for (const link of document.querySelectorAll("a[href]")) {
        if (!link.getAttribute("href").startsWith("#") && link.href.startsWith(local)) {
            link.href = published + link.href.slice(local.length);
        }
    }
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(
    folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve ``folder`` over HTTP on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def print_pages(
    site_dir: Path,
    jobs: Iterable[PrintJob],
    output_dir: Path | None = None,
    chromium: Path = CHROMIUM,
    public_url: str | None = None,
) -> list[Path]:
    """Print every job's page of the site in ``site_dir`` to its PDF; returns the PDFs written.

    The PDFs go into the site itself unless ``output_dir`` says otherwise. Their links to the
    site's pages lead to ``public_url`` (the site's published address) when it is given.
    """
    if not chromium.exists():
        raise PdfError(f"Không tìm thấy trình duyệt Chromium tại {chromium} để in PDF (Debian: apt-get install chromium).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("Thiếu gói Playwright để in PDF: chạy scripts/setup pdf (hoặc dùng scripts/pdf).") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            return print_in(browser, site_dir, jobs, output_dir, public_url)
        finally:
            browser.close()


def print_in(
    browser: Browser, site_dir: Path, jobs: Iterable[PrintJob], output_dir: Path | None = None, public_url: str | None = None
) -> list[Path]:
    """``print_pages`` in a browser that is already running (the tests share theirs)."""
    from playwright.sync_api import Error as PlaywrightError

    written: list[Path] = []
    with serve_folder(site_dir) as base_url:
        page = browser.new_page()
        try:
            site_host = urlsplit(base_url).netloc
            page.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == site_host else route.abort())
            # Print media from the start: the fonts used only in print are then
            # requested while the page loads, and "networkidle" waits for them.
            page.emulate_media(media="print")
            for job in jobs:
                target = (output_dir or site_dir) / job.pdf
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    response = page.goto(urljoin(base_url, job.page), wait_until="networkidle")
                    if response is None or not response.ok:
                        raise PdfError(f"Không mở được trang {job.page} để in PDF (HTTP {response and response.status}).")
                    _append_continuations(page, base_url, job)
                    if public_url:
                        page.evaluate(_PUBLIC_LINKS, [base_url, public_url])
                    page.evaluate("document.fonts.ready.then(() => true)")
                    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
                except PlaywrightError as error:
                    raise PdfError(f"Chromium không in được trang {job.page} ra PDF: {error.message}") from None
                written.append(target)
        finally:
            page.close()
    return written


def _append_continuations(page: Page, base_url: str, job: PrintJob) -> None:
    """Append the parts of the pages that continue ``job``'s page to it, as loaded in ``page``."""
    if not job.continued_on:
        return
    urls = [urljoin(base_url, url) for url in job.continued_on]
    counts = page.evaluate(_APPEND_PARTS, [PART, urls])
    empty = [url for url, count in zip(job.continued_on, counts) if count == 0]
    if empty:
        raise PdfError(f"Trang {empty[0]} không có phần nào để in tiếp trang {job.page}.")
