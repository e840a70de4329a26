"""Read a PDF the way the print tests need: with poppler-utils and zbar-tools, real tools on real files."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

TOOLS = {"pdfinfo": "poppler-utils", "pdffonts": "poppler-utils", "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdftohtml": "poppler-utils", "zbarimg": "zbar-tools"}
POINTS_PER_MM = 72 / 25.4
INK_DPI = 50
FILL_DPI = 30


def missing_tools() -> list[str]:
    """The tools of ``TOOLS`` not on PATH, with their Debian package."""
    return [f"{tool} ({package})" for tool, package in TOOLS.items() if shutil.which(tool) is None]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


class Pdf:
    """One PDF file; pages are numbered from 1 as in a viewer."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @cached_property
    def page_count(self) -> int:
        return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(self.path)), re.MULTILINE)[1])

    def page_sizes(self) -> list[tuple[float, float]]:
        """Width and height of every page, in points."""
        info = _run("pdfinfo", "-f", "1", "-l", str(self.page_count), str(self.path))
        return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)]

    def text(self, page: int | None = None) -> str:
        """The text of one page or of all, Unicode NFC, whitespace folded."""
        pages = ["-f", str(page), "-l", str(page)] if page else []
        raw = _run("pdftotext", "-enc", "UTF-8", *pages, str(self.path), "-")
        return " ".join(unicodedata.normalize("NFC", raw).split())

    def lines(self, page: int) -> list[str]:
        """The lines of text of a page, in reading order."""
        raw = _run("pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(self.path), "-")
        return [" ".join(line.split()) for line in unicodedata.normalize("NFC", raw).splitlines() if line.strip()]

    def words(self, page: int) -> list[Word]:
        """Every word of a page with its box, in points from the top left corner."""
        xhtml = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(self.path), "-")
        return [
            Word(unicodedata.normalize("NFC", word.get_text()), *(float(word[key]) for key in ("xmin", "ymin", "xmax", "ymax")))
            for word in BeautifulSoup(xhtml, "html.parser").find_all("word")
        ]

    def info(self) -> dict[str, str]:
        """The document's information as pdfinfo reports it (Title, Tagged, Pages, …)."""
        rows = _run("pdfinfo", str(self.path)).splitlines()
        return {key.strip(): value.strip() for key, _, value in (row.partition(":") for row in rows) if value}

    def outline(self) -> list[tuple[int, str]]:
        """The bookmarks: (depth, title) in order, as poppler's pdftohtml reads them."""
        xml = _run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(self.path))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            outline = BeautifulSoup(xml, "html.parser").find("outline")
        if outline is None:
            return []
        return [
            (len(item.find_parents("outline")), unicodedata.normalize("NFC", " ".join(item.get_text().split())))
            for item in outline.find_all("item")
        ]

    def language(self) -> str | None:
        """The document's language: the /Lang of its catalog (Chromium writes it uncompressed)."""
        match = re.search(rb"/Type\s*/Catalog\b(?:(?!endobj).)*?/Lang\s*\(([^)]*)\)", self.path.read_bytes(), re.DOTALL)
        return match[1].decode("latin-1") if match else None

    def links(self) -> list[str]:
        """The address of every link of the file, page after page."""
        rows = _run("pdfinfo", "-url", str(self.path)).splitlines()[1:]
        return [row.split()[2] for row in rows if row.strip()]

    def fonts(self) -> list[tuple[str, bool]]:
        """Every font of the file: its name, and whether it is embedded."""
        rows = _run("pdffonts", str(self.path)).splitlines()[2:]
        fonts = []
        for row in rows:
            # The name may be "[none]"; the "emb" column is the third from the right of type/encoding.
            match = re.match(r"^(\S+)\s+.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row)
            assert match, f"unexpected pdffonts line: {row!r}"
            fonts.append((match[1], match[2] == "yes"))
        return fonts

    def ink(self, page: int, top_mm: float = 0, bottom_mm: float = 0) -> int:
        """How many dark pixels a page has at 50 dpi, leaving out bands at its top and bottom."""
        with tempfile.TemporaryDirectory() as folder:
            stem = Path(folder) / "page"
            subprocess.run(
                ["pdftoppm", "-gray", "-r", str(INK_DPI), "-f", str(page), "-l", str(page), "-singlefile", str(self.path), str(stem)],
                check=True,
                timeout=120,
            )
            width, height, pixels = _read_pgm(stem.with_suffix(".pgm").read_bytes())
        first, last = round(top_mm / 25.4 * INK_DPI), height - round(bottom_mm / 25.4 * INK_DPI)
        return sum(1 for value in pixels[first * width : last * width] if value < 128)

    def fill(self, page: int, band_mm: float = 17) -> float:
        """How far down a sheet its content reaches: 0 for none, 1 for the whole height between
        bands of ``band_mm`` at the top and bottom (the margins, where the running line and the
        page number print)."""
        with tempfile.TemporaryDirectory() as folder:
            stem = Path(folder) / "page"
            subprocess.run(
                ["pdftoppm", "-gray", "-r", str(FILL_DPI), "-f", str(page), "-l", str(page), "-singlefile", str(self.path), str(stem)],
                check=True,
                timeout=120,
            )
            width, height, pixels = _read_pgm(stem.with_suffix(".pgm").read_bytes())
        top = round(band_mm / 25.4 * FILL_DPI)
        bottom = height - top
        inked = [row for row in range(top, bottom) if min(pixels[row * width : (row + 1) * width]) < 160]
        return (inked[-1] + 1 - top) / (bottom - top) if inked else 0.0

    def qr_codes(self, page: int) -> list[str]:
        """The QR codes that zbarimg reads on a page rendered at 200 dpi."""
        with tempfile.TemporaryDirectory() as folder:
            stem = Path(folder) / "page"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page), "-singlefile", str(self.path), str(stem)],
                check=True,
                timeout=120,
            )
            # Exit status 4: no code found.
            result = subprocess.run(
                ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(stem.with_suffix(".png"))],
                capture_output=True,
                text=True,
                timeout=120,
            )
        assert result.returncode in {0, 4}, result.stderr
        return result.stdout.splitlines()


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5, 8-bit) as pdftoppm writes it."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match and int(match[3]) == 255, data[:20]
    return int(match[1]), int(match[2]), data[match.end() :]
