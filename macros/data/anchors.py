"""Anchors the pages give their own sections, which no id of the data may take.

The ids of roles, legal documents, dialogue sessions and reports become the
anchors of their sections (``/2023-2024/doi-thoai/#doi-thoai-hk1``). An id equal
to one of the page's own anchors (``#cac-buoi``, or the slug of its title)
would give the page two elements with one ``id``: a link would lead to the
wrong place, and the page would not be valid HTML. Such ids are refused by the
check. ``tests/site`` compares this list with every anchor of the sample site.
"""

from __future__ import annotations

import re

from .errors import DataProblem
from .findings import problem
from .slugs import slugify
from .yaml_source import Location, SourceFile

# The explicit anchors of the templates (macros/pages/templates), the printout's sections and the
# pages' titles. The printout prefixes the sections it repeats ("doi-thoai-cac-buoi"), and the
# ids of the data alike ("doi-thoai-<session id>"): an id kept off these is kept off those too.
PAGE_ANCHORS = frozenset(
    {
        # plan
        "phan-i", "phan-ii", "phan-iii", "phan-iv", "muc-dich", "yeu-cau", "iv-bao-cao",
        # home, dialogues, reports, report summaries, responsibilities
        "nam-hoc-hien-tai", "nhiem-vu-dinh-ky", "tinh-trang-bao-cao", "xem-them", "nam-hoc-khac",
        "nhiem-vu", "cac-buoi", "theo-ke-hoach", "ngoai-ke-hoach", "ket-qua", "han-che", "phuong-huong",
        "chua-neu-ten", "bao-cao-dinh-ky",
        # whole-year printout
        "ke-hoach", "trach-nhiem", "doi-thoai", "bao-cao", "tom-tat", "phan-tiep-theo",
        # open data, reception, change history, guide
        "lich", "tin-cap-nhat", "nam-hoc", "du-lieu-chung", "cach-doc", "du-lieu-mo", "tiep-cong-dan",
        "van-ban-phap-ly", "lich-su-thay-doi-du-lieu", "huong-dan-cap-nhat-trang",
        "cong-khai-thuc-hien-quy-che-dan-chu-o-co-so",
        # home (the school, its duties), the duties page, every page's footer
        "truong", "tung-nhiem-vu", "nghia-vu", "nha-truong", "so-cong-khai",
        "qcdc-footer-school", "qcdc-footer-basis", "qcdc-footer-editors",
    }
)
# Numbered anchors, and page titles that end with their school year ("doi-thoai-nam-hoc-2023-2024").
_NUMBERED = re.compile(r"(?:noi-dung|iii|iv|phan|tom-tat-phan)-[0-9]+|(?:[a-z0-9-]+-)?nam-hoc-[0-9]{4}-[0-9]{4}|so-lieu-[0-9]{4}-[0-9]{4}")
# A report's summary sections are anchored "<report id>-ket-qua" in the printout.
_SUMMARY_SECTION = re.compile(r".+-(?:ket-qua|han-che|phuong-huong)")


def is_page_anchor(identifier: str) -> bool:
    """Whether an id would take an anchor the pages already give one of their own sections."""
    return identifier in PAGE_ANCHORS or _NUMBERED.fullmatch(identifier) is not None


def anchor_problems(ids: list[tuple[str, Location]], source: SourceFile, what: str, report: bool = False) -> list[DataProblem]:
    """The ids (with their locations) that the pages cannot use as anchors."""
    problems = []
    for identifier, location in ids:
        if is_page_anchor(identifier) or (report and _SUMMARY_SECTION.fullmatch(identifier)):
            problems.append(
                problem(
                    source,
                    location,
                    f"mã {what} {identifier!r} trùng với tên một mục có sẵn của trang web (#{identifier}); "
                    f"hãy chọn mã khác, ví dụ {identifier}-1",
                )
            )
    return problems


# A report's own page is headed by its name (its slug becomes the heading's id) above these sections.
REPORT_PAGE_SECTIONS = frozenset({"ket-qua", "han-che", "phuong-huong"})


def report_name_problems(names: list[tuple[str | None, Location]], source: SourceFile) -> list[DataProblem]:
    """Report names whose heading would take the id of a section of the report's own page."""
    return [
        problem(
            source,
            location,
            f"tên báo cáo {name!r} trùng với tên một mục trên trang của báo cáo (#{slugify(name)}); "
            "hãy ghi tên đầy đủ, ví dụ: Báo cáo " + name[:1].lower() + name[1:],
        )
        for name, location in names
        if name is not None and slugify(name) in REPORT_PAGE_SECTIONS
    ]
