// Whether a platform (LTI 1.3) opened this session's trainer console: the launch's redirect
// carries `l=1` in the fragment; it is kept for this tab under the page's path (as the token is)
// so that a reload still knows. Only such a console asks for the course's members: any other
// session has none, and asking would be a request answered « not found ».
function storageKey(path: string): string {
  return `ecoute.lti.${path}`;
}

export function launchedFromPlatform(path: string, hash: string): boolean {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  try {
    if (params.get('l') === '1') {
      globalThis.sessionStorage?.setItem(storageKey(path), '1');
      return true;
    }
    return globalThis.sessionStorage?.getItem(storageKey(path)) === '1';
  } catch {
    // Storage refused (a platform's frame may block it): the link's fragment alone says it.
    return params.get('l') === '1';
  }
}
