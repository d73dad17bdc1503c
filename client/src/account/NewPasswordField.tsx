// The password a person chooses — first setup, an invitation accepted, a reset link —: the
// server's rule (better-auth's `minPasswordLength`, server/src/accounts/auth.ts) checked by the
// browser before sending and said under the field (`account.passwordHint`), the browser told it is
// a new password (`autoComplete`) so that its manager offers one. Written once: three forms.
import { useI18n } from '../i18n/index.js';
import { Field } from './Field.js';

/** As the server's `minPasswordLength`; `account.passwordHint` says it in words. */
export const MIN_PASSWORD_LENGTH = 10;

export function NewPasswordField({
  label,
  errorId,
  value,
  onChange,
}: {
  label: string;
  /** The id of the form's error region, given while it holds a message. */
  errorId: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field
      errorId={errorId}
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      hint={t('account.passwordHint')}
      minLength={MIN_PASSWORD_LENGTH}
      value={value}
      onChange={onChange}
    />
  );
}
