"""Page macros of open data and year archives: the /du-lieu/ page, calendar subscription, year switcher."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..data.compliance import running_school_year, year_timing
from ..pages.rendering import Renderer, other_years
from ..publications import open_data
from ..publications.change_history import HISTORY_JSON
from ..publications.year_archive import published_reports, year_switch
from .site_files import site_base, subscription_url


def define_publication_macros(env: Any, plugin: Any, renderer: Renderer, page_path: Callable[[], str]) -> None:
    """Register the macros on mkdocs-macros' ``env``; ``plugin`` is the loaded ``qcdc`` plugin."""
    config = env.conf
    webcal = subscription_url(config)
    links = {
        "webcal": Markup(webcal) if webcal else None,
        "calendar_url": Markup(urljoin(site_base(config), open_data.CALENDAR_FILE)),
        "feed_url": Markup(urljoin(site_base(config), open_data.FEED_FILE)),
        "CALENDAR_FILE": open_data.CALENDAR_FILE,
        "FEED_FILE": open_data.FEED_FILE,
    }
    # Once per build: every page of every year shows the year switcher.
    published = published_reports(plugin.views)

    @env.macro
    def open_data_downloads() -> str:
        """Every download of the site: calendar, news feed, each year's JSON and CSV, the shared JSON."""
        return renderer.render(
            "open_data.md.j2",
            page_path(),
            # The current year first: it is the one most readers come for.
            years=[plugin.current_year, *other_years(plugin.site, plugin.current_year.school_year)],
            current_year=plugin.current_year.school_year,
            running_year=running_school_year(plugin.site, plugin.today),
            year_file=open_data.year_file,
            SCHOOL_JSON=open_data.SCHOOL_JSON,
            DOCUMENTS_JSON=open_data.DOCUMENTS_JSON,
            HISTORY_JSON=HISTORY_JSON,
            schemas=[(f"{name}.schema.json", open_data.schema_file(name)) for name in open_data.JSON_MODELS],
            **links,
        )

    @env.macro
    def calendar_subscription() -> str:
        """Subscribe to the calendar of dialogues and report deadlines, or download it."""
        return renderer.render("calendar_subscription.md.j2", page_path(), **links)

    @env.macro
    def year_switcher() -> str:
        """Links to this page in the other school years (none when the data holds one year), and
        whether this page's year has ended or not begun: a past year's data is never shown as current."""
        this_year = plugin.site.year(page_path().partition("/")[0])
        return renderer.render(
            "year_switcher.md.j2",
            page_path(),
            links=year_switch(plugin.site, published, page_path()),
            plan=this_year.plan,
            timing=year_timing(this_year, plugin.today),
        )
