"""The personal-data guard's reading of a text: normalised first, then read once from left to right.

The hostile corpus (tests/fixtures/hostile-inputs/variants.yml) runs many disguised
numbers and e-mails through the real check and build; these tests look at the guard itself.
"""

from __future__ import annotations

import pytest

from macros.data.characters import MAX_TEXT_LENGTH
from macros.data.privacy import EMAIL, ID_NUMBER, PHONE, find_personal_data, normalised, public_keys
from macros.data.models import Contact


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("０９１２", "0912"),  # full-width digits
        ("𝟎𝟗𝟏𝟐", "0912"),  # mathematical digits
        ("٠٩١٢", "0912"),  # Arabic-Indic digits
        ("09\u200b12\u2060\u00ad34\ufeff", "091234"),  # zero-width space, word joiner, soft hyphen, BOM
        ("09\u00a012\t34\u3000", "09 12 34 "),  # every space is a space
        ("09\u201312\u201434\u221256", "09-12-34-56"),  # every dash is a dash
        ("a\uff20b\u3002c\uff61d", "a@b.c.d"),
    ],
)
def test_text_is_normalised_before_it_is_read(written: str, read: str) -> None:
    assert normalised(written) == read


@pytest.mark.parametrize(
    ("text", "what", "key"),
    [
        ("Gọi 0912 345 678", PHONE, "0912345678"),
        ("(024) 3825 1234", PHONE, "02438251234"),
        ("+84 (0) 24 3825 1234", PHONE, "02438251234"),
        ("lan.nguyen (at) gmail (dot) com", EMAIL, "lan.nguyen@gmail.com"),
        ("CCCD 079 123 456 789", ID_NUMBER, "079123456789"),
        ("CMND 079 123 456", ID_NUMBER, "079123456"),
    ],
)
def test_what_is_found_compares_by_its_canonical_form(text: str, what: str, key: str) -> None:
    (finding,) = find_personal_data(text)
    assert (finding.what, finding.key) == (what, key)


def test_a_public_contact_is_recognised_however_it_is_written() -> None:
    keys = public_keys([Contact(kind="phone", value="(028) 0000 0000"), Contact(kind="email", value="VanPhong@Truong.example")])
    assert {finding.key for finding in find_personal_data("gọi 028.0000.0000 hoặc vanphong[at]truong.example")} <= keys


@pytest.mark.parametrize(
    "pattern",
    ["0 ", "0.", "1", "a", "@", "a@", "a.", "@a.", "+84 ", "(0) ", "[at]", " @ ", "a@b.", "0912345678/", "0\u200b"],
)
def test_a_field_at_the_length_limit_is_read_once_whatever_it_repeats(pattern: str) -> None:
    """No timing is asserted (the guide forbids it): the patterns cannot backtrack, so this completes.

    Measured on the build machine: under 0.1 s for each pattern at 10,000 characters.
    """
    text = (pattern * MAX_TEXT_LENGTH)[:MAX_TEXT_LENGTH]
    assert isinstance(find_personal_data(text), list)
