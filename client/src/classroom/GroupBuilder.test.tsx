// The « invalid groups » alert: shown while the groups cannot be launched, gone once they are valid,
// and not raised again by the roster changing after a successful launch. The class's settings
// (« La machine joue l'appelant·e », the help mode) shown as given and changed through `onSettings`.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { DEFAULT_CLASS_SETTINGS } from '@ecoute/protocol';
import type { ClassLearner, ClassSettings, ScenarioSummary } from '@ecoute/protocol';
import { useState } from 'react';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupBuilder } from './GroupBuilder.js';

const learners = [
  { learnerId: 'l1', pseudonym: 'Malik' },
  { learnerId: 'l2', pseudonym: 'Inès' },
] as ClassLearner[];
const scenarios = [{ id: 'sc1', title: 'Appel' }] as ScenarioSummary[];

/** The builder, with a button standing for the roster losing its first learner. */
function Harness() {
  const [roster, setRoster] = useState(learners);
  return (
    <>
      <button type="button" onClick={() => setRoster(learners.slice(1))}>
        drop
      </button>
      <GroupBuilder
        learners={roster}
        calls={[]}
        scenarios={scenarios}
        settings={DEFAULT_CLASS_SETTINGS}
        onSettings={() => undefined}
        launch={() => Promise.resolve(true)}
      />
    </>
  );
}

describe('GroupBuilder', () => {
  it('clears the invalid-groups alert once valid and keeps it away after a launch', async () => {
    renderWithSession(<Harness />);
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Rôle de Malik'), { target: { value: 'listener' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer tous les appels' }));
      await Promise.resolve();
    });
    // The roster changes after the launch (the listener reconnects elsewhere): no stale alert.
    fireEvent.click(screen.getByRole('button', { name: 'drop' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cannot « Former au hasard » before anyone joined, and says why', () => {
    renderWithSession(
      <GroupBuilder
        learners={[]}
        calls={[]}
        scenarios={scenarios}
        settings={DEFAULT_CLASS_SETTINGS}
        onSettings={() => undefined}
        launch={() => Promise.resolve(true)}
      />,
    );
    const random = screen.getByRole('button', { name: 'Former au hasard' });
    expect(random.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(random.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /Aucun·e apprenant·e n’a encore rejoint/,
    );
  });

  it('shows the class’s settings as kept and hands each change on, whole', () => {
    const changes: ClassSettings[] = [];
    const kept: ClassSettings = { hintMode: 'no_hints', askTrainer: false, machineCaller: true };
    function Kept() {
      const [settings, setSettings] = useState(kept);
      return (
        <GroupBuilder
          learners={learners}
          calls={[]}
          scenarios={scenarios}
          settings={settings}
          onSettings={(next) => {
            changes.push(next);
            setSettings(next);
          }}
          launch={() => Promise.resolve(true)}
        />
      );
    }
    renderWithSession(<Kept />);
    const machine = screen.getByRole('checkbox', {
      name: 'La machine joue l’appelant·e',
    }) as HTMLInputElement;
    const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
    expect(machine.checked).toBe(true);
    expect(radio(/^Sans indices/).checked).toBe(true);
    expect(radio(/^Guidé/).checked).toBe(false);
    expect(screen.getByRole('group', { name: /^Mode d.aide de l.écoutant·e$/ })).toBeTruthy();

    fireEvent.click(machine);
    fireEvent.click(radio(/^Parole libre/));
    fireEvent.click(screen.getByRole('switch', { name: /Me demander de choisir/ }));
    expect(changes).toEqual([
      { hintMode: 'no_hints', askTrainer: false, machineCaller: false },
      { hintMode: 'free_speech', askTrainer: false, machineCaller: false },
      { hintMode: 'free_speech', askTrainer: true, machineCaller: false },
    ]);
    expect(machine.checked).toBe(false);
  });

  it('says under « Parole libre » when the round’s call has no example phrases, as the single session form', () => {
    const without = [
      { id: 'sc1', title: 'Appel', speechExamples: { moves: 8, withExamples: 8 } },
      { id: 'sc2', title: 'Sans phrases', speechExamples: { moves: 8, withExamples: 0 } },
    ] as ScenarioSummary[];
    renderWithSession(
      <GroupBuilder
        learners={learners}
        calls={[]}
        scenarios={without}
        settings={DEFAULT_CLASS_SETTINGS}
        onSettings={() => undefined}
        launch={() => Promise.resolve(true)}
      />,
    );
    expect(screen.queryByText(/^Cet appel n'a pas de phrases exemples/)).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scénario du tour' }), {
      target: { value: 'sc2' },
    });
    expect(screen.getByText(/^Cet appel n'a pas de phrases exemples/)).toBeTruthy();
  });
});
