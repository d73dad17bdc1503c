// jsdom lacks a few Web APIs that Node has and the browser libraries expect (react-router uses
// TextEncoder): lend them Node's.
import { TextDecoder, TextEncoder } from 'node:util';

globalThis.TextEncoder ??= TextEncoder;
globalThis.TextDecoder ??= TextDecoder;
