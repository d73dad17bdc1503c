import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { from, of } from 'rxjs';
import { SocketAdapter } from './io-adapter.js';

type Bind = Parameters<SocketAdapter['bindMessageHandlers']>;

describe('SocketAdapter', () => {
  it('keeps no per-socket stream for a gateway without message handlers', () => {
    const adapter = new SocketAdapter();
    const socket = new EventEmitter();
    adapter.bindMessageHandlers(socket as unknown as Bind[0], [], (value) => of(value));
    // Nest's own adapter would keep a `disconnect` observable per socket here.
    expect(
      (adapter as unknown as { disconnectMap: WeakMap<object, unknown> }).disconnectMap.has(socket),
    ).toBe(false);
    expect(socket.eventNames()).toEqual([]);
  });

  it('still binds the handlers of a gateway that has some', async () => {
    const adapter = new SocketAdapter();
    const socket = new EventEmitter();
    const received: unknown[] = [];
    const acks: unknown[] = [];
    adapter.bindMessageHandlers(
      socket as unknown as Bind[0],
      [
        {
          message: 'ping',
          methodName: 'ping',
          callback: (data: unknown) => (received.push(data), Promise.resolve('pong')),
          isAckHandledManually: false,
        },
      ],
      (value) => from(value as Promise<unknown>),
    );
    socket.emit('ping', 1, (answer: unknown) => acks.push(answer));
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual([1]);
    expect(acks).toEqual(['pong']);
  });
});
