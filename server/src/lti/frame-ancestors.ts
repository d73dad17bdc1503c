// Who may frame Écoute's pages: nobody (CSP `frame-ancestors 'none'`), but the LTI platforms
// registered on this server, whose courses show the tool in an iframe. Filled at boot from the
// registered platforms and at each registration; read by the CSP of every answer.
export class LtiFrameAncestors {
  private readonly origins = new Set<string>();

  add(url: string): void {
    try {
      this.origins.add(new URL(url).origin);
    } catch {
      // not a URL: nothing to allow
    }
  }

  /** The CSP `frame-ancestors` source list. */
  directive(): string {
    return this.origins.size === 0 ? "'none'" : [...this.origins].join(' ');
  }
}
