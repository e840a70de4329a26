"""The personal-data guard: public pages never carry private phone numbers, e-mails or ID numbers.

Every text of every data file is scanned, the labels of the school's public
contacts included; only the contacts declared public (``public_contacts`` in
school.yml) may appear. Git history is scanned with the same function.

A text is normalised before it is scanned, so that a number cannot slip
through in disguise: NFKC (full-width and mathematical digits, ``＠``), every
kind of decimal digit made ASCII, invisible format characters (zero-width
space, word joiner, soft hyphen) removed, every space and dash unified, and
e-mails written ``[at]``, ``(at)``, `` @ `` or with an ideographic full stop
put back together. The patterns then read the text once from left to right:
no pattern can backtrack over a long text (a 150,000-character field once took
26 seconds with a pattern that could).

What no pattern can find: the name of a complainant or a child. The editor's
guide says so; the data models ask for no such name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import DataProblem
from .findings import problem
from .models import Contact
from .yaml_source import SourceFile, texts

PHONE = "số điện thoại"
EMAIL = "địa chỉ e-mail"
ID_NUMBER = "số giấy tờ tùy thân (CMND/CCCD)"

# Between the digit groups of one number: spaces, dots, dashes, underscores, slashes, commas,
# brackets and a plus, at most a few in a row ("(024) 3825", "+84 (0) 912").
_SEPARATORS = " .-_/,()+"
_RUN = re.compile(r"[0-9](?:[ .\-_/,()+]{0,4}[0-9])*")
_GROUP = re.compile(r"[0-9]+")
# A date among numbers ("01/09/2023-31/08/2024") is not a phone number: dates are set apart first.
_DATE = re.compile(r"(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:19|20)[0-9]{2}(?![0-9])")
_AT_WORD = re.compile(r" {0,3}[\[({] {0,3}(?:at|a còng) {0,3}[\])}] {0,3}", re.IGNORECASE)
_DOT_WORD = re.compile(r" {0,3}[\[({] {0,3}(?:dot|chấm) {0,3}[\])}] {0,3}", re.IGNORECASE)
_LOCAL_PART = re.compile(r"[A-Za-z0-9._%+-]{1,64}\Z")
_DOMAIN = re.compile(r"(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])")
_FULL_STOPS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u2024": "."})


@dataclass(frozen=True)
class Finding:
    """Personal data found in a text: what it is, as found (normalised), and its canonical form."""

    what: str
    found: str
    key: str


def normalised(text: str) -> str:
    """The text as the guard reads it (see the module's docstring); same length or shorter."""
    text = unicodedata.normalize("NFKC", text).translate(_FULL_STOPS)
    characters = []
    for character in text:
        if character.isascii():
            characters.append(" " if character in "\t\n\r\x0b\x0c" else character)
            continue
        category = unicodedata.category(character)
        if category == "Cf":
            continue  # zero-width space, word joiner, soft hyphen, …
        if category == "Nd":
            characters.append(str(unicodedata.decimal(character)))
        elif category.startswith("Z") or character in "\u0085":
            characters.append(" ")
        elif category == "Pd" or character in "\u2212":
            characters.append("-")
        else:
            characters.append(character)
    return "".join(characters)


def find_personal_data(text: str) -> list[Finding]:
    """Every phone number, e-mail and ID number in ``text``, public or not."""
    text = normalised(text)
    return [*_emails(text), *_numbers(_DATE.sub(" ", text))]


def public_keys(contacts: Iterable[Contact]) -> set[str]:
    """The canonical forms of the school's declared public contacts."""
    return {finding.key for contact in contacts for finding in find_personal_data(contact.value)}


def personal_data_problems(sources: list[SourceFile], public_contacts: list[Contact]) -> list[DataProblem]:
    allowed = public_keys(public_contacts)
    problems = []
    for source in sources:
        for location, text in texts(source.value):
            for finding in find_personal_data(text):
                if finding.key not in allowed:
                    problems.append(problem(source, location, message(finding)))
    return problems


def message(finding: Finding) -> str:
    return (
        f"có {finding.what} {finding.found!r}; trang công khai không đăng thông tin cá nhân. "
        "Chỉ được dùng liên hệ công khai của nhà trường đã khai trong school.yml (public_contacts)"
    )


# --- E-mails ----------------------------------------------------------------------


def _emails(text: str) -> Iterator[Finding]:
    text = _DOT_WORD.sub(".", _AT_WORD.sub("@", text))
    # Spaces around "@" are dropped by splitting, not by a pattern: "\s*@" would re-read long runs of spaces.
    parts = text.split("@")
    for index in range(len(parts) - 1):
        before, after = parts[index].rstrip(), parts[index + 1].lstrip()
        local = _LOCAL_PART.search(before[-64:])
        domain = _DOMAIN.match(after[:255])
        if local and domain:
            found = f"{local.group().lstrip('.')}@{domain.group()}"
            yield Finding(EMAIL, found, found.lower())


# --- Phone and ID numbers -------------------------------------------------------------


def _numbers(text: str) -> Iterator[Finding]:
    for run in _RUN.finditer(text):
        written = run.group()
        groups = [(match.group(), match.start(), match.end()) for match in _GROUP.finditer(written)]
        # What precedes each group: the separators after the previous one (for the first, the character before the run).
        joints = [text[max(run.start() - 1, 0) : run.start()]]
        joints += [written[groups[i - 1][2] : groups[i][1]] for i in range(1, len(groups))]
        phones = list(_phones(written, groups, joints))
        taken = {index for _, indexes in phones for index in indexes}
        yield from (finding for finding, _ in phones)
        yield from _id_numbers(written, groups, joints, taken)


def _phones(run: str, groups: list[tuple[str, int, int]], joints: list[str]) -> Iterator[tuple[Finding, range]]:
    """Vietnamese numbers: 0 then 9 or 10 digits (mobile 09x…, landline 02xx…), or the same after +84 / 84.

    A number starts at a group and ends at the first group after which it has a number's length:
    two numbers joined by "/" or "," are two numbers, and a long run never hides one.
    """
    index = 0
    while index < len(groups):
        first, start, _ = groups[index]
        international = first.startswith("84")
        found = None
        if first.startswith("0") or international:
            digits = ""
            for last in range(index, len(groups)):
                digits += groups[last][0]
                number = _national(digits, international)
                if len(number) > 11:
                    break
                if len(number) in (10, 11) and number[1] != "0":
                    found = last
                    break
        if found is None:
            index += 1
            continue
        written = run[start : groups[found][2]]
        yield Finding(PHONE, written, _national(re.sub(r"[^0-9]", "", written), international)), range(index, found + 1)
        index = found + 1


def _national(digits: str, international: bool) -> str:
    """A number as dialled inside Viet Nam: 84 912… and 84 (0) 912… are 0912…"""
    if not international:
        return digits
    rest = digits[2:]
    return "0" + (rest[1:] if rest.startswith("0") else rest)


_ID_JOINTS = {3: set(" -_"), 4: set(" .-_")}


def _id_numbers(run: str, groups: list[tuple[str, int, int]], joints: list[str], taken: set[int]) -> Iterator[Finding]:
    """12 or 9 digits: written together, or grouped 4-4-4, 3-3-3 or 3-3-3-3 (not dates, years or amounts)."""
    index = 0
    while index < len(groups):
        digits, start, _ = groups[index]
        if index in taken:
            index += 1
            continue
        alone = "/" not in joints[index] and (index + 1 >= len(groups) or "/" not in joints[index + 1])
        if len(digits) in (9, 12) and alone:
            yield Finding(ID_NUMBER, digits, digits)
            index += 1
            continue
        window = _id_window(groups, joints, taken, index)
        if window:
            written = run[start : groups[index + window - 1][2]]
            yield Finding(ID_NUMBER, written, "".join(group[0] for group in groups[index : index + window]))
            index += window
        else:
            index += 1


def _id_window(groups: list[tuple[str, int, int]], joints: list[str], taken: set[int], index: int) -> int:
    """How many groups from ``index`` make a grouped ID number (0: none)."""
    size = len(groups[index][0])
    if size not in _ID_JOINTS:
        return 0
    count = 1
    limit = 4 if size == 3 else 3
    while (
        count < limit
        and index + count < len(groups)
        and index + count not in taken
        and len(groups[index + count][0]) == size
        and set(joints[index + count]) <= _ID_JOINTS[size]
    ):
        count += 1
    if count < 3 or all(re.fullmatch(r"(?:19|20)[0-9]{2}", group[0]) for group in groups[index : index + count]):
        return 0
    return count
