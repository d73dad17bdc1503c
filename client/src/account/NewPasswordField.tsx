// The password a person chooses — first setup, an invitation accepted, a reset link —: the
// server's rule (the protocol's `MIN_PASSWORD_LENGTH`, given to better-auth) checked by the
// browser before sending and said under the field (`account.passwordHint`), the browser told it is
// a new password (`autoComplete`) so that its manager offers one. Written once: three forms.
import { MIN_PASSWORD_LENGTH } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { Field } from './Field.js';

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
