"""Characters that no text of the data may carry: invisible controls and text-direction overrides.

A control character (often pasted from Word) is invisible and breaks pages and
files built from the data; a bidirectional override (U+202E and its kin) makes
a text read differently on screen from what it says, which a public document
must never do. Both are refused with a message naming the character, also when
written as a YAML escape such as ``"\\u202e"``.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and line breaks, DEL and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Embeddings, overrides, isolates and the invisible direction marks.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def forbidden_character(text: str) -> str | None:
    """Why the text cannot be published, in Vietnamese, or None when its characters are fine."""
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
