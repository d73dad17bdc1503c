import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { InjectButtons } from './InjectButtons.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

describe('InjectButtons', () => {
  it('disables an unavailable inject and says why, in the engine’s words', () => {
    const sent: string[] = [];
    renderWithSession(
      <InjectButtons
        injects={[
          { id: 'sonnette', label: 'On sonne à la porte', help: 'La voisine arrive.', available: true },
          {
            id: 'alarme',
            label: 'Alarme du respirateur',
            help: 'Le respirateur bipe.',
            available: false,
            reason: { code: 'not_here', states: ['Accueil'] },
          },
        ]}
        disabled={false}
        onInject={(id) => sent.push(id)}
      />,
    );
    const alarm = screen.getByRole('button', { name: 'Alarme du respirateur' });
    expect((alarm as HTMLButtonElement).disabled).toBe(true);
    expect(alarm.getAttribute('title')).toBe(fr('reason.notHere', { states: 'Accueil' }));
    fireEvent.click(screen.getByRole('button', { name: 'On sonne à la porte' }));
    expect(sent).toEqual(['sonnette']);
  });
});
