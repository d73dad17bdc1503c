import { describe, expect, it } from '@jest/globals';
import { translate, type MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/catalogue.js';
import { schemaHoverTexts } from './schemaHoverTexts.js';

const fr = schemaHoverTexts((key: MessageKey, params?: MessageParams) => translate('fr', key, params));
const en = schemaHoverTexts((key: MessageKey, params?: MessageParams) => translate('en', key, params));
const hover = (texts: typeof fr, schema: unknown) => texts({ schema: schema as never, pointer: '/x' });

describe('schemaHoverTexts', () => {
  it('says the kind of value in French, the values to type as they are typed', () => {
    expect(hover(fr, { type: 'string', enum: ['easy', 'medium', 'hard'] }).typeInfo).toBe(
      'Une valeur parmi\u00a0: `easy`, `medium`, `hard`',
    );
    expect(hover(fr, { type: 'integer', description: 'Durée prévue, en minutes.' })).toEqual({
      message: 'Durée prévue, en minutes.',
      typeInfo: 'Valeur\u00a0: nombre entier',
    });
    expect(hover(fr, { type: ['string', 'null'] }).typeInfo).toBe('Valeur\u00a0: texte ou vide (null)');
    expect(hover(fr, { oneOf: [{ type: 'string' }, { type: 'object' }] }).typeInfo).toBe(
      'Plusieurs formes possibles\u00a0: voir la description.',
    );
  });

  it('speaks English when the person chose English', () => {
    expect(hover(en, { type: 'boolean' }).typeInfo).toBe('Value: yes or no (true, false)');
  });

  it('never shows the library’s English words (« string », « enum », « or »)', () => {
    const texts = [
      hover(fr, { type: 'string' }),
      hover(fr, { type: 'array' }),
      hover(fr, { enum: ['a', 'b'] }),
    ].map((t) => t.typeInfo);
    for (const text of texts) expect(text).not.toMatch(/\b(string|array|enum|or)\b/);
  });
});
