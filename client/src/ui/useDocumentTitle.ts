import { useEffect } from 'react';
import { useI18n } from '../i18n/index.js';
import { joinParts } from '../i18n/joinParts.js';

/**
 * Sets the tab's title (read first by screen readers when a page opens): the page's own title,
 * then the product's name, joined by the catalogue's separator — pages never write it themselves.
 */
export function useDocumentTitle(...parts: readonly (string | false | null | undefined)[]): void {
  const { t } = useI18n();
  const title = joinParts(t, [...parts, t('app.name')], 'dot');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
