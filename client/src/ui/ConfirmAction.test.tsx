// The one way an action that cannot be undone asks first: the question in place of its button,
// the focus on the answer, given back to the button on Escape, on cancel and after the answer.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { ConfirmAction } from './ConfirmAction.js';

// The words a caller gives it: the sessions page's, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const DATE = '06/12/2026 10:00';
const words = {
  question: fr('sessions.delete.confirm', { date: DATE }),
  yes: fr('sessions.delete.yes'),
  no: fr('debrief.cancel'),
};
const LABEL = `${fr('sessions.delete')} ${fr('sessions.ofSession', { date: DATE })}`;
const HEADING = fr('sessions.heading');

function renderAction({
  onConfirm = () => undefined,
  onAsk,
  disabled = false,
}: { onConfirm?: () => unknown; onAsk?: () => boolean; disabled?: boolean } = {}) {
  const result = render(
    <ConfirmAction {...words} onConfirm={onConfirm} onAsk={onAsk} disabled={disabled} label={LABEL}>
      {fr('sessions.delete')}
    </ConfirmAction>,
  );
  const rerender = (nextDisabled: boolean) =>
    result.rerender(
      <ConfirmAction {...words} onConfirm={onConfirm} onAsk={onAsk} disabled={nextDisabled} label={LABEL}>
        {fr('sessions.delete')}
      </ConfirmAction>,
    );
  return { rerender };
}

const opener = () => screen.getByRole('button', { name: LABEL });

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('ConfirmAction', () => {
  it('asks in place of its button, the focus on the answer, and does nothing when cancelled', async () => {
    let done = 0;
    renderAction({ onConfirm: () => (done += 1) });
    await click(opener());
    expect(screen.queryByRole('button', { name: LABEL })).toBeNull();
    const group = screen.getByRole('group', { name: words.question });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: words.yes }));
    expect(group.contains(document.activeElement)).toBe(true);
    await click(screen.getByRole('button', { name: words.no }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(done).toBe(0);
    expect(document.activeElement).toBe(opener());
  });

  it('is cancelled by Escape, the focus back on its button', async () => {
    let done = 0;
    renderAction({ onConfirm: () => (done += 1) });
    await click(opener());
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('button', { name: words.yes }), { key: 'Escape' });
    });
    expect(screen.queryByRole('group')).toBeNull();
    expect(done).toBe(0);
    expect(document.activeElement).toBe(opener());
  });

  it('acts once, its buttons disabled until the action settles, then gives the focus back', async () => {
    let settle: () => void = () => undefined;
    let done = 0;
    renderAction({
      onConfirm: () => {
        done += 1;
        return new Promise<void>((resolve) => (settle = resolve));
      },
    });
    await click(opener());
    await click(screen.getByRole('button', { name: words.yes }));
    expect(done).toBe(1);
    expect((screen.getByRole('button', { name: words.yes }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: words.no }) as HTMLButtonElement).disabled).toBe(true);
    // Escape while it runs does not pretend to cancel it.
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('button', { name: words.yes }), { key: 'Escape' });
    });
    expect(screen.getByRole('group', { name: words.question })).toBeTruthy();
    await act(async () => {
      settle();
      await Promise.resolve();
    });
    expect(screen.queryByRole('group')).toBeNull();
    expect(done).toBe(1);
    expect(document.activeElement).toBe(opener());
  });

  it('leaves the focus where the action moved it (a heading, its row about to go)', async () => {
    render(
      <>
        <h2 tabIndex={-1}>{HEADING}</h2>
        <ConfirmAction
          {...words}
          label={LABEL}
          onConfirm={() => screen.getByRole('heading', { name: HEADING }).focus()}
        >
          {fr('sessions.delete')}
        </ConfirmAction>
      </>,
    );
    await click(opener());
    await click(screen.getByRole('button', { name: words.yes }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: HEADING }));
  });

  it('leaves the question unasked when its caller says so (a field left empty)', async () => {
    let asked = 0;
    renderAction({ onAsk: () => (asked += 1) > 1 });
    await click(opener());
    expect(asked).toBe(1);
    expect(screen.queryByRole('group')).toBeNull();
    await click(opener());
    expect(screen.getByRole('group', { name: words.question })).toBeTruthy();
  });

  it('withdraws an open question when its action is no longer possible (the call ended meanwhile)', async () => {
    const { rerender } = renderAction();
    await click(opener());
    expect(screen.getByRole('group', { name: words.question })).toBeTruthy();
    act(() => rerender(true));
    expect(screen.queryByRole('group')).toBeNull();
    expect((opener() as HTMLButtonElement).disabled).toBe(true);
  });
});
