// Socket.IO over several processes: Redis sharded pub/sub (Redis ≥ 7) carries each room's
// broadcasts to the processes that hold sockets in that room. "dynamic" mode gives each room its
// own channel, subscribed only by the processes with a socket in it, so a process reads the
// traffic of its own clients' sessions, not of every session (the streams adapter makes every
// process read every packet of one stream; its advantage, replay after a short Redis outage for
// connection state recovery, we do not use: clients resync by seq from the durable timeline).
import type { INestApplicationContext } from '@nestjs/common';
import type { IoAdapter } from '@nestjs/platform-socket.io';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Cluster } from './cluster.js';
import { SocketAdapter } from '../gateway/io-adapter.js';

export class RedisIoAdapter extends SocketAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly cluster: Cluster,
  ) {
    super(app);
  }

  // The types of the socket.io that @nestjs/platform-socket.io resolves (it may differ by a patch).
  override createIOServer(
    port: number,
    options?: Parameters<IoAdapter['createIOServer']>[1],
  ): ReturnType<IoAdapter['createIOServer']> {
    const server = super.createIOServer(port, options) as { adapter(factory: unknown): unknown };
    server.adapter(
      createShardedAdapter(this.cluster.adapterPub, this.cluster.adapterSub, {
        channelPrefix: 'ecoute',
        subscriptionMode: 'dynamic',
      }),
    );
    return server as ReturnType<IoAdapter['createIOServer']>;
  }
}
