// A debrief link's entry (`debrief.html`, which the server sends for `/debrief/<id>`): the
// debrief page with the app's layout, and nothing of the other pages (no listener's console, no
// socket.io-client, no router-wide list of lazy pages). The lanes first: the debrief's answer and
// the page's catalogue are asked at once (the page's first script, `prefetchEntry.ts`, has
// usually asked them already), the lanes are painted without React as soon as they are in
// (`earlyPaint.ts`), and only then is React mounted (`debriefMount.tsx`, asked once the answer
// is in), taking the page whole. Until the answer is in, the page's stylesheets are all it loads
// besides: they are imported here, in the order the page had them, so the early screen has the
// page's look.
import '../ui/styles.css';
import '../ui/toggleSwitch.css';
import '../trainer/scenarioStates.css';
import '../trainer/variableGauges.css';
import '../charts/charts.css';
import './rubric.css';
import './debrief.css';
import '../ui/transcript.css';
import { loadCatalogue } from '../i18n/loadCatalogue.js';
import { storedLang } from '../i18n/storedLang.js';
import { paintLanesEarly } from './earlyPaint.js';
import { peekPrefetched, prefetchDebrief } from './prefetchDebrief.js';

/** A slow answer does not hold the page back: past this, React mounts and shows « Chargement ». */
const EARLY_PAINT_WAIT_MS = 1_000;

prefetchDebrief(window.location);
const root = document.getElementById('root');
if (!root) throw new Error('debrief.html has no #root');
const lang = storedLang();
void loadCatalogue(lang);
const lanesShown = Promise.race([
  paintLanesEarly(),
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), EARLY_PAINT_WAIT_MS)),
]);
// React's chunks asked once the answer is in (not before: they would share the connections
// with it), so that they load while the lanes are painted; React mounted once the lanes are on
// screen. Only the page's language before React's first render (`translate` is synchronous);
// the other one loads if a person chooses it.
const answerIn = Promise.race([peekPrefetched() ?? Promise.resolve(), lanesShown]).catch(() => undefined);
const react = answerIn.then(() => import('./debriefMount.js'));
void lanesShown
  .then(() => Promise.all([react, loadCatalogue(lang)]))
  .then(([mount]) => mount.mountDebrief(root));
