// YAML text → a checked Scenario, or coded issues located in the text. Scenario text comes from
// authors through the editor and the API, so it is treated as hostile: size, alias expansion and
// nesting are capped before anything else looks at it, and nothing here throws.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkReferences } from './references.js';
import { formatPath, ScenarioErrorCode, type IssuePath, type ScenarioIssue } from './issues.js';
import { yamlErrorWording } from './yaml-errors.js';
import {
  ENGINE_MESSAGE_CODES,
  ENGINE_MESSAGES,
  frenchText,
  msg,
  type EngineMessage,
  type EngineMessageCode,
  type LibraryWords,
} from '../messages.js';

export const SCENARIO_LIMITS = {
  /** Largest scenario text, in UTF-8 bytes. */
  maxBytes: 1_000_000,
  /** Most alias expansions yaml may perform (stops "billion laughs"). */
  maxAliasCount: 100,
  /** Deepest nesting of maps and lists. */
  maxDepth: 64,
  /** Most issues reported at once. */
  maxIssues: 50,
} as const;

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioIssue[] };

const zodFrench = z.locales.fr().localeError;
const zodEnglish = z.locales.en().localeError;
/** French quotation marks, with narrow no-break spaces: « machine_inconnue ». */
const guillemets = (text: string): string => `«\u202f${text}\u202f»`;
/**
 * zod's French messages, whose values come in straight quotes ("machine_inconnue"), in guillemets;
 * its ordinary spaces before « : ; ? ! » made non-breaking, as in the engine's own messages; its
 * « chaîne de caractères reçu » agreed (« reçue », « attendue »).
 */
const frenchErrors: z.core.$ZodErrorMap = (issue) => {
  const said = zodFrench(issue);
  const message = typeof said === 'string' ? said : said?.message;
  // The English beside it, for the studio's English pages (zod's own English words): carried in
  // the message after a NUL, split off by `bilingual`.
  const english = zodEnglish(issue);
  const inEnglish = typeof english === 'string' ? english : english?.message;
  return message
    ?.replace(/"([^"]*)"/g, (_all, inner: string) => guillemets(inner))
    .replace(/(chaîne de caractères) (attendu|reçu)\b/g, '$1 $2e')
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;?!])/g, '\u202f$1')
    .concat(inEnglish ? `\u0000${inEnglish}` : '');
};

/** A message of `frenchErrors`: its French, and zod's English when it has one. */
function bilingual(message: string): { detail: LibraryWords } {
  const [fr = '', en] = message.split('\u0000');
  return { detail: { fr, en: en ?? fr } };
}

export function parseScenario(text: string, source?: string): ParseScenarioResult {
  const result = parseScenarioWithSource(text, source);
  return result.ok ? { ok: true, scenario: result.scenario } : result;
}

/** `parseScenario`, also returning the YAML document (to locate more issues in the text). */
export function parseScenarioWithSource(
  text: string,
  source?: string,
  load: YamlLoader = loadYaml,
): { ok: true; scenario: Scenario; loaded: LoadedYaml } | { ok: false; errors: ScenarioIssue[] } {
  try {
    const result = parseUnchecked(text, load);
    if (!result.ok && source !== undefined) {
      for (const issue of result.errors) {
        issue.message = frenchText(msg('parse.in_file', { file: source, message: issue.message }));
        if (issue.text) issue.text = msg('parse.in_file', { file: source, message: issue.text });
      }
    }
    return result;
  } catch (err) {
    // Last resort: the checks above should have refused anything that makes a library throw.
    const deep = err instanceof RangeError;
    const said = deep ? msg('parse.too_deep.unknown') : msg('parse.unreadable', { error: String(err) });
    const text = source ? msg('parse.in_file', { file: source, message: said }) : said;
    return fail(coded(deep ? ScenarioErrorCode.TooDeep : ScenarioErrorCode.Yaml, text));
  }
}

/** An issue of `code` whose message is `text` (its French in `message`). */
function coded(code: ScenarioErrorCode, text: EngineMessage): ScenarioIssue {
  return { code, message: frenchText(text), text };
}

function fail(...errors: ScenarioIssue[]): { ok: false; errors: ScenarioIssue[] } {
  return { ok: false, errors: errors.slice(0, SCENARIO_LIMITS.maxIssues) };
}

function parseUnchecked(text: string, load: YamlLoader) {
  const result = parseYamlWith(text, scenarioSchema, checkReferences, load);
  return result.ok ? { ok: true as const, scenario: result.value, loaded: result.loaded } : result;
}

/** A YAML document read within the limits, with what is needed to locate a path in its text. */
export interface LoadedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export type LoadYamlResult = { ok: true; loaded: LoadedYaml } | { ok: false; errors: ScenarioIssue[] };
/** Reads YAML text: `loadYaml`, or a loader that reuses earlier work (`IncrementalYaml`). */
export type YamlLoader = (text: string) => LoadYamlResult;

/** The limits checked on the text itself (size, flow and block nesting), before any parse. */
export function textBeyondLimits(text: string): { ok: false; errors: ScenarioIssue[] } | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: a text that short needs no count (the studio
  // checks its text at each keystroke).
  if (
    text.length > SCENARIO_LIMITS.maxBytes ||
    (text.length * 3 > SCENARIO_LIMITS.maxBytes && utf8Length(text) > SCENARIO_LIMITS.maxBytes)
  ) {
    return fail(coded(ScenarioErrorCode.TooLarge, msg('parse.too_large', { max: SCENARIO_LIMITS.maxBytes })));
  }
  const flowDepth = maxFlowDepth(text);
  if (flowDepth > SCENARIO_LIMITS.maxDepth) return tooDeep();
  // Block nesting too, before yaml's recursive parser: how deep it overflows its stack depends on
  // the node version and on the caller's stack (Node 24 under Jest gave dozens of syntax errors).
  if (maxBlockDepth(text) > SCENARIO_LIMITS.maxDepth * 2) return tooDeep();
  return undefined;
}

/**
 * Reads YAML text within `SCENARIO_LIMITS` (size, flow nesting, node nesting, alias expansions),
 * without schema. Never throws on text the limits admit… but callers wrap it anyway.
 */
export function loadYaml(text: string): LoadYamlResult {
  const refused = textBeyondLimits(text);
  if (refused) return refused;

  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares each key with every earlier one (quadratic: 10,000
  // sibling states took seconds); `inspectNodes` below does it with one set per map.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false, version: '1.2' });
  // yaml turns its own stack overflow on deep block nesting into a document error.
  if (doc.errors.some((e) => /call stack/i.test(e.message))) return tooDeep();
  if (doc.errors.length > 0) {
    return fail(
      ...doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        // yaml's first line ends with « at line 3, column 1: »: the issue carries them itself.
        const said = (e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, '');
        return {
          ...coded(
            ScenarioErrorCode.Yaml,
            msg('parse.yaml', { detail: { fr: yamlErrorWording(e.code, said), en: said } }),
          ),
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        };
      }),
    );
  }
  const { depth, duplicates, aliases } = inspectNodes(doc.contents);
  if (depth > SCENARIO_LIMITS.maxDepth) return tooDeep();
  if (duplicates.length > 0) {
    return fail(
      ...duplicates.map(({ key, offset }) => {
        const pos = lineCounter.linePos(offset);
        return {
          ...coded(ScenarioErrorCode.Yaml, msg('parse.duplicate_key', { key })),
          line: pos.line,
          column: pos.col,
        };
      }),
    );
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: SCENARIO_LIMITS.maxAliasCount });
  } catch (err) {
    if (err instanceof ReferenceError) {
      return fail(
        coded(ScenarioErrorCode.Aliases, msg('parse.aliases', { max: SCENARIO_LIMITS.maxAliasCount })),
      );
    }
    throw err;
  }
  // Without an alias the value is the node tree made plain: its depth is the one checked above.
  if (aliases && valueDepth(value) > SCENARIO_LIMITS.maxDepth) return tooDeep();
  return { ok: true, loaded: { doc, lineCounter, value } };
}

/** YAML text → a value checked by `schema` and then by `check`, or coded issues located in the text. */
export function parseYamlWith<T>(
  text: string,
  schema: z.ZodType<T>,
  check?: (value: T) => {
    code: ScenarioIssue['code'];
    message: string;
    text?: EngineMessage;
    path: IssuePath;
  }[],
  load: YamlLoader = loadYaml,
): { ok: true; value: T; loaded: LoadedYaml } | { ok: false; errors: ScenarioIssue[] } {
  const read = load(text);
  if (!read.ok) return read;
  const { doc, lineCounter, value } = read.loaded;
  const parsed = schema.safeParse(value, { error: frenchErrors });
  if (!parsed.success) {
    return fail(
      ...parsed.error.issues
        .flatMap((issue) => flattenIssue(issue, []))
        .map(({ issue, path }) => {
          const text = describeSchemaIssue(issue, value, path);
          // A bad record key is shown at the key itself, like an unknown key.
          const badKey = issue.code === 'invalid_key' ? path.at(-1) : undefined;
          const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : badKey?.toString();
          const at = badKey === undefined ? path : path.slice(0, -1);
          return located(
            doc,
            lineCounter,
            { code: ScenarioErrorCode.Schema, message: frenchText(text), text, path: at },
            key,
          );
        }),
    );
  }
  const issues = check ? check(parsed.data) : [];
  if (issues.length > 0) return fail(...issues.map((issue) => located(doc, lineCounter, issue)));
  return { ok: true, value: parsed.data, loaded: read.loaded };
}

/** Line and column (1-based) of the deepest node of `path` that exists in the document. */
export function locatePath(
  loaded: Pick<LoadedYaml, 'doc' | 'lineCounter'>,
  path: IssuePath,
): { line: number; column: number } | undefined {
  // A map entry is best shown at its key (`perdue:`), not at its value's first line.
  const last = path.at(-1);
  if (typeof last === 'string') {
    const parent: unknown = loaded.doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (offset !== undefined) {
        const pos = loaded.lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  const issue = located(loaded.doc, loaded.lineCounter, {
    code: ScenarioErrorCode.Reference,
    message: '',
    path,
  });
  return issue.line !== undefined && issue.column !== undefined
    ? { line: issue.line, column: issue.column }
    : undefined;
}

function tooDeep(): { ok: false; errors: ScenarioIssue[] } {
  return fail(coded(ScenarioErrorCode.TooDeep, msg('parse.too_deep', { max: SCENARIO_LIMITS.maxDepth })));
}

/**
 * A union's issue says only "invalid input"; the branch that got furthest into the value says
 * what is actually wrong (an unknown action name inside a list of actions, say). Report that.
 */
function flattenIssue(
  issue: z.core.$ZodIssue,
  prefix: IssuePath,
): { issue: z.core.$ZodIssue; path: IssuePath }[] {
  const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: z.core.$ZodIssue[] | undefined;
    let bestDepth = 0;
    for (const branch of issue.errors) {
      const depth = Math.max(0, ...branch.map((i) => i.path.length + (i.code === 'invalid_union' ? 1 : 0)));
      if (depth > bestDepth) {
        best = branch;
        bestDepth = depth;
      }
    }
    if (best) return best.flatMap((i) => flattenIssue(i, path));
  }
  return [{ issue, path }];
}

/** A clearer message than zod's for the mistake authors make most: an unknown action or guard name. */
function describeSchemaIssue(issue: z.core.$ZodIssue, value: unknown, path: IssuePath): EngineMessage {
  if (issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator') {
    const options = (issue as { options?: unknown[] }).options ?? [];
    const guard = options.includes('compare');
    const written = getAt(value, path);
    return msg(guard ? 'parse.unknown_guard' : 'parse.unknown_action', {
      written: typeof written === 'string' ? written : (JSON.stringify(written) ?? '(absente)'),
      options: options.join(', '),
    });
  }
  if (issue.code === 'invalid_key') {
    // zod says only « Clé invalide dans record »: name the key and the rule it breaks.
    const key = String(path.at(-1));
    const rule = schemaRule(issue.issues[0]?.message ?? issue.message);
    return path.length > 1
      ? msg('parse.invalid_key', { key, where: formatPath(path.slice(0, -1)), rule })
      : msg('parse.invalid_key.root', { key, rule });
  }
  return schemaRule(issue.message);
}

/** The schema's own rules (`schema.*`), by the French zod was given for them. */
const SCHEMA_RULES = new Map<string, EngineMessageCode>(
  ENGINE_MESSAGE_CODES.filter((code) => code.startsWith('schema.')).map((code) => [
    ENGINE_MESSAGES[code],
    code,
  ]),
);

/**
 * A message of zod's as an engine message: one of the schema's own rules as its code (written in
 * French only, zod hands it back as written), else zod's words in both languages.
 */
export function schemaRule(message: string): EngineMessage {
  const code = SCHEMA_RULES.get(message);
  return code ? msg(code) : msg('parse.schema', bilingual(message));
}

function getAt(value: unknown, path: IssuePath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Adds the formatted path and, when the YAML node can be found, its line and column. */
function located(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  issue: { code: ScenarioIssue['code']; message: string; text?: EngineMessage; path: IssuePath },
  key?: string,
): ScenarioIssue {
  const out: ScenarioIssue = {
    code: issue.code,
    message: issue.message,
    ...(issue.text ? { text: issue.text } : {}),
    path: formatPath(key ? [...issue.path, key] : issue.path),
  };
  // The deepest existing node on the path: a missing field is reported at its parent.
  for (let n = issue.path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(issue.path.slice(0, n), true);
    if (!isNode(node)) continue;
    let offset = node.range?.[0];
    if (key !== undefined && n === issue.path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
    }
    if (offset === undefined) continue;
    const pos = lineCounter.linePos(offset);
    out.line = pos.line;
    out.column = pos.col;
    break;
  }
  return out;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * An upper bound of flow-collection nesting (`[[[…` / `{{{…`), computed before yaml's recursive
 * composer sees the text. Brackets inside quotes or comments may over-count; the bound only
 * refuses documents already far beyond any real scenario.
 */
function maxFlowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  // Unbalanced brackets in prose (quotes, comments) are fine: only sustained nesting counts.
  return max > SCENARIO_LIMITS.maxDepth * 4 ? max : 0;
}

/**
 * An estimate of block nesting: per line, the open indentation levels plus the compact sequence
 * markers (`- - - x`) that start it. Each block collection needs one or the other, so the estimate
 * follows the real depth; the caller refuses only far beyond any real scenario (twice the limit).
 */
function maxBlockDepth(text: string): number {
  const indents: number[] = [];
  let max = 0;
  let i = 0;
  while (i < text.length) {
    let indent = 0;
    while (text.charCodeAt(i + indent) === 0x20) indent++;
    let j = i + indent;
    let markers = 0;
    while ((text.charCodeAt(j) === 0x2d || text.charCodeAt(j) === 0x3f) && text.charCodeAt(j + 1) === 0x20) {
      markers++;
      j += 2;
      while (text.charCodeAt(j) === 0x20) j++;
    }
    const end = text.indexOf('\n', i);
    const c = text.charCodeAt(j);
    const blank = j >= text.length || c === 0x0a || c === 0x0d || c === 0x23;
    if (!blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + markers > max) max = indents.length + markers;
    }
    if (end === -1) break;
    i = end + 1;
  }
  return max;
}

/**
 * One walk of the node tree, iteratively (no recursion on hostile input): its depth (the walk
 * stops once beyond the limit), the scalar keys written twice in one map (one set per map: yaml's
 * own check compared each key with every earlier one), and whether it holds an alias.
 */
function inspectNodes(root: unknown): {
  depth: number;
  duplicates: { key: string; offset: number }[];
  aliases: boolean;
} {
  const duplicates: { key: string; offset: number }[] = [];
  let aliases = false;
  let depth = 0;
  // Two parallel stacks rather than one of pairs: a wide call has hundreds of thousands of nodes.
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const d = depths.pop()!;
    if (d > depth) {
      depth = d;
      if (depth > SCENARIO_LIMITS.maxDepth) break;
    }
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const value: unknown = pair.key.value;
          if (seen.has(value) && duplicates.length < SCENARIO_LIMITS.maxIssues)
            duplicates.push({ key: String(value), offset: pair.key.range?.[0] ?? 0 });
          seen.add(value);
        } else if (isAlias(pair.key)) aliases = true;
        if (isAlias(pair.value)) aliases = true;
        nodes.push(pair.value);
        depths.push(d + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isAlias(item)) aliases = true;
        nodes.push(item);
        depths.push(d + 1);
      }
    }
  }
  return { depth, duplicates: duplicates.sort((a, b) => a.offset - b.offset), aliases };
}

/** Nesting depth of the YAML node tree, iteratively (no recursion on hostile input). */
export function nodeDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > SCENARIO_LIMITS.maxDepth) return max;
    if (isMap(node)) {
      for (const pair of node.items) stack.push([pair.value, depth + 1]);
    } else if (
      node &&
      typeof node === 'object' &&
      'items' in node &&
      Array.isArray((node as { items: unknown }).items)
    ) {
      for (const item of (node as { items: unknown[] }).items) stack.push([item, depth + 1]);
    }
  }
  return max;
}

/** Nesting depth of the JS value, iteratively; aliases are already expanded (and capped). */
function valueDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  let visited = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++visited > 1_000_000) return Infinity;
    if (depth > max) max = depth;
    if (max > SCENARIO_LIMITS.maxDepth) return max;
    if (value && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return max;
}
