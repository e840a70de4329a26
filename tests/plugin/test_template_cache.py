"""Page templates compiled once per build, however many pages share them."""

from __future__ import annotations

from jinja2 import Environment

from macros.plugin.template_cache import reuse_compiled_templates


def test_the_same_page_source_is_compiled_once_and_renders_each_page_with_its_own_values():
    environment = Environment()
    reuse_compiled_templates(environment)

    first = environment.from_string("Năm học {{ year }}")
    second = environment.from_string("Năm học {{ year }}")

    assert first is second
    assert first.render(year="2023-2024") == "Năm học 2023-2024"
    assert second.render(year="2024-2025") == "Năm học 2024-2025"


def test_another_source_or_its_own_globals_get_their_own_template():
    environment = Environment()
    reuse_compiled_templates(environment)

    shared = environment.from_string("{{ x }}")

    assert environment.from_string("{{ y }}") is not shared
    assert environment.from_string("{{ x }}", globals={"x": 1}) is not shared
    assert environment.from_string("{{ x }}", globals={"x": 1}).render() == "1"
