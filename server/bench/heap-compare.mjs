#!/usr/bin/env node
// Compares heap snapshots by constructor: count, self size and retained size, per session.
// `node server/bench/heap-compare.mjs --n=500 product-base product-end relay-base relay-end`
// (files written by `npm run bench` with ECOUTE_BENCH_HEAPSNAPSHOT=1, see test/bench/processes.ts).
// Retained sizes come from the snapshot's dominator tree (Cooper–Harvey–Kennedy), weak edges
// ignored; a class's retained size counts each object once (not again under one of its class).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 1);
// `--retained`: also the dominator tree (slow: minutes for a 150 MB snapshot on a busy core).
const withRetained = args.includes('--retained');
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 40);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 4) {
  console.error('usage: heap-compare.mjs --n=N productBase productEnd relayBase relayEnd');
  process.exit(2);
}

function analyse(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const meta = snap.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [nTypes] = meta.node_types;
  const [eTypes] = meta.edge_types;
  const typeOff = meta.node_fields.indexOf('type');
  const nameOff = meta.node_fields.indexOf('name');
  const sizeOff = meta.node_fields.indexOf('self_size');
  const countOff = meta.node_fields.indexOf('edge_count');
  const eTypeOff = meta.edge_fields.indexOf('type');
  const toOff = meta.edge_fields.indexOf('to_node');
  const { nodes, edges, strings } = snap;
  const count = nodes.length / nf;
  const weak = eTypes.indexOf('weak');
  const shortcut = eTypes.indexOf('shortcut');
  // Edges as a CSR graph of node ordinals.
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + countOff] * ef;
  }
  firstEdge[count] = edges.length;
  const classOf = new Array(count);
  for (let i = 0; i < count; i++) {
    const type = nTypes[nodes[i * nf + typeOff]];
    const name = strings[nodes[i * nf + nameOff]];
    classOf[i] =
      type === 'object' || type === 'native'
        ? name
        : type === 'closure'
          ? '(closure)'
          : type.includes('string')
            ? '(string)'
            : `(${type})`;
  }
  if (!withRetained) {
    const byClass = new Map();
    for (let i = 0; i < count; i++) {
      let row = byClass.get(classOf[i]);
      if (!row) byClass.set(classOf[i], (row = { count: 0, self: 0, retained: 0 }));
      row.count++;
      row.self += nodes[i * nf + sizeOff];
    }
    return { byClass, total: snap.snapshot.meta ? [...byClass.values()].reduce((s, r) => s + r.self, 0) : 0 };
  }
  const followed = (e) => {
    const t = edges[e + eTypeOff];
    return t !== weak && t !== shortcut;
  };
  // Post-order from the root (node 0), iterative.
  const order = new Int32Array(count).fill(-1);
  const post = new Uint32Array(count);
  let postCount = 0;
  const stack = new Uint32Array(count);
  const cursor = new Uint32Array(count);
  const seen = new Uint8Array(count);
  let sp = 0;
  stack[sp++] = 0;
  seen[0] = 1;
  cursor[0] = firstEdge[0];
  while (sp > 0) {
    const v = stack[sp - 1];
    let pushed = false;
    while (cursor[v] < firstEdge[v + 1]) {
      const e = cursor[v];
      cursor[v] += ef;
      if (!followed(e)) continue;
      const w = edges[e + toOff] / nf;
      if (!seen[w]) {
        seen[w] = 1;
        cursor[w] = firstEdge[w];
        stack[sp++] = w;
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      sp--;
      order[v] = postCount;
      post[postCount++] = v;
    }
  }
  // Predecessors (reachable only).
  const predCount = new Uint32Array(count + 1);
  for (let v = 0; v < count; v++) {
    if (!seen[v]) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += ef) {
      if (followed(e)) predCount[edges[e + toOff] / nf + 1]++;
    }
  }
  for (let i = 0; i < count; i++) predCount[i + 1] += predCount[i];
  const preds = new Uint32Array(predCount[count]);
  const fill = predCount.slice();
  for (let v = 0; v < count; v++) {
    if (!seen[v]) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += ef) {
      if (followed(e)) preds[fill[edges[e + toOff] / nf]++] = v;
    }
  }
  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = postCount - 2; i >= 0; i--) {
      const v = post[i];
      let d = -1;
      for (let p = predCount[v]; p < predCount[v + 1]; p++) {
        const u = preds[p];
        if (idom[u] === -1) continue;
        d = d === -1 ? u : intersect(u, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(count);
  for (let i = 0; i < postCount; i++) retained[post[i]] += nodes[post[i] * nf + sizeOff];
  for (let i = 0; i < postCount; i++) {
    const v = post[i];
    if (v !== 0) retained[idom[v]] += retained[v];
  }
  // Per class: count, self, and retained of the objects with no object of their class above them
  // in the dominator tree.
  const children = new Map();
  for (let i = 0; i < postCount; i++) {
    const v = post[i];
    if (v === 0) continue;
    const d = idom[v];
    let list = children.get(d);
    if (!list) children.set(d, (list = []));
    list.push(v);
  }
  const byClass = new Map();
  const active = new Map();
  const walk = [[0, false]];
  while (walk.length) {
    const [v, exiting] = walk.pop();
    const c = classOf[v];
    if (exiting) {
      active.set(c, active.get(c) - 1);
      continue;
    }
    let row = byClass.get(c);
    if (!row) byClass.set(c, (row = { count: 0, self: 0, retained: 0 }));
    row.count++;
    row.self += nodes[v * nf + sizeOff];
    if (!active.get(c)) row.retained += retained[v];
    active.set(c, (active.get(c) ?? 0) + 1);
    walk.push([v, true]);
    for (const w of children.get(v) ?? []) walk.push([w, false]);
  }
  return { byClass, total: retained[0] };
}

const [pb, pe, rb, re] = files.map((f) => {
  const started = performance.now();
  const result = analyse(f);
  console.error(
    `${f}: ${(result.total / 1e6).toFixed(1)} MB (reachable with --retained, else every node) (${Math.round(performance.now() - started)} ms)`,
  );
  return result;
});
const delta = (end, base) => {
  const out = new Map();
  for (const [c, row] of end.byClass) {
    const b = base.byClass.get(c) ?? { count: 0, self: 0, retained: 0 };
    out.set(c, {
      count: (row.count - b.count) / n,
      self: (row.self - b.self) / n,
      retained: (row.retained - b.retained) / n,
    });
  }
  for (const [c, b] of base.byClass) {
    if (!end.byClass.has(c))
      out.set(c, { count: -b.count / n, self: -b.self / n, retained: -b.retained / n });
  }
  return out;
};
const product = delta(pe, pb);
const relay = delta(re, rb);
const zero = { count: 0, self: 0, retained: 0 };
const rows = [...new Set([...product.keys(), ...relay.keys()])].map((c) => ({
  c,
  p: product.get(c) ?? zero,
  r: relay.get(c) ?? zero,
}));
rows.sort((a, b) => b.p.self - b.r.self - (a.p.self - a.r.self));
const sum = (m) => [...m.values()].reduce((s, r) => s + r.self, 0);
console.log(
  `per session (N=${n}): product ${(sum(product) / 1024).toFixed(1)} KB self, relay ${(sum(relay) / 1024).toFixed(1)} KB self`,
);
console.log('constructor'.padEnd(44) + 'prod n/s  prod B/s  relay n/s relay B/s  Δ B/s  prod retained B/s');
for (const { c, p, r } of rows.slice(0, top)) {
  console.log(
    String(c).slice(0, 43).padEnd(44) +
      p.count.toFixed(2).padStart(8) +
      p.self.toFixed(0).padStart(10) +
      r.count.toFixed(2).padStart(10) +
      r.self.toFixed(0).padStart(10) +
      (p.self - r.self).toFixed(0).padStart(7) +
      p.retained.toFixed(0).padStart(19),
  );
}
