// « Publier » asks first, saying what publishing does; nothing is published until the author
// confirms, by keyboard as by pointer, and Escape or « Annuler » gives the focus back to it.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { PublishControl } from './PublishControl.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const publishButton = () => screen.getByRole('button', { name: fr('editor.publish') });

async function press(element: HTMLElement, key?: string): Promise<void> {
  await act(async () => {
    if (key) fireEvent.keyDown(element, { key });
    else fireEvent.click(element);
  });
}

describe('PublishControl', () => {
  it('asks first, with the version and what publishing does; Escape and « Annuler » publish nothing', async () => {
    let published = 0;
    renderWithSession(
      <PublishControl
        version={3}
        onPublish={async () => {
          published += 1;
        }}
      />,
    );
    await press(publishButton());
    expect(published).toBe(0);
    const question = fr('editor.publish.question', { version: 3 });
    // What the server does: new sessions play it, those already created keep theirs.
    expect(question).toMatch(/version 3/);
    const group = screen.getByRole('group', { name: question });
    const confirm = screen.getByRole('button', { name: fr('editor.publish.confirm') });
    expect(group.contains(confirm)).toBe(true);
    expect(document.activeElement).toBe(confirm);
    // Not the danger look of a deletion: publishing deletes nothing.
    expect(confirm.className).not.toContain('button--danger');

    await press(confirm, 'Escape');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(publishButton());
    await press(publishButton());
    await press(screen.getByRole('button', { name: fr('editor.publish.cancel') }));
    expect(document.activeElement).toBe(publishButton());
    expect(published).toBe(0);

    // Confirmed (Enter on the focused button submits its form): published once, focus back.
    await press(publishButton());
    await act(async () => {
      fireEvent.submit(screen.getByRole('button', { name: fr('editor.publish.confirm') }));
    });
    expect(published).toBe(1);
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(publishButton());
  });

  it('does not ask when there is nothing to publish (the page says why)', async () => {
    renderWithSession(<PublishControl version={2} onAsk={() => false} onPublish={async () => {}} />);
    await press(publishButton());
    expect(screen.queryByRole('group')).toBeNull();
  });
});
