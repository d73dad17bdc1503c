// The « invalid groups » alert: shown while the groups cannot be launched, gone once they are valid,
// and not raised again by the roster changing after a successful launch. The class's settings
// (« La machine joue l'appelant·e », the help mode) shown as given and changed through `onSettings`.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { DEFAULT_CLASS_SETTINGS } from '@ecoute/protocol';
import type { ClassLearner, ClassSettings, ScenarioSummary } from '@ecoute/protocol';
import { useState } from 'react';
import { translate } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupBuilder } from './GroupBuilder.js';

/** The French catalogue's words (what a trainer reads). */
const fr = (key: MessageKey) => translate('fr', key);

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
      name: fr('classroom.groups.machine'),
    }) as HTMLInputElement;
    // A mode's radio is named by its label, then its description.
    const radio = (key: MessageKey) =>
      screen.getByRole('radio', { name: (name) => name.startsWith(fr(key)) }) as HTMLInputElement;
    expect(machine.checked).toBe(true);
    expect(radio('speech.mode.no_hints').checked).toBe(true);
    expect(radio('speech.mode.guided').checked).toBe(false);
    expect(screen.getByRole('group', { name: fr('speech.home.legend') })).toBeTruthy();

    fireEvent.click(machine);
    fireEvent.click(radio('speech.mode.free_speech'));
    fireEvent.click(screen.getByRole('switch', { name: fr('speech.home.askTrainer') }));
    expect(changes).toEqual([
      { hintMode: 'no_hints', askTrainer: false, machineCaller: false },
      { hintMode: 'free_speech', askTrainer: false, machineCaller: false },
      { hintMode: 'free_speech', askTrainer: true, machineCaller: false },
    ]);
    expect(machine.checked).toBe(false);
  });

  it('says under free speech when the round’s call has no example phrases, as the single session form', () => {
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
    // As the page shows it (getByText reads a no-break space as a plain one).
    const notice = () => screen.queryByText(fr('speech.home.noExamples').replace(/\s+/g, ' '));
    expect(notice()).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: fr('classroom.launch.scenario') }), {
      target: { value: 'sc2' },
    });
    expect(notice()).toBeTruthy();
  });
});
