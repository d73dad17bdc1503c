import { describe, expect, it } from '@jest/globals';
import { translate } from './catalogue.js';
import type { MessageKey } from './fr.js';
import { joinParts } from './joinParts.js';

const fr = (key: MessageKey) => translate('fr', key);

describe('joinParts', () => {
  it("joins the pieces with the catalogue's separator and leaves out the empty ones", () => {
    expect(joinParts(fr, ['Accueil', 'état actif'], 'dash')).toBe('Accueil — état actif');
    expect(joinParts(fr, ['En ligne', false, '0:12', null, ''], 'dot')).toBe('En ligne · 0:12');
    expect(joinParts(fr, [undefined], 'dot')).toBe('');
  });
});
