// The « invalid groups » alert: shown while the groups cannot be launched, gone once they are valid,
// and not raised again by the roster changing after a successful launch. The class's settings
// (« La machine joue l'appelant·e », the help mode) shown as given and changed through `onSettings`.
// On a page opened (or reloaded) during a round, the groups and roles of that round, valid; rotated,
// the roles move and the rows stay.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { DEFAULT_CLASS_SETTINGS } from '@ecoute/protocol';
import type { ClassCall, ClassLearner, ClassRole, ClassSettings, ScenarioSummary } from '@ecoute/protocol';
import { useState } from 'react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupBuilder } from './GroupBuilder.js';
import { groupsOf, type GroupRow } from './groups.js';

/** The French catalogue's words (what a trainer reads). */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

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

/** A call of the class as `ClassDetail.calls` has it: its round, its group, who plays what. */
function call(round: number, group: number, members: [string, ClassRole][]): ClassCall {
  return {
    sessionId: `s${round}-${group}`,
    round,
    group,
    scenarioId: 'sc1',
    scenarioTitle: 'Appel',
    members: members.map(([learnerId, role]) => ({
      learnerId,
      pseudonym: learners3.find((l) => l.learnerId === learnerId)?.pseudonym ?? '',
      role,
    })),
    status: 'live',
    outcome: null,
    trainerLink: null,
    observerLink: null,
  };
}
const learners3 = [...learners, { learnerId: 'l3', pseudonym: 'Noé' }] as ClassLearner[];

/** The table as a trainer reads it: each row's learner and role, top to bottom. */
const table = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const name = row.querySelector('th')?.textContent ?? '';
      const role = row.querySelector<HTMLSelectElement>(
        `select[aria-label="${fr('classroom.groups.roleOf', { name })}"]`,
      )?.value;
      return `${name}: ${role}`;
    });

describe('GroupBuilder', () => {
  it('opens on the groups and roles of the round in progress, as launched: no alert, ready to launch', () => {
    // Round 1 ended; round 2 runs: Inès listens, Malik plays the caller, Noé observes.
    renderWithSession(
      <GroupBuilder
        learners={learners3}
        calls={[
          call(1, 1, [
            ['l1', 'listener'],
            ['l2', 'observer'],
          ]),
          call(1, 2, [['l3', 'listener']]),
          call(2, 1, [
            ['l2', 'listener'],
            ['l1', 'callerActor'],
            ['l3', 'observer'],
          ]),
        ]}
        scenarios={scenarios}
        settings={DEFAULT_CLASS_SETTINGS}
        onSettings={() => undefined}
        launch={() => Promise.resolve(true)}
      />,
    );
    expect(table()).toEqual(['Inès: listener', 'Malik: callerActor', 'Noé: observer']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: fr('classroom.launch.submit') }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('rotates the roles in place: each learner’s row where it was, only the roles moved', async () => {
    // The page's launch: the server keeps each call's members listener first (`ClassCall`).
    function Launching() {
      const [calls, setCalls] = useState<ClassCall[]>([]);
      const launch = (_scenarioId: string, rows: GroupRow[]) => {
        setCalls(
          (groupsOf(rows) ?? []).map((g, index) =>
            call(1, index + 1, [
              [g.listener, 'listener'],
              ...(g.callerActor ? [[g.callerActor, 'callerActor'] as [string, ClassRole]] : []),
              ...g.observers.map((id) => [id, 'observer'] as [string, ClassRole]),
            ]),
          ),
        );
        return Promise.resolve(true);
      };
      return (
        <GroupBuilder
          learners={learners3}
          calls={calls}
          scenarios={scenarios}
          settings={DEFAULT_CLASS_SETTINGS}
          onSettings={() => undefined}
          launch={launch}
        />
      );
    }
    renderWithSession(<Launching />);
    // Roles chosen by hand: the rows stay where they are.
    fireEvent.change(screen.getByLabelText(fr('classroom.groups.roleOf', { name: 'Inès' })), {
      target: { value: 'listener' },
    });
    fireEvent.change(screen.getByLabelText(fr('classroom.groups.roleOf', { name: 'Noé' })), {
      target: { value: 'callerActor' },
    });
    expect(table()).toEqual(['Malik: observer', 'Inès: listener', 'Noé: callerActor']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('classroom.launch.submit') }));
      await Promise.resolve();
    });
    fireEvent.click(screen.getByRole('button', { name: fr('classroom.groups.rotate') }));
    expect(table()).toEqual(['Malik: callerActor', 'Inès: observer', 'Noé: listener']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the invalid-groups alert once valid and keeps it away after a launch', async () => {
    renderWithSession(<Harness />);
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(fr('classroom.groups.roleOf', { name: 'Malik' })), {
      target: { value: 'listener' },
    });
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
      /Aucun·e apprenant·e n'a encore rejoint/,
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
