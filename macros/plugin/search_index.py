"""Search that forgives missing diacritics: "doi thoai" finds "đối thoại".

Many readers type Vietnamese without diacritics. Material's search (lunr, in
the reader's browser, offline) matches the words it indexed, so this module
gives every entry of the index written by Material's search plugin a copy of
its title and text with the diacritics removed, indexed as fields of their own
at a lower weight:

- a query typed without diacritics matches the copies;
- a query typed with diacritics matches only the real words (the copies have
  none), so "Quý" never brings up "quy"; and where a plain word is both (the
  "quy" of "quy chế"), a page that has it as written scores on both fields and
  comes first.

The index stays Material's own format, read by Material's own search worker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
FOLDED_WEIGHT = 0.5
"""Boost of a folded field relative to the field it copies."""

_TAG = re.compile(r"<[^>]*>")
# The Unicode blocks of combining marks, where NFD puts Vietnamese tones and vowel marks
# (one regular expression over the text: a test of every character took a second per build).
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_diacritics(text: str) -> str:
    """Vietnamese without diacritics: "Đối thoại" -> "Doi thoai" (other characters kept)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text)))


def add_folded_fields(index_file: Path) -> bool:
    """Add the folded fields to a Material search index in place; False when there is no index."""
    if not index_file.is_file():
        return False
    index = json.loads(index_file.read_text(encoding="utf-8"))
    fields = index["config"]["fields"]
    for field, folded in FOLDED_FIELDS.items():
        fields[folded] = {"boost": fields.get(field, {}).get("boost", 1.0) * FOLDED_WEIGHT}
    for document in index["docs"]:
        for field, folded in FOLDED_FIELDS.items():
            # Tags are dropped: Material's tokenizer reads them as markup, the folded copy needs only words.
            words = _TAG.sub(" ", document.get(field, "")).split()
            document[folded] = fold_diacritics(" ".join(words))
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
