import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { InjectButtons } from './InjectButtons.js';

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
    expect(alarm.getAttribute('title')).toBe('Pas prévu à cette étape (Accueil)');
    fireEvent.click(screen.getByRole('button', { name: 'On sonne à la porte' }));
    expect(sent).toEqual(['sonnette']);
  });
});
