"""The form editor at ``/bien-tap/``: Decap CMS over the same data files, configured from the models.

The site publishes the editor as files of its own: a small page that loads the CMS bundle
(copied from the project's pinned npm package ``decap-cms``, never from a CDN), the CMS
configuration generated here from the data models (the same source as the JSON Schemas), and
``editor.js``, which teaches the CMS how this project writes YAML (modeline kept, keys in the
models' order, unknown values as ``null``). Nothing is written by hand, so the forms cannot
drift from the models; readers' pages never load any of it.

A collection per school year (its plan, dialogues, reports and reception), then the school
and the legal documents. Labels are the models' Vietnamese descriptions, shortened; the whole
description is the hint. Required fields are required, dates are typed as dd/mm/yyyy and
checked by a pattern, choices are selects (roles, duties and documents from the data itself),
attachments are uploaded into the year's ``files/``. The data check stays the final gate.
"""

from __future__ import annotations

import json
import os
import re
from html import escape
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from ..data.json_schema import model_schema
from ..data.loading import (
    ATTACHMENTS_FOLDER,
    DIALOGUES_FILE,
    DOCUMENTS_FILE,
    PLAN_FILE,
    RECEPTION_FILE,
    REPORTS_FILE,
    SCHOOL_FILE,
    YEARS_FOLDER,
)
from ..data.dates import DATE_PATTERN
from ..data.models import ID_PATTERN, DialoguesFile, LegalDocumentsFile, Plan, Reception, ReportsFile, School, SiteData

EDITOR_FOLDER = "bien-tap"
CONFIG_FILE = f"{EDITOR_FOLDER}/config.yml"
PAGE_FILE = f"{EDITOR_FOLDER}/index.html"
SCRIPT_FILE = f"{EDITOR_FOLDER}/editor.js"
# The local proxy (decap-server) that scripts/serve starts: the CMS uses it when the page is
# served from this machine, and the git host otherwise.
LOCAL_PROXY_PORT = 8081
MODELINE_PREFIX = "# yaml-language-server: $schema="
# What a clerk types; the models also read ISO dates, the forms ask for one way only.
FORM_DATE_PATTERN = r"^(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/\d{4}$"
DATE_MESSAGE = "Ngày viết dạng ngày/tháng/năm, ví dụ 25/02/2023"
ID_MESSAGE = "Chỉ dùng chữ thường không dấu, số và dấu gạch nối, ví dụ bao-cao-quy-1"
# Fields whose values are sentences or paragraphs: a text area rather than a line.
LONG_TEXT = {"text", "quote", "minutes_summary", "question", "answer", "note", "title", "reports_lead", "closing"}
# Fields that name something of the data itself: chosen from a list, never typed.
ROLE_FIELDS = {"owner", "chair", "receivers"}
DUTY_FIELDS = {"duty"}
DOCUMENT_FIELDS = {"legal_basis", "cites"}
# What one item of a list is called ("Thêm báo cáo"); otherwise the list's own label.
ITEM_NAMES = {
    "reports": "báo cáo", "sessions": "buổi đối thoại", "documents": "văn bản", "roles": "vai trò",
    "public_contacts": "liên hệ", "questions": "ý kiến", "follow_ups": "việc cần làm", "figures": "kỳ thống kê",
    "channels": "kênh tiếp nhận", "agenda": "nội dung", "results": "kết quả", "limitations": "hạn chế",
    "next_steps": "việc tiếp theo", "receivers": "vai trò", "duties": "nhiệm vụ", "items": "đoạn",
    "content": "mục", "organisation": "đoạn", "legal_bases": "căn cứ", "preamble": "đoạn", "recipients": "nơi nhận",
}
# Fields a list item is best known by, in order of preference (the list shows it when collapsed).
SUMMARY_FIELDS = ["id", "name", "heading", "action", "question", "period", "kind", "text"]


@dataclass(frozen=True)
class EditorKind:
    """One kind of data file as the editor shows it."""

    file_name: str
    model: type[BaseModel]
    label: str

    @property
    def schema_name(self) -> str:
        return self.file_name.removesuffix(".yml") + ".schema.json"


SCHOOL = EditorKind(SCHOOL_FILE, School, "Nhà trường")
DOCUMENTS = EditorKind(DOCUMENTS_FILE, LegalDocumentsFile, "Văn bản pháp lý")
YEAR_KINDS = [
    EditorKind(REPORTS_FILE, ReportsFile, "Báo cáo"),
    EditorKind(DIALOGUES_FILE, DialoguesFile, "Đối thoại"),
    EditorKind(RECEPTION_FILE, Reception, "Tiếp công dân"),
    EditorKind(PLAN_FILE, Plan, "Kế hoạch"),
]


@dataclass(frozen=True)
class EditorSettings:
    """Where the editor reads and writes: the repository on the git host, and how clerks sign in."""

    repo_url: str
    branch: str
    site_url: str
    root: Path
    """The repository's folder: the CMS names files from there."""
    data_dir: Path
    auth_url: str | None = None
    """GitHub: the OAuth relay that signs clerks in (``base_url`` of the CMS), e.g. https://api.netlify.com."""
    auth_site: str | None = None
    """GitHub through Netlify's relay: the Netlify site that holds the OAuth app (``site_domain``)."""
    app_id: str | None = None
    """GitLab: the id of the OAuth application (sign-in by PKCE, no server needed)."""
    local_port: int = LOCAL_PROXY_PORT
    """Port of the local proxy (decap-server) on 127.0.0.1."""

    @property
    def data_path(self) -> PurePosixPath:
        return PurePosixPath(Path(os.path.relpath(self.data_dir.resolve(), self.root.resolve())).as_posix())

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"


def branch_of(edit_uri: str | None) -> str:
    """The branch that ``edit_uri`` opens files on (``edit/main/``, ``-/edit/main/``); ``main`` by default."""
    parts = [part for part in (edit_uri or "").split("/") if part]
    return parts[parts.index("edit") + 1] if "edit" in parts and parts.index("edit") + 1 < len(parts) else "main"


def backend(settings: EditorSettings) -> dict[str, Any]:
    """The CMS backend for the repository's host: GitHub, or GitLab (gitlab.com or its own server)."""
    address = urlsplit(settings.repo_url)
    repo = address.path.strip("/").removesuffix(".git")
    host = f"{address.scheme}://{address.netloc}"
    if "gitlab" in address.netloc:
        found: dict[str, Any] = {"name": "gitlab", "repo": repo, "branch": settings.branch, "auth_type": "pkce"}
        if settings.app_id:
            found["app_id"] = settings.app_id
        if address.netloc != "gitlab.com":
            found["api_root"] = f"{host}/api/v4"
            found["base_url"] = host
            found["auth_endpoint"] = "oauth/authorize"
        return found
    found = {"name": "github", "repo": repo, "branch": settings.branch}
    if settings.auth_url:
        found["base_url"] = settings.auth_url
    if settings.auth_site:
        found["site_domain"] = settings.auth_site
    if address.netloc != "github.com":
        found["api_root"] = f"{host}/api/v3"
    return found


COMMIT_MESSAGES = {
    "create": "Biên tập: tạo {{collection}} “{{slug}}”",
    "update": "Biên tập: cập nhật {{collection}} “{{slug}}”",
    "delete": "Biên tập: xóa {{collection}} “{{slug}}”",
    "uploadMedia": "Biên tập: tải lên {{path}}",
    "deleteMedia": "Biên tập: xóa tệp {{path}}",
}


def editor_config(site: SiteData, settings: EditorSettings) -> dict[str, Any]:
    """The CMS configuration (``/bien-tap/config.yml``) for this data."""
    data = settings.data_path
    collections = [_year_collection(site, year.school_year, data) for year in reversed(site.years)]
    collections.append(_single_file_collection("nha-truong", SCHOOL, data / SCHOOL_FILE, site, None))
    collections.append(_single_file_collection("van-ban", DOCUMENTS, data / DOCUMENTS_FILE, site, None))
    return {
        "backend": {**backend(settings), "commit_messages": COMMIT_MESSAGES},
        # On 127.0.0.1 the CMS edits the local checkout through decap-server (scripts/serve).
        "local_backend": {"url": f"http://127.0.0.1:{settings.local_port}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "vi",
        "site_url": settings.site_url,
        "display_url": settings.site_url,
        "media_folder": str(data / YEARS_FOLDER / site.years[-1].school_year / ATTACHMENTS_FOLDER),
        "public_folder": "",
        "publish_mode": "simple",
        "show_preview_links": False,
        "editor": {"preview": False},
        "collections": collections,
    }


def _year_collection(site: SiteData, school_year: str, data: PurePosixPath) -> dict[str, Any]:
    folder = data / YEARS_FOLDER / school_year
    files = [
        _file_entry(kind, folder / kind.file_name, site, school_year, name=kind.file_name.removesuffix(".yml"))
        for kind in YEAR_KINDS
    ]
    return {
        "name": f"nam-hoc-{school_year}",
        "label": f"Năm học {school_year}",
        "description": f"Báo cáo, đối thoại, tiếp công dân và kế hoạch của năm học {school_year}.",
        "format": "qcdc-yaml",
        "extension": "yml",
        "editor": {"preview": False},
        "files": files,
    }


def _single_file_collection(name: str, kind: EditorKind, path: PurePosixPath, site: SiteData, school_year: str | None) -> dict[str, Any]:
    return {
        "name": name,
        "label": kind.label,
        "format": "qcdc-yaml",
        "extension": "yml",
        "editor": {"preview": False},
        "files": [_file_entry(kind, path, site, school_year, name=name)],
    }


def _file_entry(kind: EditorKind, path: PurePosixPath, site: SiteData, school_year: str | None, name: str) -> dict[str, Any]:
    schema = model_schema(kind.model, kind.label)
    builder = _FieldBuilder(schema.get("definitions", {}), _Choices.of(site, school_year), path.parent / ATTACHMENTS_FOLDER)
    return {"name": name, "label": kind.label, "file": str(path), "fields": builder.fields(schema, optional_parent=False)}


@dataclass(frozen=True)
class _Choices:
    roles: list[dict[str, str]]
    duties: list[dict[str, str]]
    documents: list[dict[str, str]]

    @classmethod
    def of(cls, site: SiteData, school_year: str | None) -> _Choices:
        roles = [{"label": f"{role.name} ({role.id})", "value": role.id} for role in site.school.roles]
        documents = [
            {"label": " ".join(part for part in (document.kind, document.number or "", f"({document.id})") if part), "value": document.id}
            for document in site.legal_documents
        ]
        duties = []
        if school_year is not None:
            plan = site.plan(school_year)
            duties = [{"label": f"{duty.id}: {_shorten(plan.duty_text(duty))}", "value": duty.id} for duty in plan.all_duties()]
        return cls(roles, duties, documents)


def _shorten(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def label_of(description: str) -> str:
    """A field's label: its description up to the first aside, with a capital letter."""
    short = re.split(r" \(|: |; |, dạng ", description, maxsplit=1)[0].strip()
    return short[:1].upper() + short[1:]


def hint_of(description: str) -> str:
    """A field's hint: its description in the words of a form (empty, not ``null``; no ``true/false``)."""
    hint = description.replace(" (true/false)", "")
    hint = re.sub(r"\bnull\b", "để trống", hint)
    return hint[:1].upper() + hint[1:]


class _FieldBuilder:
    """Turns the JSON Schema of a model into the CMS's fields."""

    def __init__(self, definitions: dict[str, Any], choices: _Choices, files_folder: PurePosixPath) -> None:
        self.definitions = definitions
        self.choices = choices
        self.files_folder = files_folder

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            return self.resolve(self.definitions[node["$ref"].rsplit("/", 1)[1]])
        if "allOf" in node and len(node["allOf"]) == 1:
            return self.resolve({**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}})
        return node

    def fields(self, schema: dict[str, Any], optional_parent: bool) -> list[dict[str, Any]]:
        schema = self.resolve(schema)
        required = set(schema.get("required", []))
        return [
            self.field(name, node, required=name in required and not optional_parent)
            for name, node in schema.get("properties", {}).items()
        ]

    def field(self, name: str, node: dict[str, Any], required: bool) -> dict[str, Any]:
        description = node.get("description", "")
        value, nullable = self.value_schema(node)
        field: dict[str, Any] = {"name": name, "label": label_of(description) or name}
        hint = hint_of(description)
        if value.get("pattern") == DATE_PATTERN and "ví dụ" not in hint:
            hint += ", ví dụ 25/02/2023"
        if hint != field["label"]:
            field["hint"] = hint
        # A field that may be unknown (null) is left empty in the form; editor.js writes null.
        # A list the model lets be empty is not required either (editor.js writes []).
        may_be_empty = value.get("type") == "array" and not value.get("minItems")
        field["required"] = required and not nullable and not may_be_empty
        field.update(self.widget(name, value, optional=not field["required"], description=description))
        return field

    def value_schema(self, node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The schema of the value a field holds, and whether it may be null."""
        node = self.resolve(node)
        options = node.get("anyOf")
        if options:
            kept = [option for option in options if option.get("type") != "null"]
            nullable = len(kept) < len(options)
            if len(kept) == 1:
                inner, _ = self.value_schema(kept[0])
                return inner, nullable
            return {"anyOf": kept}, nullable
        return node, False

    def widget(self, name: str, value: dict[str, Any], optional: bool, description: str = "") -> dict[str, Any]:
        if name == "attachment":
            return {"widget": "file", "media_folder": "/" + str(self.files_folder), "public_folder": "", "choose_url": False}
        if name in ROLE_FIELDS or name in DUTY_FIELDS or name in DOCUMENT_FIELDS:
            options = self.choices.roles if name in ROLE_FIELDS else self.choices.duties if name in DUTY_FIELDS else self.choices.documents
            if options:
                return {"widget": "select", "options": options, "multiple": value.get("type") == "array"}
        if "enum" in value:
            return {"widget": "select", "options": _enum_options(value["enum"], description)}
        if "anyOf" in value:
            # A paragraph of the plan: plain text, or text with the documents it cites.
            paragraph = next(self.resolve(option) for option in value["anyOf"] if "$ref" in option)
            return {"widget": "object", "collapsed": False, "fields": self.fields(paragraph, optional_parent=False)}
        kind = value.get("type")
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind == "integer":
            found: dict[str, Any] = {"widget": "number", "value_type": "int"}
            if "minimum" in value:
                found["min"] = value["minimum"]
            if "exclusiveMinimum" in value:
                found["min"] = value["exclusiveMinimum"] + 1
            if "maximum" in value:
                found["max"] = value["maximum"]
            return found
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.fields(value, optional_parent=optional)}
        if kind == "array":
            return self.list_widget(name, value)
        return self.text_widget(name, value)

    def list_widget(self, name: str, value: dict[str, Any]) -> dict[str, Any]:
        items, _ = self.value_schema(value.get("items", {}))
        found: dict[str, Any] = {"widget": "list", "collapsed": True}
        if name in ITEM_NAMES:
            found["label_singular"] = ITEM_NAMES[name]
        if items.get("type") == "object":
            fields = self.fields(items, optional_parent=False)
            found["fields"] = fields
            names = [field["name"] for field in fields]
            shown = next((candidate for candidate in SUMMARY_FIELDS if candidate in names), None)
            if shown:
                found["summary"] = "{{fields.%s}}" % shown
        elif "anyOf" in items:
            paragraph = next(self.resolve(option) for option in items["anyOf"] if "$ref" in option)
            found["fields"] = self.fields(paragraph, optional_parent=False)
            found["summary"] = "{{fields.text}}"
        else:
            found["field"] = {"name": name, "label": "Dòng", **self.text_widget(name, items, sentence=True)}
            found["collapsed"] = False
        if value.get("minItems"):
            found["min"] = value["minItems"]
        return found

    def text_widget(self, name: str, value: dict[str, Any], sentence: bool = False) -> dict[str, Any]:
        pattern = value.get("pattern")
        if pattern == DATE_PATTERN:
            return {"widget": "string", "pattern": [FORM_DATE_PATTERN, DATE_MESSAGE]}
        if pattern == ID_PATTERN:
            return {"widget": "string", "pattern": [ID_PATTERN, ID_MESSAGE]}
        if pattern:
            return {"widget": "string", "pattern": [pattern, f"Chưa đúng dạng: {value.get('description', pattern)}"]}
        return {"widget": "text" if sentence or name in LONG_TEXT else "string"}


def _enum_options(values: list[str], description: str) -> list[dict[str, str]]:
    """Options of a choice, with the Vietnamese words the description gives each value, e.g. ``held (đã tổ chức)``."""
    words = dict(re.findall(r"([\w-]+) \(([^)]+)\)", description))
    return [{"label": f"{words[value]} ({value})" if value in words else value, "value": value} for value in values]


def editor_files_spec(site: SiteData, settings: EditorSettings) -> dict[str, Any]:
    """What ``editor.js`` needs to write a file the way this project does: for every file the
    forms edit, its modeline and the JSON Schema of its model (key order, null, defaults)."""
    data = settings.data_path
    files: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    places = [(SCHOOL, data / SCHOOL_FILE), (DOCUMENTS, data / DOCUMENTS_FILE)]
    places += [(kind, data / YEARS_FOLDER / year.school_year / kind.file_name) for year in site.years for kind in YEAR_KINDS]
    for kind, path in places:
        schema_file = settings.schema_dir / kind.schema_name
        relative = os.path.relpath(schema_file.resolve(), (settings.root / path).parent.resolve())
        files[str(path)] = {"modeline": MODELINE_PREFIX + Path(relative).as_posix(), "schema": kind.file_name}
        schemas[kind.file_name] = model_schema(kind.model, kind.label)
    return {"files": files, "schemas": schemas}


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script> element (no ``</script>``, no comment openers)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def editor_page(site_name: str, spec: dict[str, Any], bundle_installed: bool) -> str:
    """The editor's page: the CMS takes over its body. Kept out of search engines' indexes."""
    title = escape(f"Biên tập nội dung: {site_name}")
    if not bundle_installed:
        body = (
            "<main><h1>Trình biên tập chưa được cài</h1>"
            "<p>Máy dựng trang web chưa cài trình biên tập (lệnh <code>npm ci</code> trong thư mục dự án). "
            "Trong lúc chờ, hãy sửa các tệp trong thư mục <code>data/</code> theo "
            '<a href="../huong-dan/#sua-tep-yaml">hướng dẫn sửa tệp YAML</a>.</p></main>'
        )
        scripts = ""
    else:
        body = (
            '<noscript><p>Trình biên tập cần bật JavaScript. Có thể sửa các tệp trong thư mục data/ '
            'theo <a href="../huong-dan/#sua-tep-yaml">hướng dẫn sửa tệp YAML</a>.</p></noscript>'
        )
        scripts = (
            f'<script type="application/json" id="qcdc-editor">{script_json(spec)}</script>\n'
            "<script>window.CMS_MANUAL_INIT = true;</script>\n"
            '<script src="decap-cms.js"></script>\n'
            '<script type="module" src="editor.js"></script>\n'
        )
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{title}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{PHONE_CSS}</style>\n"
        f"</head>\n<body>\n{body}\n{scripts}</body>\n</html>\n"
    )


SCRIPT_SOURCE = Path(__file__).with_name("editor.js")
# Decap's editor screen is at least 800 px wide; on a phone it would scroll sideways. Its
# class names carry the component's name after a hash ("css-hn3jn7-EditorContainer").
PHONE_CSS = (
    "@media (max-width:799px){"
    '[class*="-EditorContainer"],[class*="-ToolbarContainer"]{min-width:0!important}'
    '[class*="-ToolbarContainer"]{flex-wrap:wrap;height:auto!important}'
    # The toolbar then takes two lines: the form starts below it.
    '[class*="-EditorContainer"]{padding-top:112px!important}'
    "}"
)


def bundle_files(node_modules: Path) -> dict[str, Path]:
    """The CMS bundle and the YAML library, from the pinned npm packages: site path → source file.
    Empty when they are not installed (``npm ci`` not run)."""
    decap = node_modules / "decap-cms" / "dist"
    yaml = node_modules / "yaml" / "browser"
    if not (decap / "decap-cms.js").is_file() or not (yaml / "dist" / "index.js").is_file():
        return {}
    found = {
        f"{EDITOR_FOLDER}/{path.name}": path
        for path in sorted(decap.iterdir())
        if path.name.endswith("decap-cms.js") or path.suffix == ".wasm"
    }
    for path in sorted((yaml / "dist").rglob("*.js")):
        found[f"{EDITOR_FOLDER}/yaml/{path.relative_to(yaml).as_posix()}"] = path
    return found


def config_text(config: dict[str, Any]) -> str:
    """The configuration as the CMS reads it (JSON is YAML), generated: never edit by hand."""
    return "# Generated from the data models by macros/publications/editor.py: do not edit.\n" + json.dumps(
        config, ensure_ascii=False, indent=1
    ) + "\n"
