import { describe, expect, it } from '@jest/globals';
import { useState } from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { callerActorView, inputEntry, lineEntry, observationEntry } from '../test/fixtures.js';
import { libraryViews } from '../test/libraryViews.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { SessionContext, type Session } from '../socket/index.js';
import { CallerActorPage } from './CallerActorPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the caller actor reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

/** A text as the page's is read: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

const entries = [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?')];

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('CallerActorPage', () => {
  it('shows the cue cards: the persona and her secrets, what the call expects now', () => {
    renderWithSession(<CallerActorPage />, { session: fakeSession({ view: callerActorView(), entries }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      "Joueur·se de l'appelant·e — Nuit blanche",
    );
    const persona = within(screen.getByRole('region', { name: fr('actor.persona.heading') }));
    expect(persona.getByText('Vit seule depuis un an.')).not.toBeNull();
    const expects = within(screen.getByRole('region', { name: fr('actor.expects.heading') }));
    expect(expects.getByText('Elle pleure ; elle attend qu’on valide sa peine.')).not.toBeNull();
  });

  it("« Votre personnage » is written for the one who plays: who first, the voice heard, their story — not the trainers' summary", () => {
    // A view as a server before this one sent it, with the call's summary: still not on the card.
    const header = callerActorView().scenario;
    const view = callerActorView({
      scenario: { ...header, summary: 'Une femme appelle en pleine nuit.' } as typeof header,
      voice: { lang: 'fr-FR', rate: 0.8, pitch: 1.2 },
    });
    renderWithSession(<CallerActorPage />, { session: fakeSession({ view, entries }) });
    const card = screen.getByRole('region', { name: fr('actor.persona.heading') });
    const paragraphs = [...card.querySelectorAll('p')].map((p) => plain(p.textContent ?? ''));
    expect(paragraphs[0]).toBe(plain(fr('actor.persona.who', { name: 'Martine', age: 58, place: 'Lyon' })));
    expect(paragraphs[1]).toBe(
      plain(
        fr('actor.persona.voice', {
          pace: fr('actor.persona.pace.slow'),
          pitch: fr('actor.persona.pitch.high'),
        }),
      ),
    );
    expect(within(card).getByRole('heading', { level: 3, name: fr('actor.persona.story') })).not.toBeNull();
    expect(paragraphs.at(-1)).toBe('Vit seule depuis un an.');
    expect(card.textContent).not.toContain('Une femme appelle en pleine nuit.');
    expect(document.body.textContent).not.toContain('Une femme appelle en pleine nuit.');
  });

  it("a library call with notes for the trainer: the card has the caller's story, not the notes", () => {
    // As the engine gives each role its view of étudiante-crous (its persona has trainerNotes).
    const { trainer, callerActor } = libraryViews('etudiante-crous');
    const notes = trainer.persona.trainerNotes;
    expect(notes).toContain('Leviers');
    renderWithSession(<CallerActorPage />, { session: fakeSession({ view: callerActor, entries }) });
    const card = screen.getByRole('region', { name: fr('actor.persona.heading') });
    const shown = plain(card.textContent ?? '');
    expect(shown).toContain(plain(trainer.persona.background.slice(0, 60)));
    expect(document.body.textContent).not.toContain(notes!.slice(0, 40));
    for (const words of ['Leviers', 'Dans la réalité', 'formateur', 'formatrice'])
      expect([words, shown.includes(words)]).toEqual([words, false]);
    expect(within(card).queryByRole('heading', { name: fr('trainer.persona.trainerNotes') })).toBeNull();
  });

  it("shows a suggested line's stage direction before it, as the transcripts do: how to say it", () => {
    const view = callerActorView({
      suggestions: [
        { line: 'seule', text: 'Je suis toute seule, vous savez.', direction: 'la voix tremble' },
      ],
    });
    renderWithSession(<CallerActorPage />, { session: fakeSession({ view, entries }) });
    const suggestions = screen.getByRole('region', { name: fr('actor.suggestions.heading') });
    const line = within(suggestions).getByText(fr('entry.direction', { direction: 'la voix tremble' }));
    expect(line.closest('i')).not.toBeNull();
    expect(line.closest('p')?.textContent).toBe(
      `${fr('entry.direction', { direction: 'la voix tremble' })} Je suis toute seule, vous savez.`,
    );
  });

  it("closing: the caller's last line is there to say, the call ending after it", async () => {
    const last = "Ça y est, je suis dedans ! Merci, vous avez été d'une grande patience.";
    const view = callerActorView({
      closing: true,
      states: [{ id: 'connectee', label: 'Connectée (très bien)', description: null }],
      suggestions: [{ line: 'connectee', text: last }],
    });
    const session = fakeSession({ view, entries });
    renderWithSession(<CallerActorPage />, { session });
    const expects = screen.getByRole('region', { name: fr('actor.expects.heading') });
    expect(plain(expects.textContent ?? '')).toContain(plain(fr('actor.expects.closing')));
    expect(within(expects).queryByText('Connectée (très bien)')).toBeNull();
    const suggestions = screen.getByRole('region', { name: fr('actor.suggestions.heading') });
    expect(plain(suggestions.textContent ?? '')).toContain(plain(fr('actor.suggestions.closing')));
    await click(
      within(suggestions).getByRole('button', { name: fr('actor.suggestions.say'), description: last }),
    );
    expect(session.sent).toEqual([{ kind: 'speak', text: last, line: 'connectee' }]);
  });

  it('says why nothing is expected yet, or any more, instead of « Aucun état actif »', () => {
    const expects = () => screen.getByRole('region', { name: fr('actor.expects.heading') }).textContent ?? '';
    const ringing = renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView({ phase: 'ringing', states: [] }), entries: [] }),
    });
    expect(expects()).toMatch(/^Ce que l'appel attend maintenant\s*Le téléphone sonne\s: /);
    expect(expects()).not.toMatch(/état actif/);
    ringing.unmount();
    // No listener has joined yet: the phone rings for no one, the card and the phone say so.
    const alone = renderWithSession(<CallerActorPage />, {
      session: fakeSession({
        view: callerActorView({ phase: 'ringing', states: [] }),
        entries: [],
        presence: { participants: [{ role: 'callerActor', name: 'Sacha', connections: 1 }] },
      }),
    });
    expect(plain(expects())).toContain(plain(fr('actor.expects.waitingListener')));
    const phone = screen.getByRole('region', { name: fr('phone.heading') });
    expect(plain(phone.textContent ?? '')).toContain(plain(fr('phone.waitingListener')));
    expect(phone.textContent).not.toContain(fr('phone.ringing'));
    alone.unmount();
    renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView({ phase: 'ended', states: [] }), entries }),
    });
    expect(expects()).toMatch(/L'appel est terminé\.$/);
  });

  it('at the end: the call expects nothing more, no line to say, the outcome in their place, the focus on it', () => {
    let setSession: (session: Session) => void = () => undefined;
    function Host() {
      const [session, set] = useState<Session>(fakeSession({ view: callerActorView(), entries }));
      setSession = set;
      return (
        <SessionContext value={session}>
          <CallerActorPage />
        </SessionContext>
      );
    }
    renderWithSession(<Host />);
    screen.getByRole('button', { name: fr('actor.suggestions.say') }).focus();
    // The engine keeps the states the call ended in.
    const ended = callerActorView({
      phase: 'ended',
      ending: { ending: 'raccroche', outcome: 'failure', message: 'Elle a raccroché.', reason: 'scenario' },
    });
    act(() => setSession(fakeSession({ view: ended, entries })));
    const expects = screen.getByRole('region', { name: fr('actor.expects.heading') });
    expect(expects.textContent).toMatch(/L'appel est terminé\.$/);
    expect(within(expects).queryByText('Détresse forte')).toBeNull();
    expect(screen.queryByRole('button', { name: fr('actor.suggestions.say') })).toBeNull();
    expect(screen.queryByRole('button', { name: fr('actor.suggestions.adapt') })).toBeNull();
    expect(screen.queryByLabelText(fr('actor.speak.label'))).toBeNull();
    const outcome = screen.getByRole('region', { name: fr('outcome.heading') });
    // In the column of what to say (first on a phone), not under the persona.
    expect(outcome.closest('.role-layout__main')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('outcome.heading') }));
  });

  it('says of the entries the listener does not see that the listener does not see them (not « formateur·rice seulement »: the actor sees them)', () => {
    const hidden = observationEntry(3, { kind: 'state', states: ['calme'] }, 'system');
    renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView(), entries: [...entries, hidden] }),
    });
    const transcript = screen.getByRole('region', { name: fr('transcript.heading') });
    const item = within(transcript).getAllByRole('listitem').at(-1)!;
    expect(item.textContent).toContain(`(${fr('entry.notForListener')})`);
    expect(item.textContent).not.toContain(fr('entry.trainerOnly'));
  });

  it("shows its own line once, as the caller's line the listener hears (not also as « Réplique jouée »)", () => {
    const played = [
      ...entries,
      inputEntry(
        3,
        { kind: 'speak', text: 'Je suis toute seule, vous savez.', line: 'seule' },
        'callerActor',
      ),
      lineEntry(4, 'Je suis toute seule, vous savez.', { line: 'seule' }),
    ];
    renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView(), entries: played }),
    });
    const transcript = within(screen.getByRole('log'));
    const items = transcript.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const said = items.filter((item) => item.textContent?.includes('toute seule'));
    expect(said).toHaveLength(1);
    expect(said[0]!.textContent).toMatch(new RegExp(`^${fr('speaker.caller')} `));
    expect(said[0]!.textContent).not.toContain(fr('entry.speak', { text: '' }).trim());
    expect(said[0]!.textContent).not.toContain(fr('speaker.callerActor'));
    expect(said[0]!.textContent).not.toContain(fr('entry.notForListener'));
  });

  it('says a suggested line as it is, or adapted, or its own words', async () => {
    const session = fakeSession({ view: callerActorView(), entries });
    renderWithSession(<CallerActorPage />, { session });
    await click(
      screen.getByRole('button', {
        name: fr('actor.suggestions.say'),
        description: 'Je suis toute seule, vous savez.',
      }),
    );
    await click(
      screen.getByRole('button', {
        name: fr('actor.suggestions.adapt'),
        description: 'Je suis toute seule, vous savez.',
      }),
    );
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: fr('actor.speak.label') });
    expect(field.value).toBe('Je suis toute seule, vous savez.');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Je suis seule, voilà.' } });
    await act(async () => {
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    fireEvent.change(field, { target: { value: 'Attendez…' } });
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.change(field, { target: { value: 'Vous êtes là ?' } });
    await click(screen.getByRole('button', { name: fr('actor.speak.submit') }));
    expect(session.sent).toEqual([
      { kind: 'speak', text: 'Je suis toute seule, vous savez.', line: 'seule' },
      { kind: 'speak', text: 'Je suis seule, voilà.', line: 'seule' },
      { kind: 'speak', text: 'Vous êtes là ?' },
    ]);
  });

  it('triggers its own reactions; those unavailable now say why', async () => {
    const session = fakeSession({ view: callerActorView(), entries });
    renderWithSession(<CallerActorPage />, { session });
    const choices = within(screen.getByRole('region', { name: fr('actor.choices.heading') }));
    expect(choices.getByRole<HTMLButtonElement>('button', { name: 'Coupure de ligne' }).disabled).toBe(true);
    await click(choices.getByRole('button', { name: 'On sonne à la porte' }));
    expect(session.sent).toEqual([{ kind: 'inject', inject: 'sonnette' }]);
  });

  it('says the pause while the call is paused, and no longer once the paused call has ended', () => {
    const paused = renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView({ paused: true }), entries }),
    });
    expect(screen.getByText(fr('session.paused'))).not.toBeNull();
    paused.unmount();
    renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView({ paused: true, phase: 'ended' }), entries }),
    });
    expect(screen.queryByText(fr('session.paused'))).toBeNull();
    expect(screen.queryByText(fr('status.paused'))).toBeNull();
  });

  it('waits for the pickup before anything can be said', () => {
    renderWithSession(<CallerActorPage />, {
      session: fakeSession({ view: callerActorView({ phase: 'ringing' }) }),
    });
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: fr('actor.speak.label') }).disabled).toBe(
      true,
    );
    expect(
      screen.getByRole<HTMLButtonElement>('button', {
        name: fr('actor.suggestions.say'),
        description: 'Je suis toute seule, vous savez.',
      }).disabled,
    ).toBe(true);
  });
});
