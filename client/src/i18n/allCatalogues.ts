// Both catalogues, registered at once: the app's entry (every page but a debrief link's) and the
// tests, which switch languages synchronously.
import { registerCatalogue } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';

registerCatalogue('fr', fr);
registerCatalogue('en', en);
