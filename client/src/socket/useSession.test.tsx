import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { FakeTransport } from '../test/FakeTransport.js';
import { lineEntry, snapshot, update } from '../test/fixtures.js';
import { useSession, type SessionLink } from './useSession.js';

describe('useSession', () => {
  it('connects with the link, follows the session, and closes on unmount', async () => {
    const transports: { link: SessionLink; transport: FakeTransport }[] = [];
    const makeTransport = (link: SessionLink) => {
      const transport = new FakeTransport();
      transports.push({ link, transport });
      return transport;
    };
    const hook = renderHook(() => useSession({ sessionId: 's1', token: 'k1' }, makeTransport));
    expect(hook.result.current.status).toBe('connecting');
    expect(transports.map((made) => made.link)).toEqual([{ sessionId: 's1', token: 'k1' }]);
    const transport = transports[0]!.transport;

    await act(async () => {
      transport.connect();
      await transport.answerSync({ ok: true, snapshot: snapshot(1, [lineEntry(1, 'Allô ?')]) });
    });
    expect(hook.result.current.status).toBe('connected');
    act(() => transport.push(update(1, 2, [lineEntry(2, 'Vous êtes là ?')])));
    expect(hook.result.current.entries.map((entry) => entry.seq)).toEqual([1, 2]);

    const sent = hook.result.current.send({ kind: 'hangup' });
    transport.inputs[0]?.answer({ ok: true, seq: 3 });
    expect(await sent).toEqual({ ok: true, seq: 3 });

    hook.unmount();
    expect(transport.closed).toBe(true);
  });
});
