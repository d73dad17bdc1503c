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
  if (base === edited) return original;
  if (original === base) return edited;
  const o = linesOf(original);
  const b = linesOf(base);
  const e = linesOf(edited);
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
