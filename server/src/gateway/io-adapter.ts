// Nest's Socket.IO adapter, without the per-socket streams of a gateway that has no
// @SubscribeMessage handler. Nest's IoAdapter builds, for every socket it binds, a `disconnect`
// observable (fromEvent → share → first) and keeps it in a WeakMap for the socket's life, even
// when there is no handler to end: ≈ 0.7 KB a socket, 2.8 KB a session in the load benchmark
// (heap snapshots, issue 10). Our gateways read their messages straight on the socket.
import { IoAdapter } from '@nestjs/platform-socket.io';

export class SocketAdapter extends IoAdapter {
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length === 0) return;
    super.bindMessageHandlers(...args);
  }
}
