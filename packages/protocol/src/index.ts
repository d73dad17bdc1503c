export * from './constants.js';
export * from './errors.js';
export * from './messages.js';
export * from './events.js';
export * from './rest.js';
export * from './debrief.js';
export * from './exports.js';
export * from './accounts.js';
