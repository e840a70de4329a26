"""QR codes that lead a printed page back to its online address.

Made at build time by segno (pure Python), as inline SVG: nothing is fetched,
neither while building nor while printing.
"""

from __future__ import annotations

import re

import segno
from markupsafe import Markup, escape


def qr_svg(url: str, label: str) -> Markup:
    """An SVG QR code of ``url``, scalable (viewBox only), named ``label`` for screen readers.

    Error correction level M survives the smudges and folds of a notice board;
    the four-module quiet zone that readers need is part of the image.
    """
    # A fixed mask: choosing the best of eight cost three quarters of the build time of
    # every page's QR code (benchmarks/RESULTS.md); any mask reads back alike.
    code = segno.make(url, error="m", micro=False, boost_error=False, mask=0)
    return Markup('<svg role="img" aria-label="{}" ').format(escape(label)) + Markup(_svg_body(code.matrix))


# A row's runs of dark modules (segno's matrix holds 1 for dark, 0 for light).
_DARK_RUN = re.compile(b"\x01+")
QUIET_ZONE = 4


def _svg_body(matrix: tuple[bytearray, ...]) -> str:
    """The rest of the ``<svg`` element: a white square, and a line along each run of dark modules.

    Written here rather than by segno's SVG writer, which took a third of each code's time;
    relative moves keep it as short as segno's.
    """
    size = len(matrix) + 2 * QUIET_ZONE
    path, x, y = [], 0, 0
    for row_number, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(bytes(row)):
            path.append(f"m{run.start() - x} {row_number - y}h{run.end() - run.start()}")
            x, y = run.end(), row_number
    return (
        f'viewBox="0 0 {size} {size}"><path fill="#fff" d="M0 0h{size}v{size}H0z"/>'
        f'<path stroke="#000" transform="translate({QUIET_ZONE} {QUIET_ZONE + 0.5})" d="M0 0{"".join(path)}"/></svg>'
    )
