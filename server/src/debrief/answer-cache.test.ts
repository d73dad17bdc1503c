import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { AnswerCache } from './answer-cache.js';
import type { TimelineRow } from './debrief-store.js';
import { EncodedAnswer } from './encoded-answer.js';

const row = (seq: number): TimelineRow => ({
  seq,
  t: seq * 100,
  at: '2026-01-01T00:00:00.000Z',
  source: 'listener',
  category: 'input',
  kind: 'join',
  payload: '{"kind":"join","name":"Camille"}',
});

describe('AnswerCache: a debrief answered again from what was kept', () => {
  it("keeps the head's rows per last seq: a timeline that grew reads them again", () => {
    const cache = new AnswerCache();
    cache.setRows('s1', 10, [row(1)]);
    expect(cache.rows('s1', 10)).toEqual([row(1)]);
    expect(cache.rows('s1', 11)).toBeUndefined();
    expect(cache.rows('s2', 10)).toBeUndefined();
    cache.setRows('s1', 11, [row(1), row(11)]);
    expect(cache.rows('s1', 10)).toBeUndefined();
    expect(cache.rows('s1', 11)).toHaveLength(2);
  });

  it('gives an answer back for the same variant and head only', () => {
    const cache = new AnswerCache();
    const answer = new EncodedAnswer(Buffer.from('{"a":1}'));
    cache.setRows('s1', 10, []);
    cache.setAnswer('s1', 10, 'trainer:true', '{"h":1}', answer);
    expect(cache.answer('s1', 10, 'trainer:true', '{"h":1}')).toBe(answer);
    // A judgment, a mark or kept scores change the head: not the same answer.
    expect(cache.answer('s1', 10, 'trainer:true', '{"h":2}')).toBeUndefined();
    expect(cache.answer('s1', 10, 'listener:false', '{"h":1}')).toBeUndefined();
    expect(cache.answer('s1', 11, 'trainer:true', '{"h":1}')).toBeUndefined();
    // Nothing kept for a seq whose rows were not kept first.
    cache.setAnswer('s2', 10, 'trainer:true', '{"h":1}', answer);
    expect(cache.answer('s2', 10, 'trainer:true', '{"h":1}')).toBeUndefined();
    cache.forget('s1');
    expect(cache.answer('s1', 10, 'trainer:true', '{"h":1}')).toBeUndefined();
    expect(cache.rows('s1', 10)).toBeUndefined();
  });

  it('keeps at most its size, the least recently used session going first', () => {
    const cache = new AnswerCache(10);
    for (const id of ['a', 'b']) {
      cache.setRows(id, 1, []);
      cache.setAnswer(id, 1, 'v', 'h', new EncodedAnswer(Buffer.from('1234')));
    }
    expect(cache.answer('a', 1, 'v', 'h')).toBeDefined();
    cache.setRows('c', 1, []);
    cache.setAnswer('c', 1, 'v', 'h', new EncodedAnswer(Buffer.from('1234')));
    // b was the least recently used.
    expect(cache.answer('b', 1, 'v', 'h')).toBeUndefined();
    expect(cache.answer('a', 1, 'v', 'h')).toBeDefined();
    expect(cache.answer('c', 1, 'v', 'h')).toBeDefined();
  });
});

describe('EncodedAnswer: the JSON and its compressed forms', () => {
  const json = Buffer.from(JSON.stringify({ entries: Array.from({ length: 500 }, (_, i) => ({ seq: i })) }));

  it('compresses once per encoding, and what it sends decodes to the JSON', async () => {
    const answer = new EncodedAnswer(json);
    const br = answer.encode('br');
    expect(answer.encode('br')).toBe(br);
    expect(brotliDecompressSync(await br)).toEqual(json);
    expect(gunzipSync(await answer.encode('gzip'))).toEqual(json);
    expect((await br).length).toBeLessThan(json.length / 5);
    expect(answer.bytes).toBe(json.length + (await br).length + (await answer.encode('gzip')).length);
  });
});
