/**
 * Court Ops Portal paging: WeCom, DingTalk, SMS gateway and e-mail with acknowledgement and escalation.
 *
 * @packageDocumentation
 */

export { pagingPlugin as default } from './plugin';
export { pagingNotificationsModule } from './notificationsModule';

// What the benchmark (scripts/bench/paging-outbox.ts) drives directly.
export { PagingStore } from './database/PagingStore';
