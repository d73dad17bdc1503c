// A tile of the floor reads as a trainer says it: a silence as a length in words (not « 1:54 »,
// read as a moment of the call), one observer in the singular.
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { FloorTile } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { readLinkName } from '../join/linkName.js';
import { floorTile } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { FloorTileCard } from './FloorTileCard.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

function renderTile(overrides: Partial<FloorTile>, listen: { link?: string; as?: string } = {}): void {
  renderWithSession(
    <FloorTileCard
      tile={floorTile({ t: 120_000, callMs: 114_000, urgency: 1, ...overrides })}
      trainerLink={null}
      observerLink={listen.link ?? null}
      listenAs={listen.as ?? null}
      send={() => Promise.resolve(true)}
    />,
  );
}

// The texts as written (their no-break spaces kept: Testing Library's matchers fold them).
const alertText = () => screen.getByRole('listitem').textContent;
const whoText = () => screen.getByRole('article').querySelector('.floor-tile__who')?.textContent;

describe('a tile of the floor', () => {
  it('says a silence as a length in minutes and seconds', () => {
    renderTile({ alerts: [{ kind: 'silence', ms: 114_400 }] });
    expect(alertText()).toBe(fr('classroom.alert.silence', { minutes: 1, seconds: 54 }));
  });

  it('says a silence under a minute in seconds', () => {
    renderTile({ alerts: [{ kind: 'silence', ms: 31_000 }] });
    expect(alertText()).toBe(fr('classroom.alert.silenceSeconds', { seconds: 31 }));
  });

  it('names one observer in the singular', () => {
    renderTile({ observers: ['Bilal'] });
    expect(whoText()).toContain(fr('classroom.floor.observers.one', { names: 'Bilal' }));
  });

  it('names several observers in the plural', () => {
    renderTile({ observers: ['Bilal', 'Chloé'] });
    const names = ['Bilal', 'Chloé'].join(fr('ui.listSeparator'));
    expect(whoText()).toContain(fr('classroom.floor.observers.other', { names }));
  });

  it('« Écouter » names the signed-in trainer in the link, so that the call page does not ask', () => {
    renderTile({}, { link: '/observation/s1#k=abc', as: 'Claire Martin' });
    const href = screen.getByRole('link', { name: fr('classroom.floor.listen') }).getAttribute('href')!;
    expect(href.startsWith('/observation/s1#k=abc&')).toBe(true);
    expect(readLinkName(new URL(href, 'https://ecoute.test').hash)).toEqual({
      name: 'Claire Martin',
      pseudonym: false,
    });
  });

  it('« Écouter » gives no name when no trainer is known', () => {
    renderTile({}, { link: '/observation/s1#k=abc' });
    expect(screen.getByRole('link', { name: fr('classroom.floor.listen') }).getAttribute('href')).toBe(
      '/observation/s1#k=abc',
    );
  });

  it('in English, keeps the call’s title and the variables’ names French (lang=fr), its own words English', () => {
    const variable = {
      id: 'detresse',
      label: 'Détresse',
      value: 4,
      min: 0,
      max: 10,
      level: 'ok' as const,
    };
    const tile = floorTile({ t: 120_000, callMs: 114_000, variables: [{ ...variable, history: [3, 4] }] });
    renderWithSession(
      <FloorTileCard
        tile={tile}
        trainerLink={null}
        observerLink={null}
        listenAs={null}
        send={() => Promise.resolve(true)}
      />,
      { lang: 'en' },
    );
    const heading = screen.getByRole('heading', { level: 3 });
    expect(heading.textContent).toBe(
      `${translate('en', 'classroom.floor.tile', { group: tile.group, round: tile.round })}${translate('en', 'ui.separator.dash')}${tile.scenarioTitle}`,
    );
    expect(heading.querySelector('[lang="fr"]')?.textContent).toBe(tile.scenarioTitle);
    const names = Array.from(
      screen.getByRole('article').querySelectorAll('.floor-tile__variables [lang="fr"]'),
    );
    expect(names.map((el) => el.textContent)).toEqual(['Détresse']);
  });
});
