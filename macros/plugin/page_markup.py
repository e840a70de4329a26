"""Final touches to the HTML of every page: valid markup, and every control reachable by keyboard.

Material 9.8 writes markup that the Nu Html Checker rejects on every page, and
its menu button on phones is a ``<label>`` that the keyboard cannot reach. The
offending parts sit outside any template block, so they are corrected in the
finished HTML, each by an exact pattern: if the theme changes, the pattern no
longer matches and the validity and keyboard tests of the built site fail.
"""

from __future__ import annotations

import re

MENU_NAME = "Danh mục trang"
SEARCH_NAME = "Tìm kiếm"
TABLE_NAME = "Bảng (cuộn ngang nếu không đủ chỗ)"

# ``autocomplete`` is not allowed on checkboxes (the theme's hidden toggles).
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
# Section labels of the navigation get an empty ``tabindex``, which is not a number.
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
# The phone menu toggle: named, so that it can be reached and read as a control.
_DRAWER_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
# The search dialog, which the theme leaves without a name.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'
# On a page outside the navigation the table of contents' title is a label of
# the "__toc" toggle, which such a page does not have.
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)
# Tables from Markdown (no class, as the theme styles them).
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_DATA_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]*>")


def repair_page_markup(html: str) -> str:
    """The page's HTML, valid, with a keyboard-operable menu toggle and scrollable tables."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub("", html)
    html = html.replace(_DRAWER_TOGGLE, f'{_DRAWER_TOGGLE} aria-label="{MENU_NAME}"', 1)
    html = html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{SEARCH_NAME}"', 1)
    if 'id="__toc"' not in html:
        html = _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    # A wide table scrolls inside its own box on a phone, with or without
    # JavaScript; the box takes the keyboard focus so that it can be scrolled by keys.
    return _TABLE.sub(
        lambda table: f'<div class="qcdc-table" tabindex="0" role="region" aria-label="{TABLE_NAME}">{_label_cells(table.group())}</div>',
        html,
    )


def _label_cells(table: str) -> str:
    """Give every data cell its column's heading (``data-label``): on a phone, a table marked
    ``qcdc-cards`` shows each row as a card whose cells name themselves (qcdc.css)."""
    labels = [" ".join(_TAG.sub(" ", cell).split()).replace('"', "&quot;") for cell in _HEADER_CELL.findall(table)]
    if not labels:
        return table

    def label_row(row: re.Match[str]) -> str:
        cells = iter(labels)
        return "<tr>" + _DATA_CELL.sub(lambda cell: f'<td data-label="{next(cells, "")}"', row.group(1)) + "</tr>"

    return _ROW.sub(label_row, table)
