"""The public change-history page and its open-data file: what changed in the published data, and when.

The changes come from the build's views (``macros.data.change_log``, computed once per
build). The commit's message, files and id are for editors and stay out of the page; the
open-data file adds each change's commit id, to check against the repository.
"""

from __future__ import annotations

import json

from ..data.build_views import BuildViews
from ..pages.rendering import Renderer

HISTORY_JSON = "du-lieu/lich-su.json"


def change_history_json(views: BuildViews) -> bytes:
    """The change history as open data: the same words, with each change's commit id (to check
    against the repository), which the page leaves out."""
    changes, unavailable = views.data_changes
    document = {
        "unavailable": unavailable,
        "changes": [
            {
                "commit": change.commit.sha,
                "time": change.commit.moment.isoformat(),
                "published": change.published,
                "changes": change.descriptions,
            }
            for change in changes
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def change_history(renderer: Renderer, page: str) -> str:
    changes, unavailable = renderer.views.data_changes
    return renderer.render("change_history.md.j2", page, changes=changes, unavailable=unavailable)
