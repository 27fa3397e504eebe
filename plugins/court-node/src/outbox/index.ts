export { LeasedOutbox } from './LeasedOutbox';
export type {
  ClaimedMessage,
  LeasedOutboxOptions,
  OutboxDatabase,
  OutboxMessage,
} from './LeasedOutbox';
