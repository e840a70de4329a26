"""Escaping data for Markdown: shown as typed, never interpreted."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import markdown
import pytest
from markupsafe import Markup

from macros.pages.markdown_text import escape, html_id, link, link_target, place_links

EXTENSIONS = ["attr_list", "md_in_html", "tables"]


def rendered(text: str) -> str:
    return markdown.markdown(str(text), extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        "[bấm](javascript:alert(1))",
        "![ảnh](x.png)",
        "*nghiêng* __đậm__ `mã`",
        "1. không phải danh sách",
        "- không phải danh sách",
        "+ không phải danh sách",
        "# không phải tiêu đề",
        "> không phải trích dẫn",
        "| a | b |",
        "{: onclick=alert(1) }",
        "&lt;đã mã hóa&gt; & dấu và",
    ],
)
def test_markdown_and_html_typed_in_data_come_out_as_the_same_text(typed):
    assert rendered(escape(typed)) == f"<p>{html.escape(typed, quote=False)}</p>"


@pytest.mark.parametrize("underline", ["===", "---", " ---"])
def test_a_value_under_a_line_of_text_never_turns_that_line_into_a_heading(underline):
    html_text = rendered(f"Dòng trên\n{escape(underline)}")
    assert "<h1>" not in html_text and "<h2>" not in html_text and "<hr" not in html_text
    assert underline.strip() in html.unescape(html_text)


def test_punctuation_that_only_means_something_after_a_bracket_is_left_as_typed():
    # Fewer escapes: each one costs Python-Markdown as much as a link (benchmarks/RESULTS.md).
    assert str(escape("Kế hoạch (số 12-KH). Xong!")) == "Kế hoạch (số 12-KH). Xong!"


def test_whitespace_runs_fold_but_a_separator_keeps_its_space():
    assert str(escape("a  \n b")) == "a b"
    assert str(escape("; ")) == "; "


def test_markup_from_the_sites_own_helpers_is_not_escaped_twice():
    assert escape(Markup("*x*")) == Markup("*x*")


def test_ids_are_checked_not_escaped():
    assert html_id("bao-cao-quy-1") == "bao-cao-quy-1"
    with pytest.raises(ValueError):
        html_id("x} onclick=alert(1) {")


def test_links_between_pages_are_relative_markdown_links():
    assert link("Văn bản", "2023-2024/ke-hoach.md", "van-ban.md", "kh-1") == "[Văn bản](../van-ban.md#kh-1)"
    assert link("[x](y)", "index.md", "van-ban.md") == r"[\[x\](y)](van-ban.md)"
    assert rendered(link("[x](y)", "index.md", "van-ban.md")) == '<p><a href="van-ban.md">[x](y)</a></p>'


@pytest.mark.parametrize("page", ["index.md", "2023-2024/in-ca-nam.md", "2023-2024/in-ca-nam/2.md"])
def test_links_made_for_no_page_are_placed_on_each_page_as_if_made_for_it(page):
    """Markdown shown on several pages (the printout's pieces) is rendered once, its links placed on each."""
    targets = [("van-ban.md", "kh-1"), ("2023-2024/ke-hoach.md", None), ("2023-2024/bao-cao/quy-1.md", "ket-qua")]
    # A label may end with a backslash or hold brackets: the data's own text never ends a link early.
    labels = ["Văn bản", "C:\\", "[x](y)"]
    once = "\n".join(f"- {link(label, None, to, anchor)}" for label, (to, anchor) in zip(labels, targets))
    for_the_page = "\n".join(f"- {link(label, page, to, anchor)}" for label, (to, anchor) in zip(labels, targets))

    assert place_links(once, page) == for_the_page
    assert rendered(place_links(once, page)) == rendered(for_the_page)


# Every character that means something to Markdown (with attr_list and md_in_html) or to HTML.
METACHARACTERS = "\\`*_{}[]()<>#+-.!|:;\"'&=%?/~ \t\n"


@pytest.mark.parametrize(
    "name",
    [
        *(f"tep{character}x.pdf" for character in METACHARACTERS),
        "x.pdf){ onmouseover=alert(1) }",
        'x.pdf){: onmouseover="alert(1)" }',
        "x).pdf<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "x.pdf\"><script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "&lt;x&gt;.pdf",
        "a b%20c#d.pdf",
    ],
)
def test_a_link_target_made_of_data_stays_one_link_to_that_exact_address(name):
    html_text = rendered(link(name, "2023-2024/bao-cao/bao-cao-quy-1.md", f"2023-2024/bao-cao/tep/{name}"))

    assert html_text.count("<a ") == 1 and html_text.count("</a>") == 1, html_text
    for tag in ("<img", "<script", "<b>"):
        assert tag not in html_text
    anchor = re.fullmatch(r'<p><a href="([^"]*)">(.*)</a></p>', html_text, re.DOTALL)
    assert anchor is not None, html_text  # no attribute but href: attr_list added nothing
    assert unquote(html.unescape(anchor[1])) == f"tep/{name}"
    assert html.unescape(anchor[2]) == " ".join(name.split()) or name.strip() == ""


@pytest.mark.parametrize("anchor", ["a b", "x){ onclick=alert(1) }", 'x"><script>', "a#b"])
def test_an_anchor_is_encoded_too(anchor):
    target = link_target("van-ban.md", anchor)
    assert str(target).count("#") == 1 and unquote(str(target).split("#")[1]) == anchor
    assert not set(str(target)) & set(" \"'<>(){}[]")
