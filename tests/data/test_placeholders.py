"""A template's blank left unfilled stops publishing, at its line, before anything else in that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.errors import DataError
from macros.data.loading import load_site_data
from macros.data.placeholders import blank


def test_a_blank_left_in_any_file_is_refused_with_its_line_and_field(data_copy: Path) -> None:
    plan = data_copy / "years" / "2023-2024" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    assert "\nnumber: null\n" in text
    # The blank replaces a value, and the file also has a mistake of shape further down.
    text = text.replace("\nnumber: null\n", f'\nnumber: "{blank("số, ký hiệu văn bản")}"\n').replace("kind: quy", "kind: quý")
    plan.write_text(text, encoding="utf-8")
    line = text.splitlines().index('number: "[cần điền: số, ký hiệu văn bản]"') + 1

    with pytest.raises(DataError) as refusal:
        load_site_data(data_copy)

    assert [str(problem) for problem in refusal.value.problems] == [
        f"data/years/2023-2024/plan.yml, dòng {line}, số, ký hiệu văn bản (number): chưa điền chỗ trống của mẫu "
        "[cần điền: số, ký hiệu văn bản]; hãy thay cả phần trong dấu ngoặc kép bằng nội dung thật"
    ]


def test_text_that_merely_mentions_brackets_is_not_a_blank(data_copy: Path) -> None:
    reception = data_copy / "years" / "2023-2024" / "reception.yml"
    reception.write_text(reception.read_text(encoding="utf-8").replace("place: null", 'place: "[Phòng họp] tầng 1"'), encoding="utf-8")

    assert load_site_data(data_copy).year("2023-2024").reception.place == "[Phòng họp] tầng 1"
