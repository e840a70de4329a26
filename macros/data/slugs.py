"""URL-friendly ids from Vietnamese text: "Mục đích" -> "muc-dich"."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, separator: str = "-") -> str:
    """Ascii slug; đ becomes d (it has no decomposition, so stripping marks alone would drop it)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", separator, ascii_text.lower()).strip(separator)

