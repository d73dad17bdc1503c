import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { useFieldMessages } from './useFieldMessages.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

/** A page's form, under the app's hook (as `AppLayout` calls it). */
function Page() {
  useFieldMessages();
  return <Form />;
}

function Form() {
  return (
    <form aria-label="form">
      <label htmlFor="name">name</label>
      <input id="name" required />
      <label htmlFor="mail">mail</label>
      <input id="mail" type="email" defaultValue="camille" />
      <label htmlFor="days">days</label>
      <input id="days" type="number" min={1} max={3650} defaultValue="0" />
      <label htmlFor="own">own</label>
      <input id="own" />
      <fieldset>
        <legend>role</legend>
        <input id="r1" type="radio" name="role" value="a" required aria-label="a" />
        <input id="r2" type="radio" name="role" value="b" aria-label="b" />
      </fieldset>
    </form>
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('useFieldMessages', () => {
  it("words the browser's checks in the page's language, each by what is wrong", () => {
    renderWithSession(<Page />);
    const name = field('name');
    expect(name.reportValidity()).toBe(false);
    expect(name.validationMessage).toBe(fr('form.invalid.missing'));
    field('mail').reportValidity();
    expect(field('mail').validationMessage).toBe(fr('form.invalid.email'));
    field('days').reportValidity();
    expect(field('days').validationMessage).toBe(fr('form.invalid.range', { min: '1', max: '3650' }));
    field('a').reportValidity();
    expect(field('a').validationMessage).toBe(fr('form.invalid.choice'));
  });

  it('in English on an English page', () => {
    renderWithSession(<Page />, { lang: 'en' });
    field('name').reportValidity();
    expect(field('name').validationMessage).toBe(translate('en', 'form.invalid.missing'));
  });

  it('leaves the browser its message without the hook (what the pages met before)', () => {
    renderWithSession(<Form />);
    field('name').reportValidity();
    expect(field('name').validationMessage).not.toBe(fr('form.invalid.missing'));
  });

  it('lets the field be checked afresh once the person types: valid once filled', () => {
    renderWithSession(<Page />);
    const name = field('name');
    name.reportValidity();
    fireEvent.input(name, { target: { value: 'Camille' } });
    expect(name.validity.valid).toBe(true);
    expect(name.validationMessage).toBe('');
    // Emptied again: the browser finds it missing again, in French.
    fireEvent.input(name, { target: { value: '' } });
    expect(name.reportValidity()).toBe(false);
    expect(name.validationMessage).toBe(fr('form.invalid.missing'));
  });

  it('keeps the message a field sets itself', () => {
    renderWithSession(<Page />);
    const own = field('own');
    own.setCustomValidity('taken');
    own.reportValidity();
    expect(own.validationMessage).toBe('taken');
  });

  it('clears a group of radios once one is chosen', () => {
    renderWithSession(<Page />);
    field('a').reportValidity();
    fireEvent.click(field('b'));
    expect(field('a').validity.valid).toBe(true);
    expect(field('a').validationMessage).toBe('');
  });
});
