// The browser's own check of a form (a required field left empty, an e-mail without « @ », a
// number out of bounds) speaks the browser's language: « Please fill out this field » on a French
// page. While the page is shown, each field the browser finds invalid gets its message from the
// catalogue, in the page's language (`setCustomValidity`, which the browser's bubble and screen
// readers then say); the person's next keystroke clears it, so the browser checks the field
// afresh on the next submission. One listener for every form of the page, captured at the
// document (`invalid` does not bubble).
import { useEffect } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/catalogue.js';

type Checked = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isChecked(target: EventTarget | null): target is Checked {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The catalogue's message for what the browser found wrong, or null to leave the browser's. */
export function fieldMessage(field: Checked): { key: MessageKey; params?: MessageParams } | null {
  const { validity } = field;
  const type = field instanceof HTMLInputElement ? field.type : field.tagName.toLowerCase();
  if (validity.valueMissing) {
    if (type === 'checkbox') return { key: 'form.invalid.checkbox' };
    if (type === 'radio' || type === 'select') return { key: 'form.invalid.choice' };
    return { key: 'form.invalid.missing' };
  }
  if (validity.badInput) {
    if (type === 'number') return { key: 'form.invalid.number' };
    if (type === 'date') return { key: 'form.invalid.date' };
    return null;
  }
  if (validity.typeMismatch) {
    if (type === 'email') return { key: 'form.invalid.email' };
    return null;
  }
  if (validity.tooShort && 'minLength' in field)
    return { key: 'form.invalid.tooShort', params: { min: field.minLength, count: field.value.length } };
  if (validity.tooLong && 'maxLength' in field)
    return { key: 'form.invalid.tooLong', params: { max: field.maxLength } };
  if ((validity.rangeUnderflow || validity.rangeOverflow) && field instanceof HTMLInputElement) {
    const { min, max } = field;
    if (min !== '' && max !== '') return { key: 'form.invalid.range', params: { min, max } };
    if (validity.rangeUnderflow) return { key: 'form.invalid.min', params: { min } };
    return { key: 'form.invalid.max', params: { max } };
  }
  if (validity.stepMismatch) return { key: 'form.invalid.whole' };
  // A pattern (no field of Écoute has one) or another check: the browser's own words.
  return null;
}

/** While the page is shown: the browser's checks of its fields worded by the catalogue. */
export function useFieldMessages(): void {
  const { t } = useI18n();
  useEffect(() => {
    function onInvalid(event: Event): void {
      const field = event.target;
      if (!isChecked(field)) return;
      // A message of our own already set (a field that checks itself): kept.
      if (field.validity.customError && !field.hasAttribute('data-field-message')) return;
      field.setCustomValidity('');
      const message = fieldMessage(field);
      if (!message) return;
      field.setAttribute('data-field-message', '');
      field.setCustomValidity(t(message.key, message.params));
    }
    function onEdit(event: Event): void {
      const field = event.target;
      if (!isChecked(field)) return;
      // A group of radios: the message sat on the one the browser named, maybe not this one.
      const group =
        field instanceof HTMLInputElement && field.type === 'radio' && field.form && field.name
          ? [...field.form.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter(
              (radio) => radio.name === field.name,
            )
          : [field];
      for (const edited of group) {
        if (!edited.hasAttribute('data-field-message')) continue;
        // Checked afresh by the browser on the next submission: its message from here again.
        edited.removeAttribute('data-field-message');
        edited.setCustomValidity('');
      }
    }
    document.addEventListener('invalid', onInvalid, true);
    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);
    return () => {
      document.removeEventListener('invalid', onInvalid, true);
      document.removeEventListener('input', onEdit, true);
      document.removeEventListener('change', onEdit, true);
    };
  }, [t]);
}
