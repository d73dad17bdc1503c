// Socket.IO's packet encoder, without its search for binary data. Before encoding an event, the
// stock encoder walks the whole payload (`hasBinary`: every key of every nested object) to decide
// between one JSON string and a binary packet; then `JSON.stringify` walks it again. Our servers
// never send binary (updates, acks and presence are plain JSON data), so an event or an ack is
// written as the stock encoder's string form at once — the same text on the wire, read by the stock
// client parser. The walk was 3.6 % of the product's CPU in the load benchmark (N=200, profile of
// the server: once per role-room broadcast, over each update). A binary packet type, should one
// ever be built, still goes through the stock encoder. Decoding is the stock decoder's.
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

export class TextPacketEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    if (packet.type === PacketType.BINARY_EVENT || packet.type === PacketType.BINARY_ACK)
      return super.encode(packet) as string[];
    // The stock string form: type, namespace (unless the main one) and comma, ack id, JSON data.
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += String(packet.id);
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** The `parser` option of a Socket.IO server: this encoder, the stock decoder. */
export const textPacketParser = { Encoder: TextPacketEncoder, Decoder };
