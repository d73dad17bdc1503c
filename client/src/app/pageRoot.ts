// The element both entries (the app's `index.html`, a debrief link's `debrief.html`) render into.
// Its absence is a broken build, never a visitor's situation: the error names the page for the
// developer, in the console, and no sentence reaches the screen.

/** The page's `#root`; throws, naming `page`, when the HTML has none. */
export function pageRoot(page: string, doc: Document = document): HTMLElement {
  const root = doc.getElementById('root');
  if (!root) throw new Error(`${page} has no #root`);
  return root;
}
