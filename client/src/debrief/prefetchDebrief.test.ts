import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { debriefTimeline } from '@ecoute/protocol';
import { httpDebriefApi } from './debriefApi.js';
import { shortCall } from './debriefFixture.js';
import { prefetchDebrief, takePrefetched } from './prefetchDebrief.js';

/** What `fetch` resolves to, as far as `requestJson` reads it (jsdom has no Response). */
const answer = (body: unknown) =>
  Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });

afterEach(() => {
  jest.restoreAllMocks();
});

describe('prefetchDebrief: the answer asked as the app starts', () => {
  it('asks once, with the token, and the page takes that answer', async () => {
    // The timeline in columns, read back into the entries.
    const entries = shortCall();
    const fetch = jest.fn((_url: string, _init?: RequestInit) =>
      answer(JSON.parse(JSON.stringify({ viewer: 'trainer', n: 1, timeline: debriefTimeline(entries) }))),
    );
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    prefetchDebrief({ pathname: '/debrief/s%201', hash: '#k=tok' });
    // Again (the page's first script, then the app's entry): the answer on its way is kept.
    prefetchDebrief({ pathname: '/debrief/s%201', hash: '#k=tok' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/sessions/s%201/debrief?timeline=columns');
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    const api = httpDebriefApi('s 1', 'tok');
    await expect(api.load()).resolves.toEqual({ ok: true, data: { viewer: 'trainer', n: 1, entries } });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken once: a later load (after a self-assessment) asks again.
    await api.load();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives the answer at once once it arrived (the page shows it in its first render), once', async () => {
    const entries = shortCall();
    const body = JSON.parse(JSON.stringify({ viewer: 'trainer', n: 2, timeline: debriefTimeline(entries) }));
    const fetch = jest.fn(() => answer(body));
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    prefetchDebrief({ pathname: '/debrief/s3', hash: '#k=tok' });
    // On its way: nothing yet, and the page's load takes it later.
    expect(httpDebriefApi('s3', 'tok').arrived?.()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(httpDebriefApi('s3', 'other').arrived?.()).toBeNull();
    const api = httpDebriefApi('s3', 'tok');
    const now = api.arrived?.();
    expect(now).toEqual({ ok: true, data: { viewer: 'trainer', n: 2, entries } });
    // The same for this page each time it asks (a second render), taken from the prefetch once.
    expect(api.arrived?.()).toBe(now);
    expect(httpDebriefApi('s3', 'tok').arrived?.()).toBeNull();
    await api.load();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks nothing elsewhere, or without a token; another session or token is not served it', () => {
    const fetch = jest.fn(() => answer({}));
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    prefetchDebrief({ pathname: '/animation/s1', hash: '#k=tok' });
    prefetchDebrief({ pathname: '/debrief/s1', hash: '' });
    expect(fetch).not.toHaveBeenCalled();
    prefetchDebrief({ pathname: '/debrief/s1', hash: '#k=tok' });
    const path = '/api/sessions/s1/debrief?timeline=columns';
    expect(takePrefetched('/api/sessions/s2/debrief?timeline=columns', 'tok')).toBeNull();
    expect(takePrefetched(path, 'other')).toBeNull();
    expect(takePrefetched(path, 'tok')).not.toBeNull();
  });
});
