export { actorOf } from './caller';
export type { Caller } from './caller';
export { createCourtRouter } from './courtRouter';
export type { CourtRouter } from './courtRouter';
export { describeIssues, parseInput } from './parseInput';
export { readConfigAt } from './readConfig';
export { SYSTEM_FIELDS, systemOf } from './systemOf';
export { pluginFetch } from './pluginFetch';
