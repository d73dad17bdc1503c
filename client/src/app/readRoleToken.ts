/**
 * The role token from a link's fragment (`#k=<token>`). The fragment never reaches the server's
 * logs; the token goes only into the socket handshake.
 */
export function readRoleToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('k');
  return token ? token : null;
}
