export { systemScheduler, type Scheduler } from './scheduler.js';
export { ManualScheduler } from './manual-scheduler.js';
export { SessionClock } from './session-clock.js';
export { HandoverScheduler } from './handover-scheduler.js';
