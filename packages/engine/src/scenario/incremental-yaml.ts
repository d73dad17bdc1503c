// The studio lints the whole scenario at each keystroke; yaml's parse of a library-size call
// (150 kB) was most of that time. A keystroke changes one small part of the text: `IncrementalYaml`
// cuts the text into chunks along its block maps (the top-level keys; inside a large block
// written `key:` alone on its line, that block's own keys, and so on down), reads each chunk on
// its own with `loadYaml` (indentation kept, so every limit still holds per chunk), keeps the
// chunks whose text did not change, and joins them into one document whose nodes carry their
// offsets in the whole text: what `locatePath`, the lint and the state ranges read, unchanged.
// Where cutting could change the meaning (a directive or document marker, a line at column 0 that
// is not a plain key, an alias or anchor, a key written twice, a chunk that does not read) it
// reads the whole text with `loadYaml`, which says what is wrong.
import {
  Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isSeq,
  LineCounter,
  Pair,
  Scalar,
  YAMLMap,
  type Node,
} from 'yaml';
import {
  loadYaml,
  nodeDepth,
  SCENARIO_LIMITS,
  textBeyondLimits,
  type LoadedYaml,
  type LoadYamlResult,
} from './parse.js';

/** Blocks smaller than this are read whole: cutting them would cost more than it saves. */
const CUT_ABOVE = 4096;
const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]*(?:#.*)?)?\r?$/;
const KEY_START = /^( *)[A-Za-z_][A-Za-z0-9_-]*:(?:\s|$)/;

interface Chunk {
  map: YAMLMap | null;
  value: Record<string, unknown>;
  /** Nesting depth of the chunk's own nodes. */
  depth: number;
  /** The offset the chunk's node ranges currently count from. */
  at: number;
}

class Refused extends Error {}

export class IncrementalYaml {
  private chunks = new Map<string, Chunk[]>();
  private last: { text: string; result: LoadYamlResult } | undefined;

  /** Reads `text` like `loadYaml`, reusing the chunks unchanged since the previous call. */
  load = (text: string): LoadYamlResult => {
    if (this.last?.text === text) return this.last.result;
    const result = this.read(text);
    this.last = { text, result };
    return result;
  };

  private read(text: string): LoadYamlResult {
    const refused = textBeyondLimits(text);
    if (refused) return refused;
    const used = new Map<string, Chunk[]>();
    let joined: { items: Pair[]; value: Record<string, unknown> } | undefined;
    try {
      joined = this.join(text, 0, text.length, 0, 1, used);
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
    }
    if (!joined) {
      this.chunks.clear();
      return loadYaml(text);
    }
    this.chunks = used;
    const map = new YAMLMap();
    map.items = joined.items;
    map.range = [0, text.length, text.length];
    const doc = new Document() as unknown as LoadedYaml['doc'];
    doc.contents = map as LoadedYaml['doc']['contents'];
    const lineCounter = new LineCounter();
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { ok: true, loaded: { doc, lineCounter, value: joined.value } };
  }

  /**
   * The block map between `from` and `to` whose keys sit at `indent` spaces, as pairs and a value;
   * undefined when that stretch is not such a map (then its parent reads it whole). `level` is the
   * nesting depth of that map in the document.
   */
  private join(
    text: string,
    from: number,
    to: number,
    indent: number,
    level: number,
    used: Map<string, Chunk[]>,
  ): { items: Pair[]; value: Record<string, unknown> } | undefined {
    const starts = keyStarts(text, from, to, indent);
    if (!starts) return undefined;
    const items: Pair[] = [];
    const value: Record<string, unknown> = {};
    const add = (key: string, v: unknown): void => {
      // A key written twice: loadYaml reports it where it is.
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(value, key)) throw new Refused();
      value[key] = v;
    };
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? to;
      const inner = end - start > CUT_ABOVE ? this.cut(text, start, end, indent, level, used) : undefined;
      if (inner) {
        items.push(inner.pair);
        add(inner.key, inner.value);
        continue;
      }
      const chunk = this.chunk(text.slice(start, end), start, used);
      if (chunk.depth + level - 1 > SCENARIO_LIMITS.maxDepth) throw new Refused();
      if (!chunk.map) continue;
      for (const pair of chunk.map.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value);
        items.push(pair);
        add(key, chunk.value[key]);
      }
    }
    return { items, value };
  }

  /** A large block written `key:` alone on its line over a block map: its keys joined one by one. */
  private cut(
    text: string,
    start: number,
    end: number,
    indent: number,
    level: number,
    used: Map<string, Chunk[]>,
  ): { key: string; pair: Pair; value: Record<string, unknown> } | undefined {
    // Skip the comments and blank lines before the key line.
    let at = start;
    for (;;) {
      const lineEnd = text.indexOf('\n', at);
      const line = text.slice(at, lineEnd === -1 ? end : lineEnd);
      if (line.trim() === '' || line.trimStart().startsWith('#')) {
        if (lineEnd === -1 || lineEnd + 1 >= end) return undefined;
        at = lineEnd + 1;
        continue;
      }
      const match = KEY_LINE.exec(line);
      if (!match || match[1]!.length !== indent || lineEnd === -1) return undefined;
      const key = match[2]!;
      const body = lineEnd + 1;
      const childIndent = firstContentIndent(text, body, end);
      if (childIndent === undefined || childIndent <= indent) return undefined;
      const inner = this.join(text, body, end, childIndent, level + 1, used);
      if (!inner) return undefined;
      const keyNode = new Scalar(key);
      keyNode.range = [at + indent, at + indent + key.length, at + indent + key.length];
      const map = new YAMLMap();
      map.items = inner.items;
      map.range = [body, end, end];
      const pair = new Pair(keyNode, map);
      return { key, pair, value: inner.value };
    }
  }

  /** One chunk read on its own (or the same text's earlier reading, moved to `at`). */
  private chunk(source: string, at: number, used: Map<string, Chunk[]>): Chunk {
    let chunk = this.chunks.get(source)?.pop();
    if (!chunk) {
      const read = loadYaml(source);
      if (!read.ok) throw new Refused();
      const { doc, value } = read.loaded;
      if (doc.contents === null) chunk = { map: null, value: {}, depth: 0, at: 0 };
      else {
        if (!isMap(doc.contents) || !value || typeof value !== 'object') throw new Refused();
        if (hasAnchorOrAlias(doc.contents)) throw new Refused();
        chunk = {
          map: doc.contents,
          value: value as Record<string, unknown>,
          depth: nodeDepth(doc.contents),
          at: 0,
        };
      }
    }
    if (chunk.at !== at) {
      if (chunk.map) shift(chunk.map, at - chunk.at);
      chunk.at = at;
    }
    const list = used.get(source);
    if (list) list.push(chunk);
    else used.set(source, [chunk]);
    return chunk;
  }
}

/**
 * Where each key of a block map at `indent` starts between `from` and `to` (the comments and blank
 * lines just before a key belong to it). Undefined when a line there sits left of `indent`, or at
 * `indent` without being a plain key (a sequence, a flow or quoted key, a directive…).
 */
function keyStarts(text: string, from: number, to: number, indent: number): number[] | undefined {
  const starts: number[] = [];
  let pending = -1;
  for (let i = from; i < to;) {
    const end = text.indexOf('\n', i);
    const next = end === -1 || end >= to ? to : end + 1;
    let spaces = 0;
    while (text.charCodeAt(i + spaces) === 0x20) spaces++;
    const c = text.charCodeAt(i + spaces);
    if (i + spaces >= next || c === 0x23 /* # */ || c === 0x0a || c === 0x0d) {
      if (pending === -1) pending = i;
    } else if (spaces > indent) {
      if (starts.length === 0) return undefined;
      pending = -1;
    } else {
      if (spaces < indent) return undefined;
      if (!KEY_START.test(text.slice(i, Math.min(next, i + 200)))) return undefined;
      starts.push(starts.length === 0 ? from : pending === -1 ? i : pending);
      pending = -1;
    }
    i = next;
  }
  return starts.length > 0 ? starts : undefined;
}

function firstContentIndent(text: string, from: number, to: number): number | undefined {
  for (let i = from; i < to;) {
    const end = text.indexOf('\n', i);
    const next = end === -1 || end >= to ? to : end + 1;
    let spaces = 0;
    while (text.charCodeAt(i + spaces) === 0x20) spaces++;
    const c = text.charCodeAt(i + spaces);
    if (!(i + spaces >= next || c === 0x23 || c === 0x0a || c === 0x0d)) return spaces;
    i = next;
  }
  return undefined;
}

function hasAnchorOrAlias(root: Node): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return true;
    if (isNode(node) && node.anchor) return true;
    if (isPair(node)) stack.push(node.key, node.value);
    else if (isMap(node) || isSeq(node)) stack.push(...node.items);
  }
  return false;
}

/** Moves every node range of a chunk by `delta` (the chunk moved in the text). */
function shift(root: Node, delta: number): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!isNode(node)) continue;
    // In place: typing at the top of a call moves every chunk after it, at each keystroke (a new
    // array per node was the garbage of a whole document per keystroke).
    const range = node.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isMap(node) || isSeq(node)) stack.push(...node.items);
  }
}
