"""At 360 px, the tables parents read most show every cell without sideways scrolling.

Reports, reception figures and open-data downloads become stacked cards on a phone
(qcdc.css, .qcdc-cards): no deadline, status or link is ever off-screen.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

PHONE = {"width": 360, "height": 640}
CARD_TABLES = {
    "reports": "2023-2024/bao-cao/",
    "reception figures": "tiep-cong-dan/",
    "open data": "du-lieu/",
}
# Every cell's box, and whether its table's scrolling box is wider than it shows.
MEASURE = """
() => [...document.querySelectorAll("article .qcdc-cards table")].map(table => {
  const box = table.closest(".qcdc-table");
  return {
    scrolls: box.scrollWidth > box.clientWidth,
    cells: [...table.querySelectorAll("td")].map(cell => {
      const rect = cell.getBoundingClientRect();
      const shown = getComputedStyle(cell, "::before").content;
      return {shown, label: cell.dataset.label, left: rect.left, right: rect.right, width: rect.width};
    }),
  };
})
"""


@pytest.mark.parametrize("name", CARD_TABLES)
def test_every_cell_is_visible_at_phone_width_without_scrolling_the_table(page: Page, sample_server: str, name: str) -> None:
    page.set_viewport_size(PHONE)
    response = page.goto(urljoin(sample_server, CARD_TABLES[name]), wait_until="networkidle")
    assert response is not None and response.ok

    tables = page.evaluate(MEASURE)

    assert tables, f"{name}: no card table on the page"
    for table in tables:
        assert not table["scrolls"], f"{name}: the table scrolls sideways"
        assert table["cells"]
        for cell in table["cells"]:
            assert cell["width"] > 0, f"{name}: hidden cell {cell}"
            assert 0 <= cell["left"] and cell["right"] <= PHONE["width"], f"{name}: cell off-screen {cell}"
            assert cell["label"], f"{name}: a card's cell says not which column it is {cell}"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Each cell but a card's first shows its column's name (the heading row is for screen readers only).
    for cell in tables[0]["cells"][1:2]:
        assert cell["shown"] == f'"{cell["label"]}"', cell
