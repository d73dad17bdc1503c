import { describe, expect, it, jest } from '@jest/globals';
import { useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { act, screen, within } from '@testing-library/react';
import { inputEntry, lineEntry, observationEntry } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ANNOUNCED_FOR_MS, Transcript } from './Transcript.js';
import type { KnownLabels } from './useKnownLabels.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const labels: KnownLabels = {
  moves: new Map([['reformuler', 'Reformuler']]),
  injects: new Map([['sonnette', 'On sonne à la porte']]),
  variables: new Map([['distress', 'Détresse']]),
  states: new Map([['calme', 'Elle se calme']]),
};

function items(): string[] {
  return within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('Transcript', () => {
  it('lists the caller lines with their cue in a log that is not itself live (the announcer speaks)', () => {
    renderWithSession(
      <Transcript
        entries={[
          lineEntry(1, 'Je ne sais plus quoi faire.', { cue: 'sigh' }),
          lineEntry(2, 'Vous êtes là ?'),
        ]}
        labels={labels}
      />,
    );
    const list = screen.getByRole('list');
    expect(list.closest('[role="log"]')?.getAttribute('aria-live')).toBe('off');
    expect(items()[0]).toContain(fr('speaker.caller'));
    expect(items()[0]).toContain('(soupir)');
    expect(items()[0]).toContain('Je ne sais plus quoi faire.');
    expect(items()[1]).not.toContain('(');
  });

  it('says an arrival once: the same person joining again (a page reopened) « revient dans la séance »', () => {
    renderWithSession(
      <Transcript
        entries={[
          inputEntry(1, { kind: 'join', name: 'Inès' }, 'listener'),
          inputEntry(2, { kind: 'join', name: 'Marc' }, 'observer'),
          inputEntry(3, { kind: 'join', name: 'Inès' }, 'listener'),
          // Another role under the same name is another person's arrival.
          inputEntry(4, { kind: 'join', name: 'Inès' }, 'observer'),
        ]}
        labels={labels}
      />,
    );
    // Joins while the phone rings: their time reads `transcript.beforePickup` (no call time yet).
    expect(
      items().map((item) =>
        item.replace(/^.*?(Inès|Marc)/, '$1').replace(` ${translate('fr', 'transcript.beforePickup')}`, ''),
      ),
    ).toEqual([
      fr('entry.join', { name: 'Inès' }),
      fr('entry.join', { name: 'Marc' }),
      fr('entry.rejoin', { name: 'Inès' }),
      fr('entry.join', { name: 'Inès' }),
    ]);
  });

  it('shows each entry’s time once in the page’s text', () => {
    renderWithSession(
      <Transcript entries={[inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Bonjour.')]} labels={labels} />,
    );
    // « 0:01 », not also « à 0:01 » for screen readers.
    expect(items()[1]!.match(/\d+:\d\d/g)).toHaveLength(1);
    expect(items()[1]).not.toMatch(/à \d/);
  });

  it('shows a spoken line with a narrow no-break space before « ! ? »', () => {
    renderWithSession(
      <Transcript entries={[lineEntry(1, 'Il y a quelqu’un dedans ! Vous êtes là?')]} labels={labels} />,
    );
    expect(items()[0]).toContain('dedans\u202f! Vous êtes là\u202f?');
  });

  it('shows a stage direction in italics, apart from the spoken words', () => {
    renderWithSession(
      <Transcript
        entries={[lineEntry(1, 'Voilà.', { direction: 'il lit sur son carnet' })]}
        labels={labels}
      />,
    );
    const direction = within(screen.getByRole('list')).getByText('(il lit sur son carnet)');
    expect(direction.tagName).toBe('I');
    expect(items()[0]).toContain('Voilà.');
    expect(screen.getByText('Voilà.').textContent).not.toContain('carnet');
  });

  it('shows the listener moves by their label and the free words as said', () => {
    renderWithSession(
      <Transcript
        entries={[
          inputEntry(1, { kind: 'pickup' }),
          inputEntry(2, { kind: 'move', move: 'reformuler' }),
          inputEntry(3, { kind: 'say', text: 'Je vous écoute.' }),
          inputEntry(4, { kind: 'move', move: 'inconnu' }),
        ]}
        labels={labels}
      />,
    );
    expect(items()).toEqual([
      expect.stringContaining(fr('entry.pickup')),
      expect.stringContaining(fr('entry.move', { label: 'Reformuler' })),
      expect.stringContaining('Je vous écoute.'),
      expect.stringContaining(fr('entry.move', { label: 'inconnu' })),
    ]);
  });

  it('marks trainer-only entries', () => {
    renderWithSession(
      <Transcript
        entries={[
          inputEntry(1, { kind: 'inject', inject: 'sonnette' }, 'trainer'),
          observationEntry(2, { kind: 'variable', variable: 'distress', value: 60, previous: 40 }, 'system'),
          observationEntry(3, { kind: 'state', states: ['calme'] }, 'system'),
          observationEntry(4, { kind: 'note', text: 'Bien repéré' }, 'system'),
        ]}
        labels={labels}
      />,
    );
    const all = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(all.every((item) => item.classList.contains('entry--trainer-only'))).toBe(true);
    expect(items()[0]).toContain(fr('entry.inject', { label: 'On sonne à la porte' }));
    expect(items()[1]).toContain('Détresse : 40 → 60');
    expect(items()[2]).toContain(fr('entry.state', { states: 'Elle se calme' }));
    expect(items()[3]).toContain(fr('entry.note', { text: 'Bien repéré' }));
  });

  it('renders scenario text as text, never as HTML', () => {
    renderWithSession(
      <Transcript entries={[lineEntry(1, '<img src=x onerror=alert(1)>')]} labels={labels} />,
    );
    expect(items()[0]).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks English when the language is English', () => {
    renderWithSession(<Transcript entries={[lineEntry(1, 'Allô', { cue: 'crying' })]} labels={labels} />, {
      lang: 'en',
    });
    expect(screen.getByRole('heading', { name: 'Transcript' })).not.toBeNull();
    expect(items()[0]).toContain('(crying)');
  });

  it('marks what the scenario wrote as French on an English page, the rest as the page reads', () => {
    renderWithSession(
      <Transcript
        entries={[
          inputEntry(1, { kind: 'pickup' }),
          lineEntry(2, 'Vous êtes là ?', { direction: 'elle chuchote' }),
          inputEntry(3, { kind: 'move', move: 'reformuler' }),
          observationEntry(4, { kind: 'variable', variable: 'distress', value: 4, previous: 5 }),
        ]}
        labels={labels}
      />,
      { lang: 'en' },
    );
    const french = Array.from(document.body.querySelectorAll('[lang="fr"]')).map((el) => el.textContent);
    // The caller's line keeps its French spacing (U+202F before « ? ») on an English page too.
    expect(french).toEqual(['(elle chuchote) ', 'Vous êtes là\u202f?', 'Reformuler', 'Détresse']);
    expect(items()[2]).toContain(translate('en', 'entry.move', { label: 'Reformuler' }));
  });

  it('says how close a free sentence came to its move in words, in the page’s language, not as a percentage', () => {
    const said = (seq: number, n: number, move: string | null, score: number, understood: boolean) =>
      inputEntry(seq, {
        kind: 'interpret',
        n,
        text: `Phrase ${n}.`,
        move,
        score,
        runnerUp: null,
        understood,
      });
    renderWithSession(
      <Transcript
        entries={[
          said(1, 1, 'reformuler', 0.62, true),
          said(2, 2, 'reformuler', 0.27, true),
          said(3, 3, null, 0, false),
        ]}
        labels={labels}
      />,
      { lang: 'en' },
    );
    const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
    expect(items()[0]).toContain(
      en('speech.entry.readAs', { move: 'Reformuler', closeness: en('speech.closeness.veryClose') }),
    );
    expect(items()[1]).toContain(
      en('speech.entry.readAs', { move: 'Reformuler', closeness: en('speech.closeness.fair') }),
    );
    // Was « → not understood (no move, 0%) ».
    expect(items()[2]).toContain(en('speech.entry.notUnderstoodNone'));
    expect(items().join(' ')).not.toMatch(/%/);
  });

  it('tells each part of the call apart in a state line of parallel regions', () => {
    const regions = {
      ...labels,
      states: new Map([
        ['conversation', 'La démarche'],
        ['conversation.accueil', "Accueil : personne ne s'est présenté"],
        ['ecoute', "Le fil de l'échange"],
        ['ecoute.avant', 'Avant la présentation'],
        ['batterie', 'La batterie'],
        ['batterie.normale', 'Batterie normale'],
      ]),
    };
    renderWithSession(
      <Transcript
        entries={[
          observationEntry(
            1,
            { kind: 'state', states: ['conversation.accueil', 'ecoute.avant', 'batterie.normale'] },
            'system',
          ),
        ]}
        labels={regions}
      />,
    );
    const part = (region: string, state: string) => fr('entry.stateInRegion', { region, state });
    // Was « État : Accueil : personne ne s'est présenté, Avant la présentation, Batterie normale ».
    expect(items()[0]).toContain(
      fr('entry.stateRegions', {
        regions: [
          part('La démarche', "Accueil : personne ne s'est présenté"),
          part("Le fil de l'échange", 'Avant la présentation'),
          part('La batterie', 'Batterie normale'),
        ].join(fr('entry.stateRegionSeparator')),
      }),
    );
  });

  it('adds no lang on a French page', () => {
    renderWithSession(
      <Transcript
        entries={[lineEntry(1, 'Vous êtes là ?'), inputEntry(2, { kind: 'move', move: 'reformuler' })]}
        labels={labels}
      />,
    );
    expect(document.body.querySelectorAll('[lang]')).toHaveLength(0);
  });

  it('says in the page’s words that the trainer ended the call, not the engine’s French', () => {
    renderWithSession(
      <Transcript
        entries={[
          observationEntry(1, {
            kind: 'ending',
            ending: null,
            outcome: null,
            message: 'Appel terminé par le formateur ou la formatrice.',
            reason: 'trainer',
          }),
        ]}
        labels={labels}
      />,
      { lang: 'en' },
    );
    expect(items()[0]).toContain(translate('en', 'endReason.trainer'));
    expect(items()[0]).not.toContain('formateur');
  });
});

/** The page's text as a screen reader browsing it meets it: what is hidden from it (`aria-hidden`) left out. */
function readable(node: Node = document.body): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return Array.from(node.childNodes)
    .map((child) => readable(child))
    .join(' ');
}

/** What the page's live regions would say from now on: text added to one, or changed in one. */
function recordAnnouncements(): () => string[] {
  const said: string[] = [];
  const live = (node: Node): boolean => {
    const element = node instanceof Element ? node : node.parentElement;
    const region = element?.closest('[aria-live], [role="log"], [role="status"], [role="alert"]');
    return region !== null && region !== undefined && region.getAttribute('aria-live') !== 'off';
  };
  const take = (records: MutationRecord[]): void => {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (live(record.target) && record.target.textContent?.trim())
          said.push(record.target.textContent.trim());
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        const text = node.textContent?.trim();
        if (text && live(node)) said.push(text);
      }
    }
  };
  const observer = new MutationObserver(take);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  // The records not delivered yet too (fake timers hold the observer's microtask).
  return () => {
    take(observer.takeRecords());
    return said;
  };
}

describe('Transcript announcements (WCAG 4.1.3: what matters, once)', () => {
  const announcer = () => document.querySelector('.transcript__announcer')!;
  const history = [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?')];

  /** Renders the transcript; the returned function gives it new entries. */
  function renderTranscript(initial: TimelineEntry[], details = false): (next: TimelineEntry[]) => void {
    let setEntries: (next: TimelineEntry[]) => void = () => undefined;
    function Harness() {
      const [entries, set] = useState(initial);
      setEntries = set;
      return <Transcript entries={entries} labels={labels} details={details} />;
    }
    renderWithSession(<Harness />);
    return (next) => act(() => setEntries(next));
  }

  it('has its polite region from the start, and says nothing of the history', () => {
    renderTranscript(history);
    expect(announcer().getAttribute('aria-live')).toBe('polite');
    expect(announcer().children).toHaveLength(0);
  });

  it('announces a move and the caller’s answer once each, not the variables, states or pause', () => {
    const update = renderTranscript(history);
    const after = [
      ...history,
      inputEntry(3, { kind: 'move', move: 'reformuler' }),
      lineEntry(4, 'Oui, c’est ça.'),
      observationEntry(5, { kind: 'variable', variable: 'detresse', value: 4, previous: 5 }),
      observationEntry(6, { kind: 'state', states: ['ecoute.en_ligne'] }),
      inputEntry(7, { kind: 'pause' }, 'trainer'),
    ];
    update(after);
    update([...after]);
    const said = Array.from(announcer().children).map((p) => p.textContent);
    expect(said).toHaveLength(2);
    expect(said[1]).toContain('Oui, c’est ça.');
  });

  it('lets each line leave the region once said: read line by line, the page has it once, in the log', () => {
    jest.useFakeTimers();
    try {
      const update = renderTranscript(history);
      const first = [...history, inputEntry(3, { kind: 'move', move: 'reformuler' })];
      update(first);
      act(() => {
        jest.advanceTimersByTime(ANNOUNCED_FOR_MS / 2);
      });
      update([...first, lineEntry(4, 'Oui, c’est ça.')]);
      expect(announcer().children).toHaveLength(2);
      // The move leaves at its own time, the line later at its own.
      act(() => {
        jest.advanceTimersByTime(ANNOUNCED_FOR_MS / 2);
      });
      expect(Array.from(announcer().children).map((p) => p.textContent)).toEqual([
        expect.stringContaining('Oui, c’est ça.'),
      ]);
      act(() => {
        jest.advanceTimersByTime(ANNOUNCED_FOR_MS / 2);
      });
      expect(announcer().children).toHaveLength(0);
      expect(announcer().getAttribute('aria-live')).toBe('polite');
      expect(screen.getAllByText(/Oui, c’est ça\./)).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('has each new line once in what a screen reader browses, and says it once, in one live region', () => {
    jest.useFakeTimers();
    try {
      const said = recordAnnouncements();
      const render = renderTranscript(history);
      // Read as each change comes (a node removed later no longer tells its region).
      const update = (next: TimelineEntry[]) => {
        render(next);
        said();
      };
      const lines = ['Oui, c’est ça.', 'Je n’arrive plus à dormir.'];
      const first = [
        ...history,
        inputEntry(3, { kind: 'move', move: 'reformuler' }),
        lineEntry(4, lines[0]!),
      ];
      update(first);
      // The same entries again (a resync that brought nothing new): nothing said again.
      update([...first]);
      for (const line of lines) {
        if (line === lines[1]) update([...first, lineEntry(5, line)]);
        // Said, and browsed once: in the announcer while it is there, its log entry hidden meanwhile…
        expect(readable().split(line).length - 1).toBe(1);
        act(() => {
          jest.advanceTimersByTime(ANNOUNCED_FOR_MS);
        });
        // …then in the log alone.
        expect(readable().split(line).length - 1).toBe(1);
        expect(screen.getByRole('log').textContent).toContain(line);
      }
      for (const line of lines) expect(said().filter((text) => text.includes(line))).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('announces the variables and states too when the trainer asks for them', () => {
    const update = renderTranscript(history, true);
    update([
      ...history,
      observationEntry(3, { kind: 'variable', variable: 'detresse', value: 4, previous: 5 }),
    ]);
    expect(announcer().children).toHaveLength(1);
  });
});
