// Where an issue of the lint is mended without the YAML: the state it sits in (« Modifier un
// état »), or the forms' tab and entry (a line, a move, an ending…). Read from the place the
// issue points at in the text: the keys that lead there in the document.
import { isMap, isSeq, parseDocument, type Node } from 'yaml';

/** The forms' tabs (`FormsPanel`), by their ids. */
export type FormTab = 'persona' | 'variables' | 'lines' | 'moves' | 'injects' | 'endings' | 'rubric';

export type IssuePlace =
  { kind: 'state'; state: string } | { kind: 'form'; tab: FormTab; table?: string; entry?: string };

const TABLES: Record<string, FormTab> = {
  variables: 'variables',
  lines: 'lines',
  moves: 'moves',
  injects: 'injects',
  endings: 'endings',
};
const PERSONA_KEYS = new Set(['persona', 'title', 'summary', 'difficulty', 'durationMinutes']);

/** The keys (and list indexes) from the document's top to the deepest node holding `offset`. */
export function keysAt(text: string, offset: number): (string | number)[] {
  const doc = parseDocument(text);
  const keys: (string | number)[] = [];
  let node: unknown = doc.contents;
  const holds = (n: unknown): boolean => {
    const range = (n as Node | null)?.range;
    return !!range && offset >= range[0] && offset < range[2];
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => holds(p.key) || holds(p.value));
      if (!pair) break;
      const key = (pair.key as { value?: unknown } | null)?.value ?? pair.key;
      keys.push(String(key));
      if (holds(pair.key) && !holds(pair.value)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(holds);
      if (index < 0) break;
      keys.push(index);
      node = node.items[index];
    } else break;
  }
  return keys;
}

/** Where the forms mend what sits at `offset` in `text`; null for what only the YAML says. */
export function issuePlace(text: string, offset: number): IssuePlace | null {
  let keys: (string | number)[];
  try {
    keys = keysAt(text, offset);
  } catch {
    return null;
  }
  const [top, entry] = keys;
  if (top === 'machine') {
    const parts: string[] = [];
    for (let i = 1; keys[i] === 'states' && keys[i + 1] !== undefined; i += 2)
      parts.push(String(keys[i + 1]));
    return parts.length > 0 ? { kind: 'state', state: parts.join('.') } : null;
  }
  if (typeof top !== 'string') return null;
  const tab = TABLES[top];
  if (tab)
    return entry === undefined
      ? { kind: 'form', tab }
      : { kind: 'form', tab, table: top, entry: String(entry) };
  if (top === 'hangupEnding') return { kind: 'form', tab: 'endings' };
  if (top === 'rubric') return { kind: 'form', tab: 'rubric' };
  if (PERSONA_KEYS.has(top)) return { kind: 'form', tab: 'persona' };
  return null;
}
