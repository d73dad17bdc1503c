import { errorMessageKey, useI18n } from '../i18n/index.js';

/**
 * An alert region, always in the page so that screen readers announce the message as soon as
 * it appears. The message is the catalogue's text for the error code.
 */
export function ErrorAlert({ code, id }: { code?: string | null; id?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" id={id} className={code ? 'alert alert--error' : 'alert'}>
      {code ? t(errorMessageKey(code)) : null}
    </div>
  );
}
