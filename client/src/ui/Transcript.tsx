import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { scenarioLangAttribute } from '../i18n/scenarioLang.js';
import { announceEntry } from './announceEntry.js';
import { describeEntry, returningJoins } from './describeEntry.js';
import { EntryText } from './EntryText.js';
import { formatDuration } from './formatDuration.js';
import { headingTag, type HeadingLevel } from './headingLevel.js';
import { isBeforePickup, pickupSeq } from './callTime.js';
import { pickupTime } from './useCallElapsed.js';
import type { KnownLabels } from './useKnownLabels.js';
import './transcript.css';
import './whisperTag.css';

/** How close to the bottom (px) the reader must be for new entries to scroll into view. */
const FOLLOW_MARGIN = 48;

/** At most this many new entries in one render are announced; more is history (a resync). */
const ANNOUNCE_AT_ONCE = 8;
/** The announcer keeps this many lines (older ones leave it; it is read by additions only). */
const ANNOUNCER_KEEP = 6;
/**
 * How long (ms) a line stays in the announcer once added. A screen reader takes it when it is
 * added (its removal is not said, nor does it cut the speech); VoiceOver reads a region's text
 * some time after the change is signalled, so it is not emptied at once. Meanwhile the same entry
 * in the log is hidden from screen readers (`aria-hidden`): whoever reads the page line by line
 * meets each line once — in the announcer, just after the log, then in the log.
 */
export const ANNOUNCED_FOR_MS = 10_000;

/**
 * The call as text, in order: a log that screen readers may browse. What is announced goes
 * through one polite region beside it, each new entry once and only what matters
 * (`announceEntry`: lines, words, moves, injects; hidden variables and states with `details`);
 * the log itself is not live (a live log was read from its top by NVDA and JAWS in Chrome, and
 * its earlier lines repeated; it could not leave out what `announceEntry` leaves out, nor a
 * resync's history). Each line is in the accessibility tree once: while it is in the announcer
 * its entry in the log is `aria-hidden`, and it leaves the announcer once said
 * (`ANNOUNCED_FOR_MS`), its entry in the log shown again.
 */
export function Transcript({
  entries: allEntries,
  labels,
  show,
  readings = true,
  details = false,
  headingLevel = 2,
  hiddenNote = 'entry.trainerOnly',
}: {
  /** The trainer's choice: announce hidden variables, states and readings too. */
  details?: boolean;
  entries: TimelineEntry[];
  /** Free speech: whether each sentence shows how it was read (not on the listener's page). */
  readings?: boolean;
  labels: KnownLabels;
  /** Which entries this page lists (e.g. the listener's notes live in their own pad). */
  show?: (entry: TimelineEntry) => boolean;
  /** Its heading's level (2 on the consoles; lower when nested under a section's own heading). */
  headingLevel?: HeadingLevel;
  /**
   * What a screen reader hears after an entry the listener does not see: `entry.trainerOnly` on
   * the trainer's console; on the caller actor's and observer's pages, who see them too,
   * `entry.notForListener`.
   */
  hiddenNote?: 'entry.trainerOnly' | 'entry.notForListener';
}) {
  const { t, lang } = useI18n();
  const scenarioLang = scenarioLangAttribute(lang);
  const entries = useMemo(() => (show ? allEntries.filter(show) : allEntries), [allEntries, show]);
  const returning = useMemo(() => returningJoins(allEntries), [allEntries]);
  const headingId = useId();
  const Heading = headingTag(headingLevel);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Follow the newest entry, unless the reader has scrolled up to read an earlier one.
  useEffect(() => {
    const element = scroller.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [entries.length]);

  function onScroll(): void {
    const element = scroller.current;
    if (!element) return;
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_MARGIN;
  }

  // The entries there at the first render are history: only later ones are announced.
  const seen = useRef<number | null>(null);
  const [announced, setAnnounced] = useState<{ seq: number; text: string; at: number }[]>([]);
  useEffect(() => {
    const last = entries.at(-1)?.seq ?? 0;
    if (seen.current === null) {
      seen.current = last;
      return;
    }
    const since = seen.current;
    seen.current = Math.max(since, last);
    const fresh = entries.filter((entry) => entry.seq > since);
    if (fresh.length === 0 || fresh.length > ANNOUNCE_AT_ONCE) return;
    const said = fresh
      .filter((entry) => announceEntry(entry, { details }))
      .map((entry) => {
        const line = describeEntry(entry, labels, t, returning);
        const text = [line.speaker, line.cue, line.text].filter(Boolean).join(' ');
        return { seq: entry.seq, text, at: Date.now() };
      });
    if (said.length > 0) setAnnounced((before) => [...before, ...said].slice(-ANNOUNCER_KEEP));
  }, [entries, details, labels, t, returning]);
  // Said, each line leaves the announcer: the log is then the one place it is read.
  const oldest = announced[0];
  useEffect(() => {
    if (!oldest) return;
    const timer = window.setTimeout(
      () => setAnnounced((items) => items.filter((item) => item.seq !== oldest.seq)),
      Math.max(0, oldest.at + ANNOUNCED_FOR_MS - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [oldest]);

  // The entries the announcer holds: hidden in the log meanwhile, so that no line is read twice.
  const inAnnouncer = new Set(announced.map((item) => item.seq));

  // One clock: call time counts from pickup, as the status bar's call time (`phone.timer`) does.
  // An entry before the pickup has none: it reads `transcript.beforePickup`, the same before and after
  // the pickup, so that no time on screen ever goes backwards (ui/callTime.ts).
  const origin = pickupTime(allEntries) ?? 0;
  const pickup = pickupSeq(allEntries);
  const timeOf = (entry: TimelineEntry) =>
    isBeforePickup(entry.seq, pickup)
      ? t('transcript.beforePickup')
      : formatDuration(Math.max(0, entry.t - origin));

  return (
    <section className="panel transcript" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('transcript.heading')}</Heading>
      {/* Focusable so that keyboard users can scroll it. */}
      <div
        ref={scroller}
        role="log"
        aria-live="off"
        aria-labelledby={headingId}
        tabIndex={0}
        className="transcript__scroll"
        onScroll={onScroll}
      >
        {entries.length === 0 ? <p className="muted">{t('transcript.empty')}</p> : null}
        <ol className="transcript__list">
          {entries.map((entry) => {
            const line = describeEntry(entry, labels, t, returning);
            return (
              <li
                key={entry.seq}
                aria-hidden={inAnnouncer.has(entry.seq) ? true : undefined}
                className={`entry entry--${line.voice}${line.trainerOnly ? ' entry--trainer-only' : ''}${line.whisper ? ' entry--whisper' : ''}`}
              >
                <p className="entry__body">
                  <span className="entry__speaker">{line.speaker}</span>{' '}
                  {line.whisper ? <span className="whisper-tag">{t('whisper.tag')}</span> : null}
                  {line.whisper ? ' ' : null}
                  {line.cue ? (
                    <span className={`entry__cue${line.cueId ? ` cue--${line.cueId}` : ''}`}>{line.cue}</span>
                  ) : null}
                  {line.cue && line.text ? ' ' : null}
                  {line.direction ? (
                    <i className="entry__cue entry__direction" lang={scenarioLang}>
                      {line.direction}{' '}
                    </i>
                  ) : null}
                  {line.text ? <EntryText line={line} className="entry__text" frenchTypography /> : null}
                  {readings && line.interpretation ? (
                    <span className="entry__interpretation"> {line.interpretation}</span>
                  ) : null}
                  {line.trainerOnly ? <span className="visually-hidden"> ({t(hiddenNote)})</span> : null}
                </p>{' '}
                {/* The time once, read as shown (it was there twice in the page's text). */}
                <span
                  className={`entry__time${isBeforePickup(entry.seq, pickup) ? ' entry__time--before-pickup' : ''}`}
                >
                  {timeOf(entry)}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      <div className="visually-hidden transcript__announcer" aria-live="polite" aria-relevant="additions">
        {announced.map((item) => (
          <p key={item.seq}>{item.text}</p>
        ))}
      </div>
    </section>
  );
}
