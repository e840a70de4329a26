"""Screenshot every kind of page of the real and sample sites, at phone width and on a desktop.

For a reviewer to see what readers see, before and after a change. Builds both sites (the sample
site on its demonstration day), serves them on 127.0.0.1 and saves, for every page kind, the first
screen and the whole page at 360x640 and at 1280x800, and on a phone the home page's open menu.
Run: scripts/screenshots [OUTPUT_FOLDER] [--only KIND|SITE:KIND].
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.publications.pdf import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402

SAMPLE_DAY = "15/06/2024"
# (site, page kind, URL path)
PAGES = [
    ("real", "home", ""),
    ("real", "plan", "2023-2024/ke-hoach/"),
    ("real", "responsibilities", "2023-2024/trach-nhiem/"),
    ("real", "reports", "2023-2024/bao-cao/"),
    ("real", "reception", "tiep-cong-dan/"),
    ("real", "legal-documents", "van-ban/"),
    ("real", "open-data", "du-lieu/"),
    ("real", "change-history", "lich-su/"),
    ("real", "guide", "huong-dan/"),
    ("real", "guide-yaml", "huong-dan-yaml/"),
    ("real", "duties", "2023-2024/nghia-vu/"),
    ("sample", "home", ""),
    ("sample", "dialogues", "2023-2024/doi-thoai/"),
    ("sample", "reports", "2023-2024/bao-cao/"),
    ("sample", "duties", "2023-2024/nghia-vu/"),
    ("sample", "report", "2023-2024/bao-cao/bao-cao-quy-1/"),
    ("sample", "reception", "tiep-cong-dan/"),
    ("sample", "other-year-dialogues", "2024-2025/doi-thoai/"),
    ("sample", "year-reception", "2023-2024/tiep-cong-dan/"),
    ("sample", "open-data", "du-lieu/"),
    ("sample", "change-history", "lich-su/"),
    ("sample", "printout", "2023-2024/in-ca-nam/"),
    ("sample", "404", "404.html"),
]
VIEWPORTS = {"phone": (360, 640), "desktop": (1280, 800)}
SITES = {"real": ("mkdocs.yml", "data", None), "sample": ("examples/truong-mau/mkdocs.yml", "examples/truong-mau/data", SAMPLE_DAY)}


def build(site: str, folder: Path) -> Path:
    config, data, day = SITES[site]
    env = {**os.environ, "QCDC_DATA_DIR": str(ROOT / data), "NO_MKDOCS_2_WARNING": "1"}
    if day:
        env["QCDC_TODAY"] = day
    out = folder / site
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / config), "-d", str(out)], cwd=ROOT, env=env, check=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--only", help="a page kind (e.g. home) or site:kind (sample:home)")
    arguments = parser.parse_args()
    arguments.output.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for site in SITES:
            pages = [(kind, path) for name, kind, path in PAGES if name == site]
            if arguments.only:
                pages = [(kind, path) for kind, path in pages if arguments.only in {kind, f"{site}:{kind}"}]
            if not pages:
                continue
            with serve_folder(build(site, Path(folder))) as url:
                for viewport, (width, height) in VIEWPORTS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    tab = context.new_page()
                    for kind, path in pages:
                        tab.goto(url + path, wait_until="networkidle")
                        stem = arguments.output / f"{site}-{kind}-{viewport}"
                        tab.screenshot(path=f"{stem}-first-screen.png")
                        tab.screenshot(path=f"{stem}-full.png", full_page=True)
                        if viewport == "phone" and kind == "home":
                            # The navigation, as the menu button opens it on a phone.
                            tab.click(".md-header label[for=__drawer]")
                            tab.wait_for_timeout(500)
                            tab.screenshot(path=f"{stem}-menu.png")
                        print(f"{stem}-*.png")
                    context.close()
        browser.close()


if __name__ == "__main__":
    main()
