import { afterEach, describe, expect, it } from '@jest/globals';
import { LINKS_KEPT_MS, readSessionLinks, saveSessionLinks } from './savedLinks.js';

const links = {
  sessionId: 's1',
  links: { trainer: '/animation/s1#k=t', listener: '/ecoute/s1#k=l', observer: '/observation/s1#k=o' },
};

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('saved session links', () => {
  it('keeps the links in localStorage for a while, not forever', () => {
    saveSessionLinks(links, 1000);
    sessionStorage.clear(); // another tab: localStorage only
    expect(readSessionLinks('s1', 1000 + LINKS_KEPT_MS - 1)).toEqual(links);
    expect(readSessionLinks('s1', 1000 + LINKS_KEPT_MS)).toBeNull();
    // The expired entry is removed, tokens and all.
    expect(localStorage.getItem('ecoute.links.s1')).toBeNull();
  });

  it('drops links kept by an older version without an expiry', () => {
    localStorage.setItem('ecoute.links.s1', JSON.stringify(links));
    expect(readSessionLinks('s1')).toBeNull();
    expect(localStorage.getItem('ecoute.links.s1')).toBeNull();
  });
});
