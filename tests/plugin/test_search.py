"""Search in Vietnamese that forgives missing diacritics, typed into the real search box in headless Chromium."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from macros.plugin.search_index import fold_diacritics
from tests.conftest import reader_text

# Counts the queries the page sends to Material's search worker and the answers it gets back,
# so that a test reads the results of the whole query, never those of a part typed so far.
COUNT_SEARCHES = """
(() => {
  const Native = window.Worker;
  window.__searches = { sent: [], answered: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) window.__searches.answered += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.__searches.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
ANSWERED = """
(field) => {
  const searches = window.__searches;
  return searches.sent.length > 0 && searches.answered === searches.sent.length
    && searches.sent[searches.sent.length - 1] === field.value;
}
"""


def search(page: Page, base: str, query: str) -> list[str]:
    """Type ``query`` into the search box of the home page; the result pages' paths, best first."""
    page.add_init_script(COUNT_SEARCHES)
    page.goto(base, wait_until="networkidle")
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    field.press_sequentially(query)
    page.wait_for_function(ANSWERED, arg=field.element_handle())
    links = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    pages = []
    for link in links:
        path = urlsplit(link).path.removeprefix(urlsplit(base).path)
        if path not in pages:
            pages.append(path)
    return pages


def found(page: Page) -> int:
    """How many pages the search says it found (only the best ten are listed at first)."""
    meta = page.locator(".md-search-result__meta").inner_text()
    return int(re.fullmatch(r"Tìm thấy (\d+) trang phù hợp", meta)[1])


# --- Folding ------------------------------------------------------------------------------


def vietnamese_letters() -> list[tuple[str, str]]:
    """Every Vietnamese letter with a diacritic, in both cases, with its letter without them."""
    bases = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = [("đ", "d"), ("Đ", "D")]
    for plain, variants in bases.items():
        for variant in variants:
            for tone in tones:
                letter = unicodedata.normalize("NFC", variant + tone)
                letters += [(letter, plain), (letter.upper(), plain.upper())]
    return letters


def test_every_vietnamese_letter_folds_to_its_plain_letter():
    letters = vietnamese_letters()
    assert len(letters) == 2 + 2 * 12 * 6
    for letter, plain in letters:
        assert fold_diacritics(letter) == plain, letter


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đối thoại", "Doi thoai"),
        ("Hiệu trưởng", "Hieu truong"),
        ("Báo cáo Quý I", "Bao cao Quy I"),
        ("Quyết định số 1043-QĐ/TU – “trích yếu”", "Quyet dinh so 1043-QD/TU – “trich yeu”"),
    ],
)
def test_folding_removes_diacritics_and_keeps_everything_else(text, folded):
    assert fold_diacritics(text) == folded


def test_the_built_index_carries_a_folded_copy_of_every_entry(real_build):
    index = json.loads((real_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    fields = index["config"]["fields"]
    assert fields["title_folded"]["boost"] == fields["title"]["boost"] / 2
    assert fields["text_folded"]["boost"] == fields["text"]["boost"] / 2
    for entry in index["docs"]:
        assert entry["title_folded"] == fold_diacritics(" ".join(re.sub(r"<[^>]*>", " ", entry["title"]).split()))
        assert entry["text_folded"] == fold_diacritics(" ".join(re.sub(r"<[^>]*>", " ", entry["text"]).split()))
        decomposed = unicodedata.normalize("NFD", entry["title_folded"] + entry["text_folded"])
        assert not [c for c in decomposed if unicodedata.category(c) == "Mn" or c in "đĐ"], entry["location"]
    dialogues = next(entry for entry in index["docs"] if entry["location"] == "2023-2024/doi-thoai/")
    assert dialogues["title_folded"] == "Doi thoai nam hoc 2023-2024"


# --- In the browser ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("doi thoai", "2023-2024/doi-thoai/"),
        ("hieu truong", "2023-2024/trach-nhiem/"),
        ("bao cao quy", "2023-2024/bao-cao/bao-cao-quy-1/"),
    ],
)
def test_a_query_without_diacritics_finds_the_page(page: Page, sample_server: str, query: str, expected: str):
    results = search(page, sample_server, query)
    assert expected in results[:3], results


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("doi thoai", "2023-2024/doi-thoai/"),
        ("hieu truong", "2023-2024/trach-nhiem/"),
        ("bao cao quy", "2023-2024/bao-cao/"),
        ("hoi nghi can bo", "2023-2024/nghia-vu/"),
    ],
)
def test_the_real_site_finds_its_pages_without_diacritics(page: Page, site_server: str, query: str, expected: str):
    results = search(page, site_server, query)
    assert expected in results[:3], results


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Báo cáo Quý", "2023-2024/bao-cao/bao-cao-quy-1/"),
        ("Hiệu trưởng", "2023-2024/trach-nhiem/"),
        ("đối thoại", "2023-2024/doi-thoai/"),
    ],
)
def test_a_query_with_diacritics_still_finds_the_page(page: Page, sample_server: str, query: str, expected: str):
    assert expected in search(page, sample_server, query)[:3]


def test_a_query_with_diacritics_matches_those_words_only(page: Page, sample_server: str, sample_build):
    """"Quý" never brings up a page that only has "quy" (quy chế): exact matches, and only those."""
    results = search(page, sample_server, "Quý")
    assert results[0] == "2023-2024/bao-cao/bao-cao-quy-1/"
    for path in results:
        text = reader_text(sample_build.page(path).select_one("article")).lower()
        assert "quý" in text, path
    exact = found(page)
    search(page, sample_server, "quy")
    assert found(page) > exact, "without diacritics, 'quy' also finds quy chế and quyền"


def test_the_search_speaks_vietnamese(page: Page, sample_server: str):
    page.add_init_script(COUNT_SEARCHES)
    page.goto(sample_server, wait_until="networkidle")
    field = page.locator("input[data-md-component=search-query]")
    assert field.get_attribute("placeholder") == "Tìm kiếm"
    assert field.get_attribute("aria-label") == "Tìm kiếm"
    field.click()
    assert page.locator(".md-search-result__meta").inner_text() == "Nhập để bắt đầu tìm kiếm"
    field.press_sequentially("doi thoai")
    page.wait_for_function(ANSWERED, arg=field.element_handle())
    assert re.fullmatch(r"Tìm thấy \d+ trang phù hợp", page.locator(".md-search-result__meta").inner_text())
    field.fill("")
    field.press_sequentially("xyzzyq")
    page.wait_for_function(ANSWERED, arg=field.element_handle())
    assert page.locator(".md-search-result__meta").inner_text() == "Không tìm thấy trang nào phù hợp"


def test_the_search_works_offline_on_the_site_alone(page: Page, sample_server: str):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    assert search(page, sample_server, "bao cao quy")
    assert any(url.endswith("search/search_index.json") for url in requests)
    site = urlsplit(sample_server).netloc
    assert [url for url in requests if urlsplit(url).netloc != site] == []


@pytest.mark.parametrize("query", ["doi thoai", "đối thoại", "bao cao"])
def test_the_editors_guide_comes_after_the_pages_parents_read(page: Page, site_server: str, query: str):
    results = search(page, site_server, query)
    reader_pages = [path for path in results if not path.startswith(("huong-dan/", "huong-dan-yaml/", "lich-su/", "du-lieu/"))]
    assert reader_pages, results
    for guide in ("huong-dan/", "huong-dan-yaml/"):
        if guide in results:
            assert results.index(guide) > max(results.index(path) for path in reader_pages), "\n".join(results)


def test_the_editors_guide_is_still_found_by_what_only_it_says(page: Page, site_server: str):
    assert "huong-dan/" in search(page, site_server, "github")
