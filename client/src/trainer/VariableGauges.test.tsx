import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { VariableGauges } from './VariableGauges.js';

describe('VariableGauges', () => {
  it('states the maximum visibly (« 4 sur 10 »), the track in its frame, the level in words', () => {
    const { container } = renderWithSession(
      <VariableGauges
        variables={[
          { id: 'detresse', label: 'Détresse', value: 4, min: 0, max: 10 },
          {
            id: 'confiance',
            label: 'Confiance',
            value: 2,
            min: 0,
            max: 10,
            thresholds: { direction: 'down', warning: 5, danger: 3 },
          },
        ]}
      />,
    );
    const values = [...container.querySelectorAll('.variable__value')].map((e) => e.textContent);
    expect(values[0]).toBe('4 sur 10');
    expect(values[1]).toMatch(/^2 sur 10 /);
    // Each meter sits in the framed track (its border is the extent against the page).
    expect(container.querySelectorAll('.variable__track > meter')).toHaveLength(2);
    expect(screen.getByRole('meter', { name: 'Détresse' }).getAttribute('aria-valuetext')).toBe('4 sur 10');
  });
});
