import { useI18n } from '../i18n/index.js';
import { SCENARIO_LANG, scenarioLangAttribute } from '../i18n/scenarioLang.js';
import type { EntryLine } from './describeEntry.js';
import { frenchSpacing } from './frenchSpacing.js';

/**
 * An entry's words (live transcript, debrief). The part the scenario wrote (a caller line, a
 * move's label) is marked with the scenario's language on a page in another one, so that a screen
 * reader says it in French. With `frenchTypography`, a French spoken line gets U+202F before
 * ! ? ; : — the caller's lines whatever the page's language, the listener's on a French page.
 */
export function EntryText({
  line,
  className,
  frenchTypography = false,
}: {
  line: EntryLine;
  className?: string;
  frenchTypography?: boolean;
}) {
  const { lang } = useI18n();
  const scenarioLang = scenarioLangAttribute(lang);
  const whole = line.scenarioPart === line.text;
  const spoken = line.voice === 'caller' || line.voice === 'listener';
  const french = frenchTypography && spoken && (lang === SCENARIO_LANG || whole);
  const text = french ? frenchSpacing(line.text) : line.text;
  const part = line.scenarioPart;
  const at = part && !whole && scenarioLang ? line.text.indexOf(part) : -1;
  if (at < 0 || !part) {
    return (
      <span className={className} lang={whole ? scenarioLang : undefined}>
        {text}
      </span>
    );
  }
  return (
    <span className={className}>
      {line.text.slice(0, at)}
      <span lang={scenarioLang}>{part}</span>
      {line.text.slice(at + part.length)}
    </span>
  );
}
