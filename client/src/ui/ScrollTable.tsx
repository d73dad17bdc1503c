// A wide table that scrolls within its own box rather than the page (reflow at 320 px), the box
// reachable by keyboard and named as a table (apart from the section that holds it).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export function ScrollTable({ name, children }: { name: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={t('ui.table', { name })} tabIndex={0}>
      {children}
    </div>
  );
}
