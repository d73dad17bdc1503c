import { describe, expect, it } from '@jest/globals';
import { translate } from '../i18n/catalogue.js';
import { sentenceName } from './JoinedAs.js';

describe('sentenceName', () => {
  it('gives a name ending with a full stop one full stop in « Vous : … »', () => {
    expect(translate('fr', 'join.as', { name: sentenceName('Lucie M.') })).toBe(
      translate('fr', 'join.as', { name: 'Lucie M' }),
    );
    expect(translate('fr', 'join.as', { name: sentenceName('Lucie M.') })).not.toContain('..');
    expect(sentenceName('Noé…')).toBe('Noé');
  });

  it('leaves other names as they are, and a name of dots alone', () => {
    expect(sentenceName('Camille')).toBe('Camille');
    expect(sentenceName('J.-P. Martin')).toBe('J.-P. Martin');
    expect(sentenceName('...')).toBe('...');
  });
});
