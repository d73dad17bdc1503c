// A debrief link's first script: the server names it in that page's HTML (`async`, before the
// app's entry), so the debrief's answer is asked while the app's own JavaScript still loads and
// runs. The app reads the answer from the same module (`takePrefetched`); without this script
// (the dev server, an older server) the app's entry asks it itself.
import { prefetchDebrief } from './prefetchDebrief.js';

prefetchDebrief(window.location);
