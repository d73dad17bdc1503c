import { describe, expect, it } from '@jest/globals';
import { EntriesCache } from './entries-cache.js';

describe('EntriesCache: the entries of a debrief kept per last seq', () => {
  it('gives back what was kept for the same session, variant and last seq only', () => {
    const cache = new EntriesCache(100);
    cache.set('s1', 'trainer:true', 10, Buffer.from('[1]'));
    expect(cache.get('s1', 'trainer:true', 10)).toEqual(Buffer.from('[1]'));
    expect(cache.get('s1', 'trainer:true', 11)).toBeUndefined();
    expect(cache.get('s1', 'listener:false', 10)).toBeUndefined();
    expect(cache.get('s2', 'trainer:true', 10)).toBeUndefined();
    cache.set('s1', 'trainer:true', 11, Buffer.from('[1,2]'));
    expect(cache.get('s1', 'trainer:true', 11)).toEqual(Buffer.from('[1,2]'));
    cache.forget('s1');
    expect(cache.get('s1', 'trainer:true', 11)).toBeUndefined();
  });

  it('keeps at most its size, the least recently used going first', () => {
    const cache = new EntriesCache(10);
    cache.set('a', 'v', 1, Buffer.from('1234'));
    cache.set('b', 'v', 1, Buffer.from('1234'));
    expect(cache.get('a', 'v', 1)).toEqual(Buffer.from('1234'));
    cache.set('c', 'v', 1, Buffer.from('1234'));
    // b was the least recently used.
    expect(cache.get('b', 'v', 1)).toBeUndefined();
    expect(cache.get('a', 'v', 1)).toEqual(Buffer.from('1234'));
    expect(cache.get('c', 'v', 1)).toEqual(Buffer.from('1234'));
    cache.set('d', 'v', 1, Buffer.from('12345678901'));
    expect(cache.get('d', 'v', 1)).toBeUndefined();
  });
});
