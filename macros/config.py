"""Options of the site's MkDocs plugin (``plugins: - qcdc`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as options
from mkdocs.config.base import Config


class QcdcConfig(Config):
    data_dir = options.Type(str, default="data")
    """Folder of the YAML data, relative to mkdocs.yml."""

    year_pages = options.Type(str, default="_nam-hoc")
    """Folder inside docs/ whose pages are repeated for every school year of the data."""

    atomic_publish = options.Type(bool, default=True)
    """Build into a staging folder and replace the site only when the build succeeded."""
