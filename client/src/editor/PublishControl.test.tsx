// « Publier » asks first, saying what publishing does; nothing is published until the author
// confirms, by keyboard as by pointer, and Escape or « Annuler » gives the focus back to it. A
// call that keeps the blank template's placeholders has them named in the question.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { BLANK_TEMPLATE_TEXTS, lintScenario } from '@ecoute/engine';
import { renderWithSession } from '../test/renderWithSession.js';
import { BLANK } from '../test/studioHarness.js';
import { PublishControl, templateParts } from './PublishControl.js';

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

  it('names the parts still as the blank template wrote them, and asks to publish anyway', async () => {
    // A call written from the blank template with its summary, its caller and their story left.
    const left = BLANK.replace(
      "summary: Un appel d'essai.",
      `summary: "${BLANK_TEMPLATE_TEXTS.summary}"`,
    ).replace('background: Seule.', `background: "${BLANK_TEMPLATE_TEXTS.background}"`);
    const parts = templateParts(lintScenario('essai.yaml', left).issues);
    let published = 0;
    const { unmount } = renderWithSession(
      <PublishControl
        version={1}
        leftFromTemplate={parts}
        onPublish={async () => {
          published += 1;
        }}
      />,
    );
    await press(publishButton());
    const group = screen.getByRole('group', { name: fr('editor.publish.question', { version: 1 }) });
    expect(group.textContent).toContain(fr('editor.publish.template'));
    expect(
      within(within(group).getByRole('list', { name: fr('editor.publish.template.list') }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      fr('editor.publish.template.summary'),
      fr('editor.publish.template.persona', { name: 'Camille', age: 40, place: 'Lyon' }),
      fr('editor.publish.template.background'),
    ]);
    // Read with the question by a screen reader.
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    const anyway = within(group).getByRole('button', { name: fr('editor.publish.confirmAnyway') });
    expect(document.activeElement).toBe(anyway);
    expect(within(group).queryByRole('button', { name: fr('editor.publish.confirm') })).toBeNull();
    await act(async () => {
      fireEvent.submit(anyway);
    });
    expect(published).toBe(1);
    unmount();

    // Written (the summary, the caller, their story): the plain question again.
    expect(templateParts(lintScenario('essai.yaml', BLANK.replace('age: 40', 'age: 52')).issues)).toEqual([]);
    renderWithSession(<PublishControl version={1} leftFromTemplate={[]} onPublish={async () => {}} />);
    await press(publishButton());
    expect(screen.queryByRole('list')).toBeNull();
    screen.getByRole('button', { name: fr('editor.publish.confirm') });
  });

  it('does not ask when there is nothing to publish (the page says why)', async () => {
    renderWithSession(<PublishControl version={2} onAsk={() => false} onPublish={async () => {}} />);
    await press(publishButton());
    expect(screen.queryByRole('group')).toBeNull();
  });
});
