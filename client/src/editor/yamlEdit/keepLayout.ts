// The yaml package writes a whole document back in its own layout (a long plain scalar the
// author folded over two lines comes back on one). An edit must change only what it edits, so
// the new text is merged line by line: where the edit changed nothing, the author's own lines
// stay; where it changed something, its lines come in. A three-way merge on lines: the original
// text, the original as yaml writes it (the base), and the edited document as yaml writes it.
import { diffArrays } from 'diff';

interface Chunk {
  /** The changed lines of the base, [b0, b1). */
  b0: number;
  b1: number;
  /** What they became in the other text, [x0, x1). */
  x0: number;
  x1: number;
  side: 'original' | 'edited';
}

export function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function chunksOf(base: string[], other: string[], side: Chunk['side']): Chunk[] {
  const chunks: Chunk[] = [];
  let b = 0;
  let x = 0;
  let open: Chunk | null = null;
  for (const part of diffArrays(base, other)) {
    if (!part.added && !part.removed) {
      open = null;
      b += part.count ?? part.value.length;
      x += part.count ?? part.value.length;
      continue;
    }
    if (!open) {
      open = { b0: b, b1: b, x0: x, x1: x, side };
      chunks.push(open);
    }
    const count = part.count ?? part.value.length;
    if (part.removed) b += count;
    else x += count;
    open.b1 = b;
    open.x1 = x;
  }
  return chunks;
}

/**
 * `original` with the change from `base` to `edited`: the lines the edit left alone keep the
 * author's layout; a region both changed (an edit inside a scalar yaml reflows) takes the
 * edited lines.
 */
export function keepLayout(original: string, base: string, edited: string): string {
  return keepLayoutOf(original, base, edited).text;
}

/**
 * `keepLayout`, saying whether the result is certain to read as `edited` does: the edit spliced
 * into the author's text at its one place (or nothing to merge), not the full line merge.
 */
export function keepLayoutOf(
  original: string,
  base: string,
  edited: string,
): { text: string; spliced: boolean } {
  if (base === edited) return { text: original, spliced: true };
  if (original === base) return { text: edited, spliced: true };
  const b = linesOf(base);
  const e = linesOf(edited);
  const one = oneRegion(original, b, e);
  return one === null
    ? { text: merged(linesOf(original), b, e), spliced: false }
    : { text: one, spliced: true };
}

/**
 * The usual form edit changes one region: found in the original with a line of context on each
 * side, once and only once, it is replaced there without diffing the whole text (a library call
 * is thousands of lines). Anything less certain goes to the full merge.
 */
function oneRegion(original: string, b: string[], e: string[]): string | null {
  let start = 0;
  while (start < b.length && start < e.length && b[start] === e[start]) start += 1;
  let endB = b.length;
  let endE = e.length;
  while (endB > start && endE > start && b[endB - 1] === e[endE - 1]) {
    endB -= 1;
    endE -= 1;
  }
  const from = Math.max(0, start - 1);
  const to = Math.min(b.length, endB + 1);
  if (to - from < 2) return null;
  const block = b.slice(from, to).join('');
  const at = original.indexOf(block);
  if (at < 0 || original.indexOf(block, at + 1) >= 0) return null;
  if (at > 0 && original[at - 1] !== '\n') return null;
  // The context must sit at the same ends: the start of the text for the first line, its end for the last.
  if (from === 0 && at !== 0) return null;
  if (to === b.length && at + block.length !== original.length) return null;
  const replacement = [...b.slice(from, start), ...e.slice(start, endE), ...b.slice(endB, to)].join('');
  return original.slice(0, at) + replacement + original.slice(at + block.length);
}

/** The full three-way merge, line by line (exported for its test against `oneRegion`). */
export function merged(o: string[], b: string[], e: string[]): string {
  const all = [...chunksOf(b, o, 'original'), ...chunksOf(b, e, 'edited')].sort(
    (p, q) => p.b0 - q.b0 || p.b1 - q.b1,
  );
  const clusters: Chunk[][] = [];
  let end = -1;
  for (const chunk of all) {
    const last = clusters.at(-1);
    if (last && chunk.b0 <= end) {
      last.push(chunk);
      end = Math.max(end, chunk.b1);
    } else {
      clusters.push([chunk]);
      end = chunk.b1;
    }
  }
  const out: string[] = [];
  let at = 0;
  // How far each side has drifted from the base before the current cluster.
  let drift = { original: 0, edited: 0 };
  for (const cluster of clusters) {
    const start = Math.min(...cluster.map((c) => c.b0));
    const stop = Math.max(...cluster.map((c) => c.b1));
    out.push(...b.slice(at, start));
    const side = cluster.some((c) => c.side === 'edited') ? 'edited' : 'original';
    const lines = side === 'edited' ? e : o;
    const grow = cluster
      .filter((c) => c.side === side)
      .reduce((n, c) => n + (c.x1 - c.x0) - (c.b1 - c.b0), 0);
    const from = start + drift[side];
    out.push(...lines.slice(from, from + (stop - start) + grow));
    for (const c of cluster) drift[c.side] += c.x1 - c.x0 - (c.b1 - c.b0);
    drift = { ...drift };
    at = stop;
  }
  out.push(...b.slice(at));
  return out.join('');
}
