"""The line every printed sheet carries in its margin: whose page, of which school year, which page.

Paper leaves the site: a sheet found on the notice board, or fallen out of a
pile, still says it comes from this school, for this school year, and which
page it is. Browsers print it in a page margin box (CSS ``@page``), whose
content can only be a CSS string: this module writes it as one, every
character that could end the string or the ``<style>`` element escaped.
"""

from __future__ import annotations

from markupsafe import Markup

# Characters kept as they are in the CSS string; any other is written as a CSS escape.
_PLAIN_PUNCTUATION = set(" ,.:;-–·()/")


def running_head(school_name: str, school_year: str, page_title: str) -> str:
    """"Trường mầm non Bé Ngoan · Năm học 2023-2024 · Trách nhiệm thực hiện" (a page title may hold HTML)."""
    title = " ".join(Markup(page_title).striptags().split())
    parts = [" ".join(school_name.split()), f"Năm học {school_year}"]
    if title and title not in parts:
        parts.append(title)
    return " · ".join(parts)


def css_string(text: str) -> str:
    """``text`` as a double-quoted CSS string that cannot end early, nor end the ``<style>`` element."""
    escaped = "".join(
        character if character.isalnum() or character in _PLAIN_PUNCTUATION else f"\\{ord(character):x} "
        for character in text
    )
    return f'"{escaped}"'
