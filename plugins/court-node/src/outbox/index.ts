export { LeasedOutbox } from './LeasedOutbox';
export type {
  ClaimedMessage,
  LeasedOutboxOptions,
  OutboxDatabase,
  OutboxMessage,
} from './LeasedOutbox';
export { DEFAULT_YIELD, yieldToRequests } from './yieldToRequests';
export type { YieldOptions } from './yieldToRequests';
