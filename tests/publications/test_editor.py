"""The form editor's configuration, generated from the data models, and its place in the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data.models import DialogueSession, Plan, ReportRecord, SiteData
from macros.publications.editor import (
    DATE_MESSAGE,
    FORM_DATE_PATTERN,
    EditorSettings,
    backend,
    branch_of,
    bundle_files,
    editor_config,
    editor_files_spec,
    editor_page,
    label_of,
)
from tests.built_site import html_pages, page_file
from tests.conftest import REAL_DATA, ROOT, Build, require_tool, run_mkdocs_build
from tests.node_tools import INSTALL_HINT, NODE_MODULES, VNU_JAR, java

YEAR = "2023-2024"
SETTINGS = EditorSettings(
    repo_url="https://github.com/truong-mam-non-be-ngoan/qcdc",
    branch="main",
    site_url="http://127.0.0.1:8000/",
    root=ROOT,
    data_dir=REAL_DATA,
)


@pytest.fixture(scope="module")
def config(real_site: SiteData) -> dict[str, Any]:
    return editor_config(real_site, SETTINGS)


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in config["collections"] if item["name"] == name)


def file_fields(config: dict[str, Any], collection_name: str, file_name: str) -> list[dict[str, Any]]:
    return next(entry for entry in collection(config, collection_name)["files"] if entry["name"] == file_name)["fields"]


def by_name(fields: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    field = next(item for item in fields if item["name"] == path[0])
    return by_name(field["fields"], *path[1:]) if len(path) > 1 else field


def test_the_published_configuration_is_the_one_the_models_generate(real_build: Build, config: dict[str, Any]) -> None:
    # Generated at every build: it cannot fall behind the models.
    published = yaml.safe_load((real_build.site_dir / "bien-tap" / "config.yml").read_text(encoding="utf-8"))
    assert published == config


def test_a_collection_per_school_year_then_the_school_and_the_legal_documents(config: dict[str, Any]) -> None:
    assert [item["label"] for item in config["collections"]] == [f"Năm học {YEAR}", "Nhà trường", "Văn bản pháp lý"]
    year = collection(config, f"nam-hoc-{YEAR}")
    assert [(entry["label"], entry["file"]) for entry in year["files"]] == [
        ("Báo cáo", f"data/years/{YEAR}/reports.yml"),
        ("Đối thoại", f"data/years/{YEAR}/dialogues.yml"),
        ("Tiếp công dân", f"data/years/{YEAR}/reception.yml"),
        ("Kế hoạch", f"data/years/{YEAR}/plan.yml"),
    ]
    assert collection(config, "nha-truong")["files"][0]["file"] == "data/school.yml"
    assert collection(config, "van-ban")["files"][0]["file"] == "data/legal_documents.yml"
    assert config["locale"] == "vi"
    assert all(item["format"] == "qcdc-yaml" for item in config["collections"])


def model_fields(model) -> set[str]:
    return set(model.model_fields)


def test_every_field_of_the_models_has_its_field_with_a_vietnamese_label(config: dict[str, Any]) -> None:
    sessions = by_name(file_fields(config, f"nam-hoc-{YEAR}", "dialogues"), "sessions")
    reports = by_name(file_fields(config, f"nam-hoc-{YEAR}", "reports"), "reports")
    plan = file_fields(config, f"nam-hoc-{YEAR}", "plan")
    assert {field["name"] for field in sessions["fields"]} == model_fields(DialogueSession)
    assert {field["name"] for field in reports["fields"]} == model_fields(ReportRecord)
    assert {field["name"] for field in plan} == model_fields(Plan)
    assert by_name(sessions["fields"], "minutes_summary")["label"] == "Tóm tắt biên bản đã công bố"
    assert by_name(plan, "purposes")["label"] == "Mục đích"
    # The description, in the words of a form, is the hint: "để trống" where the file says null.
    assert by_name(reports["fields"], "summary")["hint"] == "Tóm tắt công bố (để trống nếu chưa công bố)"


def test_required_fields_are_required_and_unknowns_may_be_left_empty(config: dict[str, Any]) -> None:
    sessions = by_name(file_fields(config, f"nam-hoc-{YEAR}", "dialogues"), "sessions")["fields"]
    required = {field["name"] for field in sessions if field["required"]}
    # date is asked for by the model but may be null (not yet fixed): the form lets it be empty.
    assert required == {"id", "duty", "status"}
    summary = by_name(file_fields(config, f"nam-hoc-{YEAR}", "reports"), "reports", "summary")
    assert summary["required"] is False
    assert by_name(summary["fields"], "results")["required"] is False, "inside an optional block, nothing is forced"
    plan = file_fields(config, f"nam-hoc-{YEAR}", "plan")
    assert by_name(plan, "title")["required"] is True and by_name(plan, "number")["required"] is False
    # A list the model requires to hold something is required; one it lets be empty is not.
    assert by_name(plan, "content")["required"] is True and by_name(plan, "content")["min"] == 1
    assert by_name(file_fields(config, f"nam-hoc-{YEAR}", "reception"), "receivers")["required"] is False


def test_dates_are_typed_as_day_month_year(config: dict[str, Any]) -> None:
    date = by_name(by_name(file_fields(config, f"nam-hoc-{YEAR}", "dialogues"), "sessions")["fields"], "date")
    assert date["widget"] == "string" and date["pattern"] == [FORM_DATE_PATTERN, DATE_MESSAGE]
    assert "ví dụ 25/02/2023" in date["hint"]
    pattern = re.compile(FORM_DATE_PATTERN)
    assert all(pattern.match(text) for text in ["25/02/2023", "5/9/2023", "31/12/2023"])
    assert not any(pattern.match(text) for text in ["2023-02-25", "31-12-2023", "32/01/2023", "25/13/2023", "25/02/23"])


def test_choices_are_selects_with_vietnamese_words_and_the_data_own_ids(config: dict[str, Any], real_site: SiteData) -> None:
    sessions = by_name(file_fields(config, f"nam-hoc-{YEAR}", "dialogues"), "sessions")["fields"]
    status = by_name(sessions, "status")
    assert status["widget"] == "select"
    assert {"label": "đã tổ chức (held)", "value": "held"} in status["options"]
    chair = by_name(sessions, "chair")
    assert chair["widget"] == "select" and [option["value"] for option in chair["options"]] == [role.id for role in real_site.school.roles]
    duty = by_name(sessions, "duty")
    assert [option["value"] for option in duty["options"]] == [item.id for item in real_site.plan(YEAR).all_duties()]
    kind = by_name(by_name(file_fields(config, f"nam-hoc-{YEAR}", "reports"), "reports")["fields"], "kind")
    assert {"label": "đột xuất (dot-xuat)", "value": "dot-xuat"} in kind["options"]
    receivers = by_name(file_fields(config, f"nam-hoc-{YEAR}", "reception"), "receivers")
    assert receivers["widget"] == "select" and receivers["multiple"] is True


def test_sessions_and_reports_are_lists_of_objects_and_attachments_go_to_the_year_files(config: dict[str, Any]) -> None:
    sessions = by_name(file_fields(config, f"nam-hoc-{YEAR}", "dialogues"), "sessions")
    assert sessions["widget"] == "list" and sessions["label_singular"] == "buổi đối thoại"
    questions = by_name(sessions["fields"], "questions")
    assert questions["widget"] == "list" and {field["name"] for field in questions["fields"]} == {"question", "answer"}
    results = by_name(file_fields(config, f"nam-hoc-{YEAR}", "reports"), "reports", "summary", "results")
    assert results["widget"] == "list" and results["field"]["widget"] == "text"
    attachment = by_name(file_fields(config, f"nam-hoc-{YEAR}", "reports"), "reports", "attachment")
    assert attachment["widget"] == "file" and attachment["media_folder"] == f"/data/years/{YEAR}/files"


def test_each_file_keeps_its_modeline(real_site: SiteData) -> None:
    spec = editor_files_spec(real_site, SETTINGS)
    for path, info in spec["files"].items():
        if (ROOT / path).is_file():
            assert (ROOT / path).read_text(encoding="utf-8").splitlines()[0] == info["modeline"], path
    assert spec["files"][f"data/years/{YEAR}/reports.yml"]["modeline"] == "# yaml-language-server: $schema=../../../schema/reports.schema.json"


def test_the_backend_follows_the_repository_host() -> None:
    github = backend(SETTINGS)
    assert github == {"name": "github", "repo": "truong-mam-non-be-ngoan/qcdc", "branch": "main"}
    gitlab = backend(
        EditorSettings("https://gitlab.com/truong/qcdc", "main", "https://truong.gitlab.io/qcdc/", ROOT, REAL_DATA, app_id="abc123")
    )
    assert gitlab == {"name": "gitlab", "repo": "truong/qcdc", "branch": "main", "auth_type": "pkce", "app_id": "abc123"}
    own_server = backend(EditorSettings("https://git.so-gd.vn/truong/qcdc", "main", "/", ROOT, REAL_DATA))
    assert own_server["name"] == "github" and own_server["api_root"] == "https://git.so-gd.vn/api/v3"
    assert branch_of("edit/main/") == branch_of("-/edit/main/") == "main"
    assert branch_of("edit/trunk/") == "trunk" and branch_of(None) == "main"


def test_labels_are_the_descriptions_up_to_their_first_aside() -> None:
    assert label_of("ngày tổ chức, dạng ngày/tháng/năm (null nếu chưa định)") == "Ngày tổ chức"
    assert label_of("trạng thái: planned (dự kiến), held (đã tổ chức)") == "Trạng thái"
    assert label_of("mã báo cáo; trùng mã báo cáo trong kế hoạch") == "Mã báo cáo"


def test_the_editor_is_only_for_editors(real_build: Build) -> None:
    site = real_build.site_dir
    page = (site / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "bien-tap" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("bien-tap")]
    for path in html_pages(site):
        html = page_file(site, path).read_text(encoding="utf-8")
        # No reader page loads the CMS; its navigation never leads there.
        assert "decap-cms" not in html and "bien-tap/editor.js" not in html, path
        assert 'class="md-nav__link" href="../bien-tap/' not in html, path
    guide = page_file(site, "huong-dan/").read_text(encoding="utf-8")
    assert 'href="../bien-tap/"' in guide


def test_the_cms_is_served_from_the_pinned_npm_package(real_build: Build) -> None:
    bundle = bundle_files(NODE_MODULES)
    require_tool(bool(bundle), f"decap-cms not installed: {INSTALL_HINT}")
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/decap-cms"]["version"] == "3.16.3"
    for site_path, source in bundle.items():
        assert (real_build.site_dir / site_path).read_bytes() == source.read_bytes(), site_path
    assert (real_build.site_dir / "bien-tap" / "editor.js").is_file()
    page = (real_build.site_dir / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<script[^>]*src="([^"]+)"', page) == ["decap-cms.js", "editor.js"]
    assert "http" not in " ".join(re.findall(r'(?:src|href)="([^"]+)"', page))


def test_the_editor_page_is_valid_html(real_build: Build) -> None:
    require_tool(VNU_JAR.is_file() and java() is not None, f"the Nu Html Checker needs Java and {VNU_JAR}: {INSTALL_HINT}")
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", str(real_build.site_dir / "bien-tap" / "index.html")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_without_the_npm_packages_the_page_points_to_the_yaml_route(real_site: SiteData) -> None:
    page = editor_page("Trang", editor_files_spec(real_site, SETTINGS), bundle_installed=False)
    assert "Trình biên tập chưa được cài" in page and "npm ci" in page
    assert 'href="../huong-dan/#sua-tep-yaml"' in page and "<script" not in page


def test_a_build_that_requires_the_editor_fails_without_the_npm_packages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ["docs", "overrides", "schema"]:
        shutil.copytree(ROOT / folder, project / folder)
    for name in ["mkdocs.yml", "pyproject.toml"]:
        shutil.copy2(ROOT / name, project / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QCDC_EDITOR", "required")
        build = run_mkdocs_build(tmp_path / "site", REAL_DATA, config=project / "mkdocs.yml")
    assert build.returncode == 1
    assert "Trình biên tập (/bien-tap/) chưa được cài: chạy `npm ci`" in build.output


def test_data_in_the_editor_page_cannot_close_its_script_element() -> None:
    hostile = {"files": {"data/school.yml": {"modeline": "</script><script>alert(1)</script><!--", "schema": "school.yml"}}, "schemas": {}}
    page = editor_page("<b>Trường</b>", hostile, bundle_installed=True)
    assert "alert(1)" in page  # kept, as data
    assert page.count("</script>") == page.count("<script") == 4
    assert "<!--" not in page and "<b>" not in page
