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
const OUTPUT_OPTIONS = { lineWidth: 0, indentSeq: true, flowCollectionPadding: false };

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
    // A key the file wrote as null or [] and the form left empty stays as written.
    node.items = node.items.filter((pair) => Object.hasOwn(value, keyOf(pair)) || blank(YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value));
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

// The smallest change to the file's text: scalars replaced where they stand, new list items added
// under the last one. Anything else (a new key, a removed item) is left to mergeInto. Unchanged
// text is never rewritten, so hand-wrapped lines and folded paragraphs stay as they are.
function patches(node, value, out) {
  if ((node === null || YAML.isScalar(node)) && !isObject(value) && !Array.isArray(value)) {
    const old = node === null ? null : node.value;
    if (old === value || (blank(old) && blank(value))) return true;
    if (node === null || (typeof value === "string" && value.includes("\n"))) return false;
    out.push([node.range[0], node.range[1], scalarText(value)]);
    return true;
  }
  if (YAML.isMap(node) && isObject(value)) {
    const keys = node.items.map(keyOf);
    if (Object.keys(value).some((key) => !keys.includes(key))) return false;
    return node.items.every((pair) => {
      const key = keyOf(pair);
      if (!Object.hasOwn(value, key)) return blank(YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value);
      return patches(pair.value, value[key], out);
    });
  }
  if (YAML.isSeq(node) && Array.isArray(value)) {
    if (value.length < node.items.length || (value.length > node.items.length && (node.flow || !node.items.length))) return false;
    if (!node.items.every((item, index) => patches(item, value[index], out))) return false;
    if (value.length > node.items.length) out.push(appendedItems(node, value.slice(node.items.length)));
    return true;
  }
  return false;
}

let source = "";

function scalarText(value) {
  return new YAML.Document(value, YAML_OPTIONS).toString(OUTPUT_OPTIONS).replace(/\n$/, "");
}

function appendedItems(seq, items) {
  const last = seq.items[seq.items.length - 1];
  const lineStart = source.lastIndexOf("\n", last.range[0] - 1) + 1;
  const dash = source.lastIndexOf("-", last.range[0] - 1) - lineStart;
  const lineEnd = source.indexOf("\n", last.range[1] - 1);
  const at = lineEnd < 0 ? source.length : lineEnd + 1;
  const text = new YAML.Document(items, YAML_OPTIONS).toString(OUTPUT_OPTIONS);
  const indented = text.replace(/\n$/, "").split("\n").map((line) => " ".repeat(dash) + line).join("\n") + "\n";
  return [at, at, (lineEnd < 0 ? "\n" : "") + indented];
}

function patchedText(raw, value) {
  source = raw;
  const doc = YAML.parseDocument(raw, YAML_OPTIONS);
  const out = [];
  if (doc.errors.length || !patches(doc.contents, value, out)) return null;
  let text = raw;
  for (const [start, end, replacement] of out.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + replacement + text.slice(end);
  // Safety net: the patched text must read back as exactly the value the form saved.
  const reread = YAML.parse(text, YAML_OPTIONS);
  return JSON.stringify(withoutBlanks(reread)) === JSON.stringify(withoutBlanks(value)) ? text : null;
}

// For comparing: keys whose value is blank (kept as written in the file) do not count.
function withoutBlanks(value) {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => !blank(item)).map(([key, item]) => [key, withoutBlanks(item)]));
}

function toFile(data) {
  const schema = schemaFor(data);
  const value = schema ? normalize(data, schema, schema) : data;
  if (saving && saving.raw && saving.raw.trim()) {
    const patched = patchedText(saving.raw, value);
    if (patched !== null) return withModeline(patched);
  }
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
