// The one JSON request of the client's REST calls (home, debrief, sessions list). Every answer
// is the data or a coded failure: the server's `{ ok: false, code }`, or a client code when the
// network itself failed. With a token, it goes in `Authorization: Bearer`.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string };

export async function requestJson<T>(
  path: string,
  token?: string,
  init: RequestInit = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
  } catch {
    return { ok: false, code: 'client/network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, code: response.ok ? 'client/unknown' : 'server/internal' };
  }
  if (!response.ok) {
    const code =
      typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
        ? body.code
        : 'server/internal';
    return { ok: false, code };
  }
  return { ok: true, data: body as T };
}
