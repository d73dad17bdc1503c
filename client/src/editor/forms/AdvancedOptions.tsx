// `studio.forms.advanced`: what only who writes the YAML needs (a short name as the text cites it),
// folded out of the way, so that the forms show a trainer the names people read and nothing else.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';

export function AdvancedOptions({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="studio-advanced disclosure">
      <summary>{t('studio.forms.advanced')}</summary>
      {children}
    </details>
  );
}
