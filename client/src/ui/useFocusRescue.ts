import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether focus can no longer be on `element`: gone from the page, or disabled. */
function lost(element: HTMLElement): boolean {
  return !element.isConnected || (element as HTMLButtonElement).disabled === true;
}

/**
 * Focuses an element that is not focusable by itself (a heading) without adding it to the Tab order.
 * `ring`: the focus moves for a key the person pressed, and shows as after a Tab
 * (`data-focus-ring`, styles.css) until it leaves the element. Chromium's `:focus-visible` does
 * not match a script's focus after a key pressed with Alt, Ctrl or Meta: after Alt+C the moves'
 * heading had the focus and no ring. Never after a click or a tap (no `ring`).
 */
export function focusQuietly(element: HTMLElement, { ring = false }: { ring?: boolean } = {}): void {
  if (!element.matches(FOCUSABLE) && !element.hasAttribute('tabindex'))
    element.setAttribute('tabindex', '-1');
  if (ring && !element.hasAttribute('data-focus-ring')) {
    element.setAttribute('data-focus-ring', '');
    element.addEventListener('blur', () => element.removeAttribute('data-focus-ring'), { once: true });
  }
  element.focus();
}

/** Where focus goes when `element` (in `area`, the panel it was in) can no longer hold it. */
function rescueTarget(
  element: HTMLElement,
  area: HTMLElement | null,
  root: HTMLElement,
  whenLost: (() => HTMLElement | null) | undefined,
): HTMLElement | null {
  // The page may know better where the person goes next (the call has ended: a control removed
  // or disabled then never comes back, the next one in its panel is no better).
  const preferred = whenLost?.();
  if (preferred?.isConnected) return preferred;
  const scope = area?.isConnected ? area : root;
  const candidates = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (candidate) => !candidate.closest('[hidden], [inert]'),
  );
  if (element.isConnected) {
    // The next control after it in the same panel, else the one before.
    const after = candidates.find(
      (candidate) => element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (after) return after;
    const before = candidates.filter(
      (candidate) => element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_PRECEDING,
    );
    if (before.length > 0) return before[before.length - 1]!;
  }
  // No control left in the panel: its heading, else the page's.
  return scope.querySelector<HTMLElement>('h2, h3') ?? root.querySelector<HTMLElement>('h1');
}

/**
 * Focus never drops to the page (WCAG 2.4.3): when the control that has focus in `root` is
 * disabled (a pause, an inject that used itself up) or removed, focus moves to the next control
 * of its panel, or the panel's heading; when that control comes back (after the resume) and
 * focus has not moved since, it returns there. Checked after every render of the page.
 * `whenLost`: where focus goes first when the control was removed or disabled, if the page has
 * such a place now — the outcome once the call has ended (the listener's answers and phone
 * buttons go away; the trainer's ad-lib and whisper forms, pause and end, the injects and the
 * line events go); none during a pause, whose controls come back.
 */
export function useFocusRescue(
  root: RefObject<HTMLElement | null>,
  whenLost?: () => HTMLElement | null,
): void {
  const last = useRef<{ element: HTMLElement; area: HTMLElement | null } | null>(null);
  const rescued = useRef<{ from: HTMLElement; to: HTMLElement } | null>(null);
  // Whether the person last pressed a key or pointed: a rescue after a key (Alt+R hung up, the
  // outcome's heading focused) draws its ring, which Chromium omits after Alt; after a click, none.
  const byKeyboard = useRef(false);

  useEffect(() => {
    const pressed = () => (byKeyboard.current = true);
    const pointed = () => (byKeyboard.current = false);
    document.addEventListener('keydown', pressed, true);
    document.addEventListener('pointerdown', pointed, true);
    return () => {
      document.removeEventListener('keydown', pressed, true);
      document.removeEventListener('pointerdown', pointed, true);
    };
  }, []);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    function onFocusIn(event: FocusEvent): void {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target === element) return;
      last.current = { element: target, area: target.closest('section, form, [role="group"]') };
      if (rescued.current && rescued.current.to !== target) rescued.current = null;
    }
    element.addEventListener('focusin', onFocusIn);
    return () => element.removeEventListener('focusin', onFocusIn);
  });

  useLayoutEffect(() => {
    const page = root.current;
    if (!page) return;
    const active = document.activeElement as HTMLElement | null;
    const back = rescued.current;
    if (back && !lost(back.from) && active === back.to) {
      rescued.current = null;
      back.from.focus();
      return;
    }
    const previous = last.current;
    if (!previous || !lost(previous.element)) return;
    if (active && active !== document.body && active !== previous.element) return;
    const target = rescueTarget(previous.element, previous.area, page, whenLost);
    if (!target) return;
    rescued.current = { from: previous.element, to: target };
    focusQuietly(target, { ring: byKeyboard.current });
  });
}
