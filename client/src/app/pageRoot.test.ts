import { describe, expect, it } from '@jest/globals';
import { pageRoot } from './pageRoot.js';

describe('pageRoot', () => {
  it("returns the page's #root", () => {
    const doc = document.implementation.createHTMLDocument('x');
    const root = doc.createElement('div');
    root.id = 'root';
    doc.body.append(root);
    expect(pageRoot('index.html', doc)).toBe(root);
  });

  it('names the page whose HTML has no #root', () => {
    const doc = document.implementation.createHTMLDocument('x');
    expect(() => pageRoot('debrief.html', doc)).toThrow('debrief.html has no #root');
  });
});
