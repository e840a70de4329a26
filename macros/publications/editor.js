// The editor page's glue (/bien-tap/editor.js): how the CMS reads and writes this project's YAML.
//
// Decap CMS writes YAML its own way: it drops the file's comments (the yaml-language-server
// modeline among them), puts a new item's keys in the order the fields were touched, and saves
// an emptied field as "". Here the files are written as a person would: the file's own text
// is updated in place (comments, quotes and key order kept), new keys and items follow the
// models' order, a field left empty is null when the model asks for the key and is left out
// when the model has a default. YAML 1.1 rules are kept, as PyYAML reads them (14:00 quoted).
// The page carries, generated from the models, each file's modeline and its model's JSON Schema.
import * as YAML from "./yaml/dist/index.js";

const spec = JSON.parse(document.getElementById("qcdc-editor").textContent);
const noTimestamps = (tags) => tags.filter((tag) => tag.tag !== "tag:yaml.org,2002:timestamp");
const YAML_OPTIONS = { version: "1.1", customTags: noTimestamps };
const OUTPUT_OPTIONS = { lineWidth: 0, indentSeq: true };

// The file being saved: the preSave event knows it, the format's toFile (called next) does not.
let saving = null;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function resolve(node, root) {
  if (!node) return {};
  if (node.$ref) return resolve(root.definitions[node.$ref.split("/").pop()], root);
  if (node.allOf && node.allOf.length === 1) {
    const { allOf, ...rest } = node;
    return { ...resolve(allOf[0], root), ...rest };
  }
  return node;
}

function nonNull(node) {
  return (node.anyOf || []).filter((option) => option.type !== "null");
}

function isParagraphUnion(node, root) {
  const options = nonNull(node);
  return options.length === 2 && options.some((o) => o.type === "string") && options.some((o) => resolve(o, root).properties?.text);
}

function blank(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(blank);
  return false;
}

// The schema a data file follows, from its path (saving) or, when reading, from its keys.
function schemaFor(data) {
  const info = saving && spec.files[saving.path];
  if (info) return spec.schemas[info.schema];
  const keys = isObject(data) ? Object.keys(data) : [];
  const byKey = { sessions: "dialogues.yml", reports: "reports.yml", school_year: "plan.yml", receivers: "reception.yml", documents: "legal_documents.yml", roles: "school.yml" };
  const found = keys.map((key) => byKey[key]).find(Boolean);
  return found ? spec.schemas[found] : null;
}

// Reading: a plan's paragraph written as plain text becomes {text} for its form.
function expand(value, node, root) {
  node = resolve(node, root);
  if (node.anyOf) {
    if (isParagraphUnion(node, root) && typeof value === "string") return { text: value };
    const options = nonNull(node);
    return options.length === 1 ? expand(value, options[0], root) : value;
  }
  if (Array.isArray(value)) return value.map((item) => expand(item, node.items, root));
  if (isObject(value) && node.properties) {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key] = node.properties[key] ? expand(item, node.properties[key], root) : item;
    return out;
  }
  return value;
}

// Writing: keys in the model's order, empties as null or left out, paragraphs back to plain text.
function normalize(value, node, root, key) {
  node = resolve(node, root);
  if (node.anyOf) {
    if (blank(value)) return null;
    if (isParagraphUnion(node, root) && isObject(value)) {
      const paragraph = normalize(value, nonNull(node).find((o) => o.type !== "string"), root);
      return Object.keys(paragraph).length === 1 && typeof paragraph.text === "string" ? paragraph.text : paragraph;
    }
    const options = nonNull(node);
    return options.length === 1 ? normalize(value, options[0], root, key) : value;
  }
  if (Array.isArray(value)) return value.map((item) => normalize(item, node.items || {}, root));
  if (isObject(value) && node.properties) {
    const required = new Set(node.required || []);
    const out = {};
    for (const [name, child] of Object.entries(node.properties)) {
      const item = normalize(value[name], child, root, name);
      if (!blank(item)) out[name] = item;
      else if (required.has(name)) out[name] = nonNull(resolve(child, root)).length ? null : item ?? null;
    }
    // Keys the model does not know are kept: the data check names them, nothing is lost silently.
    for (const name of Object.keys(value)) if (!(name in node.properties)) out[name] = value[name];
    return out;
  }
  if (key === "attachment" && typeof value === "string") return value.split("/").pop();
  if (typeof value === "string" && node.type === "string") return value.replace(/\s+$/, "");
  return value;
}

function keyOf(pair) {
  return YAML.isScalar(pair.key) ? pair.key.value : pair.key;
}

// Put the new value into the file's own YAML nodes, so that what did not change stays as written.
function mergeInto(doc, node, value) {
  if (isObject(value) && YAML.isMap(node)) {
    node.items = node.items.filter((pair) => Object.hasOwn(value, keyOf(pair)));
    let last = -1;
    for (const [key, item] of Object.entries(value)) {
      const at = node.items.findIndex((pair) => keyOf(pair) === key);
      if (at >= 0) {
        node.items[at].value = mergeValue(doc, node.items[at].value, item);
        last = at;
      } else {
        node.items.splice(last + 1, 0, doc.createPair(key, item));
        last += 1;
      }
    }
    return node;
  }
  if (Array.isArray(value) && YAML.isSeq(node)) {
    node.items = value.map((item, index) => (index < node.items.length ? mergeValue(doc, node.items[index], item) : doc.createNode(item)));
    return node;
  }
  return null;
}

function mergeValue(doc, node, value) {
  if (YAML.isScalar(node) && !isObject(value) && !Array.isArray(value)) {
    if (node.value === value) return node;
    if (value !== null && typeof node.value === typeof value) {
      node.value = value;
      return node;
    }
  } else if (YAML.isCollection(node) && mergeInto(doc, node, value)) {
    return node;
  }
  const fresh = doc.createNode(value);
  if (node) {
    fresh.commentBefore = node.commentBefore;
    fresh.comment = node.comment;
  }
  return fresh;
}

function withModeline(text) {
  const info = saving && spec.files[saving.path];
  if (!info) return text;
  const lines = text.split("\n");
  if (lines[0].startsWith("# yaml-language-server:")) lines.shift();
  return [info.modeline, ...lines].join("\n");
}

function fromFile(content) {
  const data = YAML.parse(content, YAML_OPTIONS) ?? {};
  const schema = schemaFor(data);
  return schema ? expand(data, schema, schema) : data;
}

function toFile(data) {
  const schema = schemaFor(data);
  const value = schema ? normalize(data, schema, schema) : data;
  let doc = null;
  if (saving && saving.raw && saving.raw.trim()) {
    doc = YAML.parseDocument(saving.raw, YAML_OPTIONS);
    if (doc.errors.length || !mergeInto(doc, doc.contents, value)) doc = null;
  }
  if (!doc) doc = new YAML.Document(value, YAML_OPTIONS);
  return withModeline(doc.toString(OUTPUT_OPTIONS));
}

// Words the CMS's Vietnamese leaves in English, where a clerk meets them.
const MORE_VIETNAMESE = {
  collection: { collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" } },
  editor: {
    editorControl: { field: { widgetLabel: "Trường %{widgetLabel}" } },
    editorInterface: { togglePreview: "Bật/tắt xem trước", toggleScrollSync: "Cuộn cùng lúc" },
    editorWidgets: {
      list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
      object: { expand: "Mở ra", collapse: "Thu gọn" },
      file: {
        chooseUrl: "Chèn từ địa chỉ web", chooseMultiple: "Chọn các tệp", replaceUrl: "Thay bằng địa chỉ web",
        promptUrl: "Nhập địa chỉ web của tệp", addMore: "Thêm tệp", removeAll: "Bỏ mọi tệp",
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn", copyName: "Chép tên", copied: "Đã chép" },
    mediaLibraryModal: { close: "Đóng" },
  },
  ui: { settingsDropdown: { account: "Tài khoản" } },
};

function deepMerge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) out[key] = isObject(value) ? deepMerge(base?.[key] || {}, value) : value;
  return out;
}

CMS.registerLocale("vi", deepMerge(CMS.getLocale("vi") || {}, MORE_VIETNAMESE));
CMS.registerCustomFormat("qcdc-yaml", "yml", { fromFile, toFile });
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    saving = { path: entry.get("path"), raw: entry.get("raw") };
    return entry.get("data");
  },
});
CMS.init();
