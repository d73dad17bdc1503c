// Which browser origins may use the API and the sockets. With ECOUTE_PUBLIC_URL, its origin only;
// without it, the page's own origin (the `Origin` names the host the request went to) or a
// localhost one, so that `npm start` on http://localhost:3000 works as it is. A request without
// `Origin` does not come from a browser page (curl, tests, the LRS): no cross-site risk there.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string | undefined,
): boolean {
  if (origin === undefined || origin === '') return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file) and anything else unreadable
  }
  if (publicUrl !== undefined) return url.origin === new URL(publicUrl).origin;
  return LOCAL_HOSTS.has(url.hostname) || (host !== undefined && url.host === host.toLowerCase());
}
