import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Input, MoveOption, TimelineEntry } from '@ecoute/engine';
import { renderWithSession } from '../test/renderWithSession.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { InterpretationsPanel } from './InterpretationsPanel.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** An accessible name that starts with `words`. */
const startingWith = (words: string) => (name: string) => name.startsWith(words);

const moves: MoveOption[] = [
  { id: 'reformuler', label: 'Reformuler', category: 'listening', help: '' },
  { id: 'rassurer', label: 'Rassurer sans promettre', category: 'listening', help: '' },
];
const labels: KnownLabels = {
  moves: new Map([
    ['reformuler', 'Reformuler'],
    ['rassurer', 'Rassurer sans promettre'],
    ['promettre', 'Lui promettre que tout s’arrangera'],
  ]),
  injects: new Map(),
  variables: new Map(),
  states: new Map(),
};
const entry = (seq: number, input: Input, source = 'listener'): TimelineEntry =>
  ({ seq, t: seq * 1000, at: '', source, kind: 'input', input }) as TimelineEntry;
/** A free sentence read as `move` (understood), as the server records it. */
const reading = (seq: number, n: number, text: string, move: string, score: number): TimelineEntry =>
  entry(seq, { kind: 'interpret', n, text, move, score, runnerUp: null, understood: true });

/** The panel in free speech, nothing pending, over `entries`. */
function panel(entries: TimelineEntry[]) {
  return (
    <InterpretationsPanel
      speech={{ mode: 'free_speech', pending: null }}
      entries={entries}
      moves={moves}
      labels={labels}
      enabled
      onCorrect={() => Promise.resolve(true)}
    />
  );
}

describe('InterpretationsPanel', () => {
  it('times each sentence on the call clock, from pickup (as the transcript does)', () => {
    renderWithSession(
      panel([entry(4, { kind: 'pickup' }), reading(9, 0, 'Je vous écoute', 'reformuler', 0.5)]),
    );
    // Said 5 s after the pickup (session time 9 s).
    expect(within(screen.getByRole('listitem')).getByText('0:05')).not.toBeNull();
  });

  it('lists each sentence with its reading, how close it came and the runner-up, and sends a correction', async () => {
    const sent: [number, string][] = [];
    renderWithSession(
      <InterpretationsPanel
        speech={{ mode: 'free_speech', pending: null }}
        entries={[
          entry(1, {
            kind: 'interpret',
            n: 0,
            text: 'Je ne peux pas vous promettre, mais on cherche ensemble',
            move: 'promettre',
            score: 0.62,
            runnerUp: { move: 'rassurer', score: 0.55 },
            understood: true,
          }),
          entry(2, { kind: 'correct', n: 0, move: 'rassurer', applied: true }, 'trainer'),
        ]}
        moves={moves}
        labels={labels}
        enabled
        onCorrect={(n, move) => (sent.push([n, move]), Promise.resolve(true))}
      />,
    );
    const item = within(screen.getByRole('listitem'));
    // In words, not as a percentage: « très proche » (0.62), « proche » (0.55).
    const readAs = fr('speech.trainer.readAs', {
      move: 'Lui promettre que tout s’arrangera',
      closeness: fr('speech.closeness.veryClose'),
    });
    const then = fr('speech.trainer.runnerUp', {
      move: 'Rassurer sans promettre',
      closeness: fr('speech.closeness.close'),
    });
    expect(item.getByText(plain(`${readAs} ${then}`))).not.toBeNull();
    expect(item.queryByText(/%/)).toBeNull();
    expect(
      item.getByText(plain(fr('speech.trainer.correctedApplied', { move: 'Rassurer sans promettre' }))),
    ).not.toBeNull();
    fireEvent.change(item.getByRole('combobox', { name: startingWith(fr('speech.trainer.correctLabel')) }), {
      target: { value: 'reformuler' },
    });
    await act(async () => {
      fireEvent.click(item.getByRole('button', { name: fr('speech.trainer.correct') }));
    });
    expect(sent).toEqual([[0, 'reformuler']]);
  });

  it('says a sentence not understood in words: the closest move far off, or no move close', () => {
    const notUnderstood = (seq: number, n: number, text: string, move: string | null, score: number) =>
      entry(seq, { kind: 'interpret', n, text, move, score, runnerUp: null, understood: false });
    renderWithSession(
      panel([notUnderstood(1, 0, 'Hmm, bon', 'reformuler', 0.12), notUnderstood(2, 1, 'Bof.', null, 0)]),
    );
    const [bof, hmm] = screen.getAllByRole('listitem');
    // Was « Non comprise (meilleure piste : aucune action, 0 %) ».
    expect(within(bof!).getByText(plain(fr('speech.trainer.notUnderstoodNone')))).not.toBeNull();
    expect(
      within(hmm!).getByText(
        plain(
          fr('speech.trainer.notUnderstood', { move: 'Reformuler', closeness: fr('speech.closeness.far') }),
        ),
      ),
    ).not.toBeNull();
    expect(screen.queryByText(/%|aucune action,/)).toBeNull();
  });

  it('starts each correction on the move the sentence was read as, named by its sentence', () => {
    renderWithSession(
      panel([
        reading(1, 0, 'Je comprends, ça doit être dur', 'rassurer', 0.7),
        reading(2, 1, 'Vous voulez dire que', 'reformuler', 0.8),
      ]),
    );
    const first = screen.getByRole('combobox', {
      name: 'Corriger en (la phrase «\u00a0Je comprends, ça doit être dur\u00a0»)',
    }) as HTMLSelectElement;
    expect(first.value).toBe('rassurer');
    const second = screen.getByRole('combobox', {
      name: 'Corriger en (la phrase «\u00a0Vous voulez dire que\u00a0»)',
    }) as HTMLSelectElement;
    expect(second.value).toBe('reformuler');
  });

  it('offers the moves offered when each sentence was said, not those of now', async () => {
    const sent: [number, string][] = [];
    const said = (seq: number, n: number, text: string, offered?: string[]): TimelineEntry =>
      entry(seq, {
        kind: 'interpret',
        n,
        text,
        move: null,
        score: 0.1,
        runnerUp: null,
        understood: false,
        ...(offered ? { offered } : {}),
      });
    renderWithSession(
      <InterpretationsPanel
        speech={{
          mode: 'free_speech',
          pending: { n: 1, text: 'Bon', move: null, score: 0.1, dueT: 21_000 },
        }}
        entries={[
          said(1, 0, 'Hmm', ['promettre', 'reformuler']),
          said(2, 1, 'Bon', ['promettre']),
          // Recorded before the moves offered were: those of now.
          said(3, 2, 'Euh'),
        ]}
        moves={moves}
        labels={labels}
        enabled
        onCorrect={(n, move) => (sent.push([n, move]), Promise.resolve(true))}
      />,
    );
    const optionsOf = (name: RegExp): (string | null)[] => {
      const select = screen.getByRole('combobox', { name });
      return within(select)
        .getAllByRole('option')
        .map((o) => o.textContent);
    };
    expect(optionsOf(/«\u00a0Hmm\u00a0»/)).toEqual(['Lui promettre que tout s’arrangera', 'Reformuler']);
    expect(optionsOf(/«\u00a0Euh\u00a0»/)).toEqual(['Reformuler', 'Rassurer sans promettre']);
    // The pick waiting for sentence 1 is asked at the top of the console (PickRequest): no form here.
    expect(screen.queryByRole('combobox', { name: /«\u00a0Bon\u00a0»/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: fr('speech.trainer.correct') })[0]!);
    });
    expect(sent).toEqual([[2, 'reformuler']]);
  });
});
