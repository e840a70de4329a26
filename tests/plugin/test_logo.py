"""The school's logo, when its data folder has one, is the site's logo and its link preview's image."""

from __future__ import annotations

from tests.conftest import run_mkdocs_build

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#a3201a"/></svg>'


def test_a_logo_in_the_data_folder_is_the_sites_logo(data_copy, tmp_path, real_build):
    (data_copy / "logo.svg").write_text(LOGO, encoding="utf-8")

    build = run_mkdocs_build(tmp_path / "site", data_copy)

    assert build.returncode == 0, build.output
    assert (build.site_dir / "assets" / "logo.svg").read_text(encoding="utf-8") == LOGO
    page = build.page("van-ban/")
    logo = page.select_one(".md-header .md-logo img")
    assert logo is not None and logo["src"] == "../assets/logo.svg"
    assert logo["alt"] == "", "the link around it is named with the school's name"
    assert page.select_one(".md-header .md-logo")["aria-label"] == "Trường mầm non Bé Ngoan"
    assert build.page("").select_one('meta[property="og:image"]')["content"].endswith("/assets/logo.svg")
    # Without one, a school building stands in for the theme's book; no preview image is claimed.
    home = real_build.page("")
    assert home.select_one(".md-header .md-logo svg") is not None
    assert home.select_one('meta[property="og:image"]') is None
