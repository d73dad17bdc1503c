import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
    </div>
  );
}
