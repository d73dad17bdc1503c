// A debrief link's first script: the server names it in that page's HTML (`async`, before the
// app's entry), so the debrief's answer is asked while the app's own JavaScript still loads and
// runs. The app reads the answer from the same module (`takePrefetched`); without this script
// (the dev server, an older server) the app's entry asks it itself.
import { loadCatalogue } from '../i18n/loadCatalogue.js';
import { storedLang } from '../i18n/storedLang.js';
import { prefetchDebrief } from './prefetchDebrief.js';

prefetchDebrief(window.location);
// The page's catalogue too (the debrief's entry waits for it before its first render).
void loadCatalogue(storedLang());
