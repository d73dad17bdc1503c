// The address a request comes from, for the per-address limits. Behind a load balancer every
// socket comes from the balancer: with ECOUTE_TRUST_PROXY naming the proxies to trust (a hop count,
// or addresses and subnets as proxy-addr reads them: `loopback`, `10.0.0.0/8`, …), the address is
// read from X-Forwarded-For, trusting only those hops; unset, the header is ignored (a client
// could otherwise pick its own address and escape the limits).
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type AddressOf = (request: IncomingMessage) => string;

/** Compiles the trust setting; throws on a malformed one (the boot reports it). */
export function compileTrust(setting: string): (address: string, hop: number) => boolean {
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(setting.split(',').map((part) => part.trim()));
}

export function clientAddressOf(trustSetting: string | undefined): AddressOf {
  if (trustSetting === undefined) return (request) => request.socket.remoteAddress ?? '';
  const trust = compileTrust(trustSetting);
  return (request) => (request.socket.remoteAddress ? proxyAddr(request, trust) : '');
}
