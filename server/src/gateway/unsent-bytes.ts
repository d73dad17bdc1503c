// Bytes written to a socket that its client has not taken yet, as far as this process holds
// them: engine.io's packets not yet flushed (polling waits for the client's next request) and
// what the websocket still buffers in user space (the kernel's own buffers come first and are
// bounded by the system).

interface EngineConnection {
  writeBuffer?: readonly { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number } };
}

export function unsentBytes(conn: unknown): number {
  const engine = conn as EngineConnection;
  let bytes = engine.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of engine.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  return bytes;
}
