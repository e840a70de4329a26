"""Options of the site's MkDocs plugin (``plugins: - qcdc`` in mkdocs.yml)."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as options
from mkdocs.config.base import BaseConfigOption, Config, ValidationError


class Day(BaseConfigOption[str]):
    """A day as text. YAML reads an unquoted ``2024-03-20`` as a date: it is taken as that day,
    not refused with MkDocs' English type error. Whether the day exists is checked with the data."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):
            raise ValidationError(f"cần một ngày dạng ngày/tháng/năm, ví dụ 15/06/2024 (gặp {value!r})")
        return value


class QcdcConfig(Config):
    data_dir = options.Type(str, default="data")
    """Folder of the YAML data, relative to mkdocs.yml."""

    year_pages = options.Type(str, default="_nam-hoc")
    """Folder inside docs/ whose pages are repeated for every school year of the data."""

    report_page = options.Type(str, default="_bao-cao.md")
    """Page inside docs/ repeated for every published report of every school year."""

    printout_part_page = options.Type(str, default="_in-ca-nam-phan.md")
    """Page inside docs/ repeated for every part that continues a year's printout (in-ca-nam/2/, 3/…)."""

    today = options.Optional(Day())
    """Day the statuses are computed for (dd/mm/yyyy) when $QCDC_TODAY is not set; else today in Vietnam.
    Not ``!ENV [QCDC_TODAY, …]``: MkDocs would parse the variable as YAML, and an impossible day
    such as 2024-02-30 would stop it with a traceback before this plugin could explain."""

    current_year = options.Optional(options.Type(str))
    """School year the home page and the navigation lead with (e.g. 2023-2024);
    default: $QCDC_CURRENT_YEAR, else the latest school year in the data."""

    atomic_publish = options.Type(bool, default=True)
    """Build into a staging folder and replace the site only when the build succeeded."""

    pdf = options.Type(bool, default=False)
    """At the end of ``mkdocs build``, print the plan and whole-year pages to PDF in headless
    Chromium (needs requirements-pdf.txt and /usr/bin/chromium); the pages then offer them."""

    editor = options.Choice(["auto", "required", "off"], default="auto")
    """The form editor at /bien-tap/ (Decap CMS from node_modules, see macros/publications/editor.py):
    ``auto`` publishes it when ``npm ci`` has installed it, ``required`` fails the build when it is
    not installed (the publishing pipelines), ``off`` leaves it out."""

    editor_auth_url = options.Optional(options.Type(str))
    """GitHub: address of the OAuth relay that signs editors in; default: $QCDC_EDITOR_AUTH_URL."""

    editor_app_id = options.Optional(options.Type(str))
    """GitLab: id of the OAuth application editors sign in with; default: $QCDC_EDITOR_APP_ID."""
