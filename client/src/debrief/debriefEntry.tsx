// A debrief link's entry (`debrief.html`, which the server sends for `/debrief/<id>`): the
// debrief page with the app's layout, and nothing of the other pages (no listener's console, no
// socket.io-client, no router-wide list of lazy pages): the lanes' first paint waits for less
// JavaScript, and the page's chunk comes with the entry instead of after React rendered a route.
// The shared stylesheet first, as in the app's entry.
import '../ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pageRoot } from '../app/pageRoot.js';
import { loadCatalogue } from '../i18n/loadCatalogue.js';
import { storedLang } from '../i18n/storedLang.js';
import { prefetchDebrief } from './prefetchDebrief.js';
import { DebriefApp } from './DebriefApp.js';

prefetchDebrief(window.location);

const root = pageRoot('debrief.html');
// Only the page's language before the first render (`translate` is synchronous); the other one
// loads if a person chooses it. The page's first script has already asked it (`prefetchEntry.ts`).
void loadCatalogue(storedLang()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <DebriefApp />
    </StrictMode>,
  ),
);
