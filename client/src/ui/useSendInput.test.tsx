import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import type { Input } from '@ecoute/engine';
import type { SendResult } from '../socket/index.js';
import { useSendInput } from './useSendInput.js';

function slowServer() {
  const sent: Input[] = [];
  const answers: ((result: SendResult) => void)[] = [];
  const send = (input: Input) =>
    new Promise<SendResult>((resolve) => {
      sent.push(input);
      answers.push(resolve);
    });
  return { sent, send, ackAll: () => answers.splice(0).forEach((answer, i) => answer({ ok: true, seq: i })) };
}

describe('useSendInput', () => {
  it('drops a double press of the same input, not a different one', async () => {
    const server = slowServer();
    const { result } = renderHook(() => useSendInput(server.send, 'seen-1'));
    await act(async () => {
      void result.current.submit({ kind: 'move', move: 'reformuler' });
      void result.current.submit({ kind: 'move', move: 'reformuler' });
      void result.current.submit({ kind: 'hold' });
    });
    expect(server.sent).toEqual([{ kind: 'move', move: 'reformuler' }, { kind: 'hold' }]);
    await act(async () => server.ackAll());
  });

  it('sends the same input again once something new was seen (the answer came before the ack)', async () => {
    const server = slowServer();
    const { result, rerender } = renderHook(
      (props: { seen: number }) => useSendInput(server.send, props.seen),
      {
        initialProps: { seen: 1 },
      },
    );
    await act(async () => {
      void result.current.submit({ kind: 'move', move: 'guider' });
    });
    rerender({ seen: 2 });
    await act(async () => {
      void result.current.submit({ kind: 'move', move: 'guider' });
    });
    expect(server.sent).toHaveLength(2);
    await act(async () => server.ackAll());
  });

  it('keeps the code of a refused input for the alert', async () => {
    const { result } = renderHook(() =>
      useSendInput(() => Promise.resolve({ ok: false, code: 'input/not_available', message: '' })),
    );
    await act(async () => {
      expect(await result.current.submit({ kind: 'pickup' })).toBe(false);
    });
    expect(result.current.errorCode).toBe('input/not_available');
  });
});
