// jsdom lacks a few Web APIs that Node has and the browser libraries expect (react-router uses
// TextEncoder): lend them Node's.
import { TextDecoder, TextEncoder } from 'node:util';

globalThis.TextEncoder ??= TextEncoder;
globalThis.TextDecoder ??= TextDecoder;

// The engine's run clones its context with structuredClone (the studio runs it in the page).
import { deserialize, serialize } from 'node:v8';

globalThis.structuredClone ??= (value) => deserialize(serialize(value));

// Both catalogues registered, as the app's entry does: tests switch languages synchronously.
import './src/i18n/allCatalogues.js';

// A French browser, as the browser tests' (locale fr-FR): a page with no language chosen opens in
// the browser's (i18n/storedLang.ts), and jsdom's says en-US.
Object.defineProperty(globalThis.navigator, 'languages', { value: ['fr-FR', 'fr'], configurable: true });
Object.defineProperty(globalThis.navigator, 'language', { value: 'fr-FR', configurable: true });
