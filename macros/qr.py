"""QR codes that lead a printed page back to its online address.

Made at build time by segno (pure Python), as inline SVG: nothing is fetched,
neither while building nor while printing.
"""

from __future__ import annotations

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
    svg = code.svg_inline(omitsize=True, border=4, dark="#000", light="#fff", svgclass=None, lineclass=None)
    # segno writes '<svg viewBox=…>'; the accessible name goes in as an attribute
    # (segno escapes a title for XML but not for this page's HTML).
    return Markup(svg.replace("<svg ", Markup('<svg role="img" aria-label="{}" ').format(escape(label)), 1))
