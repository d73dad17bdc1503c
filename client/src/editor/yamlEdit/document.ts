// Every form and graph edit of the studio goes through here: the text is read with the yaml
// package's Document API (comments and key order kept), edited with setIn/addIn/deleteIn, and
// written back merged into the author's layout (`keepLayout`). The text stays the source of truth.
import { YAMLMap, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { keepLayoutOf } from './keepLayout.js';

export type YamlPath = readonly (string | number)[];

/** How yaml writes a document: no line folding, so one long line stays one line. */
const WRITE_OPTIONS = { lineWidth: 0 } as const;

export class YamlEditError extends Error {
  readonly code: 'yaml/unreadable' | 'yaml/not_a_call';
  constructor(code: YamlEditError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The document of `text`, or a coded error when the text does not parse as one mapping. */
export function readDocument(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new YamlEditError('yaml/unreadable', doc.errors[0]!.message);
  if (!isMap(doc.contents)) throw new YamlEditError('yaml/not_a_call', 'document is not a mapping');
  return doc;
}

/**
 * One parsed document per text version, shared by the forms' reading and the next edit: yaml's
 * parse of a library-size call (3,000 lines) takes a few hundred milliseconds, so a form edit
 * must not parse the whole text again. After an edit the edited document is kept as the new
 * text's (with yaml's writing of it as the next edit's base) when the edit was spliced into the
 * text at its one place, i.e. the new text reads exactly as that document; otherwise the next
 * reading parses again.
 */
interface Reading {
  text: string;
  doc: Document;
  /** yaml's writing of `doc`, once asked. */
  base?: string;
}
let reading: Reading | undefined;

function readingOf(text: string): Reading {
  if (reading?.text !== text) reading = { text, doc: readDocument(text) };
  return reading;
}

/** The text after `edit` ran on its document; the lines it did not touch are kept as written. */
export function editYaml(text: string, edit: (doc: Document) => void): string {
  const current = readingOf(text);
  // The edit changes the document in place: it is no longer `text`'s (nor anything's if it throws).
  reading = undefined;
  const base = current.base ?? current.doc.toString(WRITE_OPTIONS);
  edit(current.doc);
  const edited = current.doc.toString(WRITE_OPTIONS);
  const after = keepLayoutOf(text, base, edited);
  if (after.spliced) {
    asParsed(current.doc);
    reading = { text: after.text, doc: current.doc, base: edited };
  }
  return after.text;
}

/**
 * yaml keeps the plain values an edit gives (`addIn(path, { id, label })`) as they are, where a
 * parse makes nodes; the next edit's `hasIn`/`setIn` inside such a value would not reach in. They
 * become nodes here, as a parse of the new text makes them (written the same way).
 */
function asParsed(doc: Document): void {
  const node = (value: unknown): unknown =>
    isNode(value) || isPair(value) || value === null || value === undefined ? value : doc.createNode(value);
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const at = stack.pop();
    if (isPair(at)) {
      at.key = node(at.key);
      at.value = node(at.value);
      stack.push(at.value);
    } else if (isMap(at)) {
      stack.push(...at.items);
    } else if (isSeq(at)) {
      at.items = at.items.map(node);
      stack.push(...at.items);
    }
  }
}

/**
 * A document of `text` to read only (never edit it: it is the cached one the next edit starts
 * from); a coded error as `readDocument` when the text does not parse as one mapping.
 */
export function viewDocument(text: string): Document {
  return readingOf(text).doc;
}

/** A plain-data view of the document, for the forms to read (never written back as a whole). */
export function plainOf(text: string): Record<string, unknown> | null {
  try {
    return viewDocument(text).toJS() as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Sets a value; `undefined` or '' removes an optional key instead. */
export function setValue(doc: Document, path: YamlPath, value: unknown, optional = false): void {
  if (optional && (value === undefined || value === '')) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  const current = doc.getIn(path, true);
  // A scalar keeps its node (its quoting and comments): only its value changes.
  if (current && typeof current === 'object' && 'value' in current && !isMap(current) && !isSeq(current)) {
    (current as { value: unknown }).value = value;
    return;
  }
  doc.setIn(path, value);
}

/**
 * Sets `key` of the mapping at `mapPath` — made, on one line, when missing — a new key at its
 * place in `order` (the schema's order, as the library writes it: `{ direction, warning, danger }`,
 * whatever the order the author fills the fields in); `undefined` removes the key, and the mapping
 * with it once empty.
 */
export function setKeyInOrder(
  doc: Document,
  mapPath: YamlPath,
  key: string,
  value: unknown,
  order: readonly string[],
): void {
  const path = [...mapPath, key];
  const map = doc.getIn(mapPath, true);
  if (value === undefined) {
    if (!doc.hasIn(path)) return;
    doc.deleteIn(path);
    if (isMap(map) && map.items.length === 0) doc.deleteIn(mapPath);
    return;
  }
  if (doc.hasIn(path)) {
    setValue(doc, path, value);
    return;
  }
  if (!isMap(map)) {
    doc.setIn(mapPath, doc.createNode({ [key]: value }, { flow: true }));
    return;
  }
  const rank = (name: unknown): number => {
    const at = order.indexOf(String(isScalar(name) ? name.value : name));
    return at < 0 ? order.length : at;
  };
  const place = map.items.findIndex((pair) => rank(pair.key) > rank(key));
  const pair = doc.createPair(key, value);
  if (place < 0) map.items.push(pair);
  else map.items.splice(place, 0, pair);
}

/**
 * Adds `id: value` at the end of the mapping at `path` (made if missing), in the style of its
 * siblings: a table written one entry a line gets a one-line entry.
 */
export function addEntry(doc: Document, path: YamlPath, id: string | number, value: unknown): void {
  const table = doc.getIn(path, true);
  const node = doc.createNode(value);
  if (isMap(table)) {
    const sibling = table.items.at(-1)?.value;
    if ((isMap(sibling) || isSeq(sibling)) && sibling.flow && (isMap(node) || isSeq(node))) node.flow = true;
    table.set(doc.createNode(id), node);
    return;
  }
  // The key as a node: a number stays one (`20000:`, not `"20000":`).
  const created = new YAMLMap();
  created.set(doc.createNode(id), node);
  doc.setIn(path, created);
}

/** Appends an item to the list at `path` (made if missing). */
export function addItem(doc: Document, path: YamlPath, value: unknown): void {
  if (isSeq(doc.getIn(path, true))) doc.addIn(path, value);
  else doc.setIn(path, doc.createNode([value]));
}

/**
 * Removes a key or an item; with `dropEmpty`, a list or table left empty is removed too, and so
 * on upwards (`substance: { reached: [x] }` goes whole).
 */
export function removeAt(doc: Document, path: YamlPath, dropEmpty = false): void {
  doc.deleteIn(path);
  let parent = path.slice(0, -1);
  while (dropEmpty && parent.length > 0) {
    const container = doc.getIn(parent, true);
    if (!(isMap(container) || isSeq(container)) || container.items.length > 0) return;
    doc.deleteIn(parent);
    parent = parent.slice(0, -1);
  }
}

/** An id for a new entry, made from its words: `Se présenter` → `se_presenter`, unique in `taken`. */
export function idFrom(words: string, taken: Iterable<string>, fallback = 'element'): string {
  const used = new Set(taken);
  const base =
    words
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .split('_')
      .slice(0, 4)
      .join('_')
      .slice(0, 40)
      .replace(/_+$/, '') || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The one change that turns `before` into `after` (common start and end left out): one undoable step. */
export function changeBetween(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore -= 1;
    endAfter -= 1;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}
