"""The running line of printed sheets, and the CSS string it is written as."""

from __future__ import annotations

import re

from macros.pages.running_head import css_string, running_head


def test_the_running_line_names_school_year_and_page():
    assert running_head("Trường mầm non Bé Ngoan", "2023-2024", "Trách nhiệm thực hiện") == (
        "Trường mầm non Bé Ngoan · Năm học 2023-2024 · Trách nhiệm thực hiện"
    )
    # A title with markup (the theme's titles are HTML) prints as its text.
    assert running_head("Trường A", "2024-2025", "Báo cáo <em>Quý I</em>") == "Trường A · Năm học 2024-2025 · Báo cáo Quý I"


def test_data_cannot_end_the_css_string_or_the_style_element():
    hostile = 'A"; } body { display: none } </style><script>alert(1)</script> \\ \n'
    written = css_string(hostile)
    inner = written[1:-1]
    assert written.startswith('"') and written.endswith('"')
    assert not re.search(r'["<>{}\n]', inner)  # (a ; inside a string is text)
    # CSS reads the escapes back as the same text.
    decoded = re.sub(r"\\([0-9a-f]{1,6}) ", lambda match: chr(int(match[1], 16)), inner)
    assert decoded == hostile
    assert css_string("Trường mầm non Bé Ngoan · Năm học 2023-2024") == '"Trường mầm non Bé Ngoan · Năm học 2023-2024"'
