import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusQuietly } from './useFocusRescue.js';

/** How long a section still loading (the LTI panel asks its own answer) is waited for. */
const SECTION_WAIT_MS = 5_000;

/**
 * A link to one section of a long page (`/organisation#lti-heading`, from the first steps): once
 * the page is `ready`, the focus goes to the element the fragment names — a section's heading —,
 * which the browser scrolls into view; a section that shows later is waited for. Once per
 * address: the person's own moves afterwards are theirs.
 */
export function useFocusFragment(ready: boolean): void {
  const { hash, key } = useLocation();
  const done = useRef<string | null>(null);
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!ready || id === '' || done.current === key) return;
    const focusTarget = (): boolean => {
      const target = document.getElementById(id);
      if (!target) return false;
      done.current = key;
      focusQuietly(target);
      target.scrollIntoView?.({ block: 'start' });
      return true;
    };
    if (focusTarget()) return;
    const observer = new MutationObserver(() => {
      if (focusTarget()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), SECTION_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [hash, key, ready]);
}
