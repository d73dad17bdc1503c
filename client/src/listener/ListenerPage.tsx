import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ClassMessages } from '../join/ClassMessageNotice.js';
import { ClassReturnLink } from '../join/ClassReturnLink.js';
import { JoinedAs } from '../join/JoinedAs.js';
import { useSessionContext } from '../socket/index.js';
import { CATEGORY_ORDER, MoveButtons } from '../ui/MoveButtons.js';
import { idleKeys, layoutMoves, PHONE_KEYS } from '../ui/moveShortcuts.js';
import { shortcutText } from '../ui/Kbd.js';
import { useKeyMap } from '../ui/shortcutKeys.js';
import { useShortcutKeySet } from '../ui/shortcutMode.js';
import { DebriefLink } from '../debrief/DebriefLink.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import './listener.css';
import { SayForm } from '../ui/SayForm.js';
import { RolePageTitle } from '../ui/RolePageTitle.js';
import { SessionNotices } from '../ui/SessionNotices.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';
import { Transcript } from '../ui/Transcript.js';
import { useCallerVoice } from '../ui/useCallerVoice.js';
import { STORED_SWITCHES, useStoredSwitch } from '../ui/useStoredSwitch.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { useSendInput } from '../ui/useSendInput.js';
import { focusQuietly, useFocusRescue } from '../ui/useFocusRescue.js';
import { useShortcuts, type KeyBinding } from '../ui/useShortcuts.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';
import { NotesPad } from './NotesPad.js';
import { PushToTalk } from './PushToTalk.js';
import { SeatNotice, SeatReaderNotice } from './SeatNotice.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { usePhoneSounds, type PhoneSoundOptions } from './usePhoneSounds.js';
import { WhisperPanel } from './WhisperPanel.js';
import { keyReasons } from './keyReasons.js';
import { useKeyNotice } from './useKeyNotice.js';
import '../ui/roleLayout.css';

type PhoneView = 'call' | 'answer' | 'notes';

const PHONE_VIEWS = {
  call: 'listener.view.call',
  answer: 'listener.view.answer',
  notes: 'listener.view.notes',
} as const satisfies Record<PhoneView, MessageKey>;

/** The phone's bottom bar (shown on narrow screens only): which part of the console is shown. */
function PhoneViewSwitch({ value, onChange }: { value: PhoneView; onChange: (view: PhoneView) => void }) {
  const { t } = useI18n();
  return (
    <nav className="phone-view-switch" aria-label={t('listener.view.label')}>
      {(Object.keys(PHONE_VIEWS) as PhoneView[]).map((id) => (
        <button
          key={id}
          type="button"
          aria-pressed={value === id}
          className="phone-view-switch__button"
          onClick={() => onChange(id)}
        >
          {t(PHONE_VIEWS[id])}
        </button>
      ))}
    </nav>
  );
}

/** The call as the listener reads it: their notes live in the notes pad, arrivals in the trainer's list. */
export function shownToListener(entry: TimelineEntry): boolean {
  return !(entry.kind === 'input' && (entry.input.kind === 'note' || entry.input.kind === 'join'));
}

/**
 * The learner's console: a phone (ring, pick up, hold, hang up, call time, cues), the caller's
 * voice and transcript, the trainer's whispers, the moves the call offers and the actions
 * always at hand (each with its key), `say.label`, and a private notes pad.
 */
export function ListenerPage({ createSounds }: { createSounds?: PhoneSoundOptions['create'] } = {}) {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'listener' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  const { submit, errorCode } = useSendInput(session.send, session.entries);
  // Both kept in this browser: a screen reader's user, who hears each line from it, turns the
  // caller's voice off once (the two said every line together).
  const [voiceOn, setVoiceOn] = useStoredSwitch(STORED_SWITCHES.callerVoice, true);
  const [soundsOn, setSoundsOn] = useStoredSwitch(STORED_SWITCHES.phoneSounds, true);
  const sayRef = useRef<HTMLTextAreaElement>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const movesHeadingId = useId();
  const pageRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  // When the call ends, the answer area and the phone's buttons go: focus to the outcome's heading
  // (`outcome.heading`), `debrief.open` next, not to the phone's heading above it.
  useFocusRescue(pageRef, () => pageRef.current?.querySelector<HTMLElement>('#outcome-heading') ?? null);

  const connected = session.status === 'connected';
  // The link open on another page that has the seat: this one reads (or has not chosen yet).
  const seatStatus = session.seat?.status ?? 'holder';
  const readOnly = seatStatus !== 'holder';
  const live = connected && view !== null && !view.paused && !readOnly;
  const inCall = live && view.phase === 'connected';
  const voice = useCallerVoice({
    entries: session.entries,
    voice: view?.voice,
    enabled: voiceOn && !view?.paused && seatStatus !== 'occupied',
    ready: view !== null,
  });
  const sounds = usePhoneSounds({
    ringing: live && view.phase === 'ringing',
    onHold: inCall && view.onHold,
    muted: !soundsOn,
    entries: session.entries,
    ready: view !== null,
    ...(createSounds ? { create: createSounds } : {}),
  });

  const role = t('role.listener');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(title);

  // On a phone, one part of the console at a time (a bottom bar switches): the conversation,
  // the answers (with the last lines above them), the notes. Once the call is picked up, the
  // answers show (the caller has spoken: it is the listener's turn; on the conversation view a
  // newcomer was left with the phone's hold and hang-up buttons, the moves out of sight).
  // When the call ends, the conversation shows, with the outcome and the debrief link in view.
  // Until the person (or a pick-up, or the ending) chooses, the part follows the call as it was
  // found: a page reloaded during a call opens on the answers, as after the pick-up (it opened on
  // the conversation, the moves hidden); before the pick-up and after the ending, the conversation.
  const [chosenView, setPhoneView] = useState<PhoneView | null>(null);
  const phoneView: PhoneView =
    chosenView ?? (view?.phase === 'connected' && !view.ending ? 'answer' : 'call');
  // Set by an acknowledged pick-up until the focus has gone to the answers: how it was made.
  const answerAfterPickup = useRef<{ byKeyboard: boolean } | null>(null);
  // Each acknowledged pick-up renders again: its effect may be drawn before the ack, the answers
  // then already shown (the call found connected) and the phase 'connected' — nothing else changes.
  const [pickups, setPickups] = useState(0);
  const pickup = (byKeyboard: boolean) =>
    void submit({ kind: 'pickup' }).then((ok) => {
      if (!ok) return;
      answerAfterPickup.current = { byKeyboard };
      setPickups((count) => count + 1);
      setPhoneView('answer');
    });
  // The pick-up button (phone.pickup) is gone: the focus goes to the answers once they are shown
  // (the ack may come before or after the pick-up's effect is drawn), when it was on the phone
  // (hidden in the phone's listener.view.answer), nowhere, or on the page's title — where the
  // join left it: Alt+C pressed there left a keyboard user nine Tabs from the first move at
  // 1366×768, seven at 390×844. Guided: the moves' heading (moves.heading), the first move one Tab
  // on. Free speech: « Ce que je dis » itself when picked up by keyboard; after a tap or a click
  // the last lines' heading (a field focused on a phone opens its keyboard over those lines).
  // Focus the person put elsewhere (the notes) stays there.
  const phase = view?.phase;
  const freeSpeech = view?.mode === 'free_speech';
  useEffect(() => {
    const made = answerAfterPickup.current;
    if (!made || phoneView !== 'answer' || phase !== 'connected') return;
    const target = freeSpeech
      ? made.byKeyboard
        ? sayRef.current
        : pageRef.current?.querySelector<HTMLElement>('.role-layout__transcript h2')
      : answerRef.current?.querySelector<HTMLElement>('h2, h3');
    if (!target) return;
    answerAfterPickup.current = null;
    const active = document.activeElement;
    const title = pageRef.current?.querySelector('h1');
    if (active && active !== document.body && active !== title && !active.closest('.phone')) return;
    // By keyboard, its ring drawn (Chromium draws none after Alt+C); after a tap or a click, none.
    focusQuietly(target, { ring: made.byKeyboard });
  }, [phoneView, phase, freeSpeech, pickups]);
  const hangup = () => void submit({ kind: 'hangup' });
  const hold = () => void submit({ kind: 'hold' });
  const unhold = () => void submit({ kind: 'unhold' });
  const move = (id: string) => void submit({ kind: 'move', move: id });
  const [keySet] = useShortcutKeySet();
  const [keyMap] = useKeyMap();
  const layout = layoutMoves(view?.moves ?? [], CATEGORY_ORDER, keySet, keyMap);
  // The call's moves, offered now or not (the scenario's, with every sync): the help lists their keys only.
  const callMoves = useMemo(() => new Set(labels.moves.keys()), [labels.moves]);

  // Why a key of the call does nothing now: the console's status line says it.
  const reasons = keyReasons({ connected, readOnly, paused: view?.paused ?? false, phase: view?.phase }, t);
  const keyNotice = useKeyNotice();

  const bindings: KeyBinding[] = view
    ? [
        {
          shortcut: PHONE_KEYS.pickup,
          enabled: live && view.phase === 'ringing',
          run: () => pickup(true),
          unavailable: reasons.pickup,
        },
        {
          shortcut: PHONE_KEYS.hold,
          enabled: inCall,
          run: view.onHold ? unhold : hold,
          unavailable: reasons.notInCall,
        },
        { shortcut: PHONE_KEYS.hangup, enabled: inCall, run: hangup, unavailable: reasons.notInCall },
        {
          shortcut: PHONE_KEYS.voice,
          enabled: voice.available,
          run: () => setVoiceOn((on) => !on),
          unavailable: t('voice.unavailable'),
        },
        { shortcut: PHONE_KEYS.sounds, enabled: true, run: () => setSoundsOn((on) => !on) },
        {
          shortcut: PHONE_KEYS.say,
          enabled: inCall,
          run: () => sayRef.current?.focus(),
          unavailable: reasons.notInCall,
        },
        {
          shortcut: PHONE_KEYS.notes,
          enabled: connected && !readOnly,
          run: () => notesRef.current?.focus(),
          unavailable: reasons.notLive,
        },
        ...[...layout.shortcuts].map(([id, shortcut]) => ({
          shortcut,
          enabled: inCall,
          run: () => move(id),
          unavailable: reasons.notInCall,
        })),
        // The move keys no move takes now (digits past the moves shown, standard moves not offered).
        ...(view.mode === 'free_speech' ? [] : idleKeys(layout, callMoves, keySet, keyMap)).map(
          ({ shortcut, moveId }) => ({
            shortcut,
            enabled: false,
            run: () => undefined,
            unavailable:
              moveId === undefined
                ? t('shortcuts.unavailable.noMove', { key: shortcutText(shortcut, t) })
                : t('shortcuts.unavailable.move', { move: labels.moves.get(moveId) ?? moveId }),
          }),
        ),
      ]
    : [];
  const escapeTo = useCallback(
    () => document.getElementById(movesHeadingId) ?? document.getElementById('phone-heading'),
    [movesHeadingId],
  );
  // Single keys (1…0) act only in the answer area (WCAG 2.1.4); Alt ones page-wide.
  useShortcuts(bindings, {
    active: view !== null,
    escapeTo,
    area: () => answerRef.current,
    onUnavailable: keyNotice.say,
    // A newcomer's first single key lands on the page's title: say where those keys act.
    onOutsideArea: (shortcut) =>
      keyNotice.say(
        t('shortcuts.outsideArea', { key: shortcutText(shortcut, t), say: shortcutText(PHONE_KEYS.say, t) }),
      ),
  });

  const ended = view?.ending != null;
  useEffect(() => {
    if (!ended) return;
    setPhoneView('call');
    // After the transcript has followed the last lines (it scrolls too), bring the outcome up.
    const timer = window.setTimeout(() => {
      // (jsdom has no scrolling: the method may be missing there.)
      const outcome: Partial<Pick<HTMLElement, 'scrollIntoView'>> | null = document.querySelector(
        '.role-page--listener .outcome',
      );
      outcome?.scrollIntoView?.({ block: 'start' });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [ended]);

  return (
    <div className="role-page role-page--listener" ref={pageRef}>
      <RolePageTitle role={role} view={view} />
      <JoinedAs />
      <SessionNotices session={session} view={view} inputError={errorCode}>
        {view ? (
          <SeatReaderNotice seat={session.seat} onChoose={(action) => void session.setSeat(action)} />
        ) : null}
        {/* Outside the phone's views (each hides the others): said and seen whichever is shown. */}
        {keyNotice.notice ? <p className="key-notice">{keyNotice.notice}</p> : null}
      </SessionNotices>
      <ClassMessages />
      {view ? <SeatNotice seat={session.seat} onChoose={(action) => void session.setSeat(action)} /> : null}
      {view && seatStatus !== 'occupied' ? (
        <>
          <div className="role-layout role-layout--listener" data-phone-view={phoneView}>
            <div className="role-layout__side">
              <PhonePanel
                view={view}
                entries={session.entries}
                controls={{
                  enabled: live,
                  onPickup: pickup,
                  onHangup: hangup,
                  onHold: hold,
                  onUnhold: unhold,
                }}
              />
              <div className="panel sound-switches">
                <VoiceSwitch
                  checked={voiceOn}
                  onChange={setVoiceOn}
                  available={voice.available}
                  shortcut={PHONE_KEYS.voice}
                />
                <ToggleSwitch
                  label={t('sounds.label')}
                  checked={soundsOn}
                  onChange={setSoundsOn}
                  shortcut={PHONE_KEYS.sounds}
                  note={soundsOn && sounds.blocked ? t('sounds.blocked') : null}
                />
              </div>
              {view.ending ? <OutcomePanel ending={view.ending} /> : null}
              {view.ending ? (
                <p className="debrief-link">
                  <DebriefLink className="button" />
                </p>
              ) : null}
              {view.ending ? <ClassReturnLink /> : null}
              <NotesPad
                entries={session.entries}
                enabled={connected && !readOnly}
                fieldRef={notesRef}
                onNote={(text, shared) => submit({ kind: 'note', text, shared })}
              />
            </div>
            <div className="role-layout__transcript">
              <Transcript entries={session.entries} labels={labels} show={shownToListener} readings={false} />
              <WhisperPanel entries={session.entries} />
            </div>
            <div className="role-layout__main">
              {view.phase === 'connected' ? (
                <div className="answer-area" ref={answerRef}>
                  <SayForm
                    disabled={!inCall}
                    onSay={(text) => submit({ kind: 'say', text })}
                    fieldRef={sayRef}
                    shortcut={PHONE_KEYS.say}
                    freeSpeech={view.mode === 'free_speech'}
                  />
                  {view.mode === 'free_speech' ? (
                    <PushToTalk disabled={!inCall} onSay={(text) => void submit({ kind: 'say', text })} />
                  ) : (
                    <MoveButtons
                      moves={view.moves}
                      disabled={!inCall}
                      onMove={move}
                      shortcuts={layout.shortcuts}
                      headingId={movesHeadingId}
                    />
                  )}
                </div>
              ) : null}
              <ShortcutsHelp moves={callMoves} freeSpeech={view.mode === 'free_speech'} />
            </div>
          </div>
          {/* After the part it switches, where it is drawn (the bottom of the screen), as a phone's
              own tab bar is read: from the title the phone's « Décrocher » comes first (five Tabs
              away behind the bar's three buttons before), the bar a landmark to jump to. */}
          <PhoneViewSwitch value={phoneView} onChange={setPhoneView} />
        </>
      ) : null}
    </div>
  );
}
