"""Characters that no text of the data may carry: invisible controls and text-direction overrides.

A control character (often pasted from Word) is invisible and breaks pages and
files built from the data; a bidirectional override (U+202E and its kin) makes
a text read differently on screen from what it says, which a public document
must never do. Noncharacters (U+FFFE, U+FFFF and their kin) and lone
surrogates are not text at all: XML (the Atom feed) and many readers refuse
them. All are refused with a message naming the character, also when written
as a YAML escape such as ``"\\u202e"``. A text is also limited in length: no
field of a public notice needs more, and every later step stays quick.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and line breaks, DEL and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Embeddings, overrides, isolates and the invisible direction marks.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Lone surrogates (only reachable through escapes) and the noncharacters of every plane.
_NOT_TEXT = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | last) for plane in range(17) for last in (0xFFFE, 0xFFFF))
    + "]"
)

MAX_TEXT_LENGTH = 10_000
"""Characters of one text field: many times the longest paragraph of a plan (about 650)."""


def forbidden_character(text: str) -> str | None:
    """Why the text cannot be published, in Vietnamese, or None when its characters are fine."""
    if len(text) > MAX_TEXT_LENGTH:
        return (
            f"đoạn chữ quá dài ({_thousands(len(text))} ký tự; tối đa {_thousands(MAX_TEXT_LENGTH)}); "
            "hãy tóm tắt, hoặc đính kèm toàn văn dưới dạng tệp"
        )
    if match := _NOT_TEXT.search(text):
        return (
            f"có ký tự không hợp lệ (mã U+{ord(match.group()):04X}), không phải chữ và không hiển thị được; "
            "hãy xóa ký tự đó và gõ lại"
        )
    if match := _DIRECTION.search(text):
        return (
            f"có ký tự điều khiển hướng chữ không nhìn thấy được (mã U+{ord(match.group()):04X}, "
            f"{unicodedata.name(match.group(), 'không tên')}), có thể làm chữ hiện ra khác với nội dung thật; "
            "hãy xóa ký tự đó và gõ lại đoạn chữ"
        )
    if match := _CONTROL.search(text):
        return (
            f"có ký tự điều khiển không nhìn thấy được (mã U+{ord(match.group()):04X}), "
            "thường do chép từ Word; hãy xóa ký tự đó và gõ lại"
        )
    return None


def _thousands(number: int) -> str:
    """10.000: the Vietnamese way of grouping digits."""
    return f"{number:,}".replace(",", ".")
