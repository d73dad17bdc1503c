// A catalogue loaded on demand, each in a chunk of its own: a debrief link's page loads the
// page's language before its first render, the other when a person chooses it.
import { hasCatalogue, registerCatalogue, type Lang } from './catalogue.js';

const loading = new Map<Lang, Promise<void>>();

export function loadCatalogue(lang: Lang): Promise<void> {
  if (hasCatalogue(lang)) return Promise.resolve();
  let load = loading.get(lang);
  if (!load) {
    load = (
      lang === 'en'
        ? import('./en.js').then((m) => registerCatalogue('en', m.en))
        : import('./fr.js').then((m) => registerCatalogue('fr', m.fr))
    ).finally(() => loading.delete(lang));
    loading.set(lang, load);
  }
  return load;
}
