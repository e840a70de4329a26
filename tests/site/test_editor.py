"""The form editor (/bien-tap/) end to end: Decap CMS in a real Chromium, against decap-server
writing real files into a copy of the project, then the real data check and a real build.

The forms add a report summary and a dialogue session; the YAML files are then what a person
would have written, the data check passes and the built pages show both. The forms refuse a bad
date and a missing required field before saving; a personal phone number gets through the forms
and is refused by the check, which stays the final gate. A file saved unchanged comes back as it
was. axe-core checks the editor's pages, with the CMS's known exceptions listed here.

Screenshots for the editor's guide are taken on the way; ``QCDC_UPDATE_SCREENSHOTS=1`` writes
them into docs/assets/huong-dan/ (otherwise into the test's temporary folder).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from macros.pages.rendering import attachment_path
from macros.publications.pdf import serve_folder
from tests.conftest import ROOT, SAMPLE, Build, require_tool, run_mkdocs_build
from tests.node_tools import AXE_SCRIPT, INSTALL_HINT, NODE_MODULES, node

YEAR = "2023-2024"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
GUIDE_SHOTS = ROOT / "docs" / "assets" / "huong-dan"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# What axe-core finds in Decap CMS 3.16's own markup, which this project does not write.
# Each entry: rule id → why it is accepted. A new kind of violation fails the test.
KNOWN_CMS_EXCEPTIONS = {
    "color-contrast": "grey text of Decap's own: the sign-in screen's note, the header's site link, the "
    "'unsaved changes' badge, the publish button's caret",
    "button-name": "Decap's icon-only buttons in a list item's bar (fold, remove)",
    "aria-command-name": "Decap's drag handle for reordering list items (role=button, no name)",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def proxy_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (data, pages, schemas, settings) that the editor may write into."""
    require_tool(node() is not None and DECAP_SERVER.is_file(), f"decap-server not installed: {INSTALL_HINT}")
    copy = tmp_path_factory.mktemp("editor") / "project"
    for folder in ["data", "docs", "overrides", "schema"]:
        shutil.copytree(ROOT / folder, copy / folder)
    for name in ["mkdocs.yml", "pyproject.toml"]:
        shutil.copy2(ROOT / name, copy / name)
    (copy / "node_modules").symlink_to(NODE_MODULES)
    return copy


def build_project(project: Path, site_dir: Path, proxy_port: int) -> Build:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QCDC_EDITOR_PORT", str(proxy_port))
        patch.setenv("QCDC_EDITOR", "required")
        build = run_mkdocs_build(site_dir, project / "data", config=project / "mkdocs.yml")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def editor_site(project: Path, proxy_port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The copy's site, built and served on 127.0.0.1, with decap-server (MODE=fs) beside it."""
    build = build_project(project, tmp_path_factory.mktemp("editor-site") / "site", proxy_port)
    environment = {**os.environ, "MODE": "fs", "PORT": str(proxy_port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project)}
    proxy = subprocess.Popen([node(), str(DECAP_SERVER)], env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in proxy.stdout:  # ready when it says so
            if "listening on" in line:
                break
        else:
            pytest.fail("decap-server stopped before listening")
        with serve_folder(build.site_dir) as url:
            yield url
    finally:
        proxy.terminate()
        proxy.wait(timeout=30)


# The parts of a 1280 × 900 screen the guide shows: the sign-in box, the form's column (with the
# toolbar's Publish button); the rest is empty margin that would only shrink the picture.
SIGN_IN_BOX = {"x": 340, "y": 280, "width": 600, "height": 320}
FORM_COLUMN = {"x": 200, "y": 0, "width": 880, "height": 900}


def shot(page: Page, name: str, tmp_path: Path, for_guide: bool = True, clip: dict | None = FORM_COLUMN) -> None:
    folder = GUIDE_SHOTS if for_guide and os.environ.get("QCDC_UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), animations="disabled", clip=clip)


def field(scope: Page | Locator, label: str, last: bool = False) -> Locator:
    """A form field by the start of its label (the CMS upper-cases labels with CSS and adds "(không bắt buộc)");
    ``last``: of the list item just added."""
    fields = scope.get_by_label(re.compile("^" + re.escape(label), re.IGNORECASE))
    return fields.last if last else fields.first


def type_into(locator: Locator, text: str) -> None:
    # fill() would add to a value already there; validation runs on blur and moves the layout.
    locator.fill("")
    locator.fill(text)
    locator.blur()


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of a select (react-select: type, then Enter)."""
    control = field(page, label)
    control.fill(option)
    page.get_by_role("option", name=option).first.click()


def sign_in(page: Page, editor_site: str) -> None:
    page.goto(editor_site + "bien-tap/")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("link", name=f"Năm học {YEAR}")).to_be_visible()


def open_file(page: Page, title: str) -> None:
    """Open a file of the year's collection as a clerk does: the year in the list, then the file."""
    page.get_by_role("link", name=f"Năm học {YEAR}").click()
    page.get_by_role("link", name=title, exact=True).click()


def publish(page: Page) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay").click()


def saved(page: Page) -> None:
    """Saved: the entry's status reads so (the CMS sets it once the proxy has written the file)."""
    expect(page.get_by_text("Thay đổi đã được lưu", exact=True)).to_be_visible()


def year_file(project: Path, name: str) -> Path:
    return project / "data" / "years" / YEAR / name


def check(project: Path) -> subprocess.CompletedProcess:
    """The data check, as scripts/check runs it."""
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.cli", str(project / "data")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    yield context.new_page()
    context.close()


def test_the_form_refuses_a_bad_date_and_a_missing_required_field(desktop: Page, editor_site: str, project: Path, tmp_path: Path) -> None:
    page = desktop
    before = year_file(project, "dialogues.yml").exists()
    sign_in(page, editor_site)
    open_file(page, "Đối thoại")
    page.get_by_role("button", name="Thêm buổi đối thoại").click()
    type_into(field(page, "Ngày tổ chức"), "31-12-2023")
    publish(page)

    expect(page.get_by_text("Ngày viết dạng ngày/tháng/năm, ví dụ 25/02/2023")).to_be_visible()
    expect(page.get_by_text(re.compile("Mã buổi đối thoại.*bắt buộc", re.IGNORECASE)).first).to_be_visible()
    shot(page, "bien-tap-loi.png", tmp_path, clip=None)  # with the notice at the top right
    assert year_file(project, "dialogues.yml").exists() == before


def test_a_report_summary_and_a_dialogue_session_saved_through_the_forms(
    desktop: Page, editor_site: str, project: Path, proxy_port: int, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = desktop
    page.goto(editor_site + "bien-tap/")
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    shot(page, "bien-tap-dang-nhap.png", tmp_path, clip=SIGN_IN_BOX)
    sign_in(page, editor_site)
    shot(page, "bien-tap-nam-hoc.png", tmp_path, clip=None)
    open_file(page, "Báo cáo")
    page.get_by_role("button", name="Thêm báo cáo").click()
    type_into(field(page, "Mã báo cáo"), "bao-cao-quy-1")
    field(page, "Đã nộp hay chưa").check()
    type_into(field(page, "Ngày nộp"), "15/12/2023")
    type_into(field(page, "Nơi nhận báo cáo"), "Phòng Giáo dục và Đào tạo")
    page.get_by_role("button", name="Thêm kết quả").click()
    type_into(field(page, "Dòng"), "Công khai kế hoạch trên bảng tin và trang thông tin của trường.")
    shot(page, "bien-tap-bao-cao.png", tmp_path)
    signed = tmp_path / "bao-cao-quy-1.pdf"
    signed.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_role("button", name="Chọn một tập tin").click()
    page.locator('input[type="file"]').set_input_files(signed)
    expect(page.get_by_text("bao-cao-quy-1.pdf").first).to_be_visible()
    shot(page, "bien-tap-tep.png", tmp_path, clip=None)  # the file dialog is wider
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    publish(page)
    saved(page)

    page.goto(editor_site + "bien-tap/#/")
    open_file(page, "Đối thoại")
    page.get_by_role("button", name="Thêm buổi đối thoại").click()
    type_into(field(page, "Mã buổi đối thoại"), "doi-thoai-hk1")
    choose(page, "Mã nhiệm vụ", "doi-thoai-dinh-ky")
    choose(page, "Trạng thái", "đã tổ chức (held)")
    type_into(field(page, "Ngày tổ chức"), "20/10/2023")
    type_into(field(page, "Giờ bắt đầu"), "14:00")
    type_into(field(page, "Địa điểm"), "Hội trường nhà trường")
    choose(page, "Mã vai trò chủ trì", "hieu-truong")
    type_into(field(page, "Tóm tắt biên bản đã công bố"), "Thống nhất lịch sửa chữa hai phòng học trong tháng 11.")
    # For the guide: the form from its first field, without the report's "saved" notice, gone by now.
    expect(page.get_by_text("Mục đã được lưu")).to_have_count(0, timeout=20_000)
    field(page, "Mã buổi đối thoại").scroll_into_view_if_needed()
    shot(page, "bien-tap-doi-thoai.png", tmp_path)
    publish(page)
    saved(page)

    reports = year_file(project, "reports.yml").read_text(encoding="utf-8")
    assert reports.splitlines()[0] == "# yaml-language-server: $schema=../../../schema/reports.schema.json"
    assert yaml.safe_load(reports) == {
        "reports": [
            {
                "id": "bao-cao-quy-1",
                "submitted": True,
                "submitted_date": "15/12/2023",
                "recipient": "Phòng Giáo dục và Đào tạo",
                "summary": {"results": ["Công khai kế hoạch trên bảng tin và trang thông tin của trường."]},
                "attachment": "bao-cao-quy-1.pdf",
            }
        ]
    }
    dialogues = year_file(project, "dialogues.yml").read_text(encoding="utf-8")
    assert dialogues.splitlines()[0] == "# yaml-language-server: $schema=../../../schema/dialogues.schema.json"
    assert 'time: "14:00"' in dialogues, "PyYAML would read 14:00 unquoted as a number of minutes"
    session = yaml.safe_load(dialogues)["sessions"][0]
    assert list(session) == ["id", "duty", "status", "date", "time", "place", "chair", "minutes_summary"], "the models' order"
    assert session["date"] == "20/10/2023" and session["status"] == "held" and session["chair"] == "hieu-truong"

    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr

    build = build_project(project, tmp_path_factory.mktemp("edited") / "site", proxy_port)
    assert "Công khai kế hoạch trên bảng tin và trang thông tin của trường." in build.article_text(f"{YEAR}/bao-cao/bao-cao-quy-1/")
    assert "Thống nhất lịch sửa chữa hai phòng học trong tháng 11." in build.article_text(f"{YEAR}/doi-thoai/")
    # The signed PDF went into the year's files/ and is published beside the report.
    assert year_file(project, "files/bao-cao-quy-1.pdf").read_bytes() == signed.read_bytes()
    assert (build.site_dir / attachment_path(YEAR, "bao-cao-quy-1.pdf")).read_bytes() == signed.read_bytes()


def test_a_personal_phone_number_gets_through_the_form_and_the_check_refuses_it(
    desktop: Page, editor_site: str, project: Path, tmp_path: Path
) -> None:
    page = desktop
    reports = year_file(project, "reports.yml")
    kept = reports.read_text(encoding="utf-8") if reports.exists() else None
    try:
        sign_in(page, editor_site)
        open_file(page, "Báo cáo")
        page.get_by_role("button", name="Thêm báo cáo").click()
        type_into(field(page, "Mã báo cáo", last=True), "bao-cao-6-thang")
        field(page, "Đã nộp hay chưa", last=True).check()
        page.get_by_role("button", name="Thêm kết quả").last.click()
        type_into(field(page, "Dòng", last=True), "Đã trả lời phụ huynh, liên hệ cô Lan 0912 345 678.")
        publish(page)
        saved(page)
        assert "0912 345 678" in reports.read_text(encoding="utf-8")

        result = check(project)
        assert result.returncode == 1
        assert "số điện thoại" in result.stderr and "reports.yml" in result.stderr
    finally:
        if kept is None:
            reports.unlink(missing_ok=True)
        else:
            reports.write_text(kept, encoding="utf-8")



# A file of each kind, saved through its form with one field changed, comes back with that one line
# changed: its comments, quotes, folded text, key order and empty lists stay as written.
# (form, file, where the file comes from, list item to open, field, line before, line after)
ROUND_TRIPS = [
    ("Kế hoạch", "plan.yml", ROOT / "data" / "years" / YEAR / "plan.yml", None, "Đơn vị ban hành",
     "issuing_unit: Trường mầm non Bé Ngoan", "issuing_unit: Trường mầm non Bé Ngoan (sửa)"),
    ("Tiếp công dân", "reception.yml", ROOT / "data" / "years" / YEAR / "reception.yml", None, "Địa điểm tiếp",
     "place: null", "place: Phòng họp"),
    ("Đối thoại", "dialogues.yml", SAMPLE / "data" / "years" / YEAR / "dialogues.yml", "doi-thoai-hk1", "Địa điểm",
     "place: Hội trường nhà trường", "place: Hội trường nhà trường (sửa)"),
    ("Báo cáo", "reports.yml", SAMPLE / "data" / "years" / YEAR / "reports.yml", "bao-cao-quy-1", "Kỳ báo cáo",
     "period: Quý I năm học 2023-2024", "period: Quý I năm học 2023-2024 (sửa)"),
]


@pytest.mark.parametrize(("form", "name", "source", "item", "label", "before", "after"), ROUND_TRIPS, ids=[trip[1] for trip in ROUND_TRIPS])
def test_a_file_saved_through_the_form_changes_only_where_the_form_changed(
    desktop: Page, editor_site: str, project: Path, form: str, name: str, source: Path, item: str | None, label: str, before: str, after: str
) -> None:
    page = desktop
    target = year_file(project, name)
    kept = target.read_bytes() if target.exists() else None
    # The sample data lives two folders deeper: its modeline says so.
    original = source.read_text(encoding="utf-8").replace("../../../../../schema/", "../../../schema/")
    assert before + "\n" in original
    target.write_text(original, encoding="utf-8")
    try:
        sign_in(page, editor_site)
        open_file(page, form)
        if item:  # lists show their items folded: unfold the one to edit (its first button)
            summary = page.get_by_text(item, exact=True).first
            summary.locator("xpath=ancestor::div[.//button][1]").get_by_role("button").first.click()
        type_into(field(page, label), after.split(": ", 1)[1])
        publish(page)
        saved(page)
        assert target.read_text(encoding="utf-8") == original.replace(before + "\n", after + "\n", 1)
    finally:
        if kept is None:
            target.unlink()
        else:
            target.write_bytes(kept)


VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def axe_rules(page: Page) -> dict[str, str]:
    """axe-core's WCAG 2.1 AA violations on the page as it stands: rule id → where."""
    require_tool(AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} not found: {INSTALL_HINT}")
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA
    )
    assert results["passes"], "axe-core checked nothing"
    return {item["id"]: "; ".join(" ".join(node["target"]) for node in item["nodes"][:3]) for item in results["violations"]}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_editor_fetches_nothing_elsewhere_and_passes_axe_but_for_the_cms_known_exceptions(
    browser: Browser, editor_site: str, viewport: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN")
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else elsewhere.append(request.url))
    try:
        page.goto(editor_site + "bien-tap/")
        expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
        found = {"đăng nhập": axe_rules(page)}
        page.get_by_role("button", name="Đăng nhập").click()
        open_file(page, "Báo cáo")
        page.get_by_role("button", name="Thêm báo cáo").click()
        expect(field(page, "Mã báo cáo", last=True)).to_be_visible()
        found["biểu mẫu"] = axe_rules(page)
        shot(page, f"bien-tap-{viewport}.png", tmp_path, for_guide=False, clip=None)  # to look at
    finally:
        context.close()
    print(found)
    unknown = {rule: where for rules in found.values() for rule, where in rules.items() if rule not in KNOWN_CMS_EXCEPTIONS}
    assert unknown == {}
    assert elsewhere == []
