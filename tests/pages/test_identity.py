"""Public contacts become tel:, mailto: or web links only when plainly one; anything else stays text."""

from __future__ import annotations

import pytest

from macros.pages.identity import contact_href


@pytest.mark.parametrize(
    ("kind", "value", "href"),
    [
        ("phone", "028 0000 0000", "tel:02800000000"),
        ("phone", "+84 (28) 3891-2345", "tel:+842838912345"),
        ("email", "vanphong@mnhoasen.example", "mailto:vanphong@mnhoasen.example"),
        ("website", "https://mnhoasen.example/", "https://mnhoasen.example/"),
        ("phone", "gọi văn phòng", None),
        ("phone", "javascript:alert(1)", None),
        ("email", "a@b.example?subject=<script>", None),
        ("email", "javascript:alert(1)@x.com", None),
        ("website", "javascript:window.qcdcPwned=true", None),
        ("website", "http://x.example/\"onmouseover=alert(1)", None),
        ("address", "Số 1 đường Mẫu", None),
        ("in_person", "Phòng tiếp dân", None),
    ],
)
def test_contact_links(kind: str, value: str, href: str | None) -> None:
    assert contact_href(kind, value) == href
