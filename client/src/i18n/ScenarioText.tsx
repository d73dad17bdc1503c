import type { ReactNode } from 'react';
import { scenarioLangAttribute } from './scenarioLang.js';
import { useI18n } from './useI18n.js';

/**
 * A text of the scenario (a title, a caller line, a move's label…) on the page: marked with the
 * scenario's language when the page speaks another one, so that a screen reader switches voice.
 */
export function ScenarioText({ children, className }: { children: ReactNode; className?: string }) {
  const { lang } = useI18n();
  const scenarioLang = scenarioLangAttribute(lang);
  if (!scenarioLang && !className) return <>{children}</>;
  return (
    <span lang={scenarioLang} className={className}>
      {children}
    </span>
  );
}
