// The shared stylesheet first: each feature's own stylesheet (eager or in a lazy chunk) comes
// after it and refines it.
import './ui/styles.css';
// Every page of the app can switch languages at once: both catalogues with the entry.
import './i18n/allCatalogues.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pageRoot } from './app/pageRoot.js';
import { App } from './app/App.js';
import { prefetchDebrief } from './debrief/prefetchDebrief.js';

prefetchDebrief(window.location);

const root = pageRoot('index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
