import type { ChainVerdict } from './chain';

export const AUDIT_OUTCOMES = ['initiated', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

/** One stored auditor event, as the audit page shows it. */
export interface AuditEvent {
  readonly seq: number;
  readonly kind: 'event' | 'checkpoint';
  /** ISO 8601 UTC, from the court clock. */
  readonly occurredAt: string;
  readonly plugin: string;
  readonly eventId: string;
  readonly severity: string;
  readonly outcome: string;
  /** `user:default/lina`, or `plugin:tickets` for a service. */
  readonly actor: string | null;
  /** What the event was about (an entity ref, a ticket number, a document id), when it says. */
  readonly target: string | null;
  readonly method: string | null;
  readonly url: string | null;
  readonly ip: string | null;
  readonly meta: unknown;
  readonly error: string | null;
}

/** A page of events, newest first. */
export interface AuditEventPage {
  readonly items: readonly AuditEvent[];
  readonly nextCursor?: string;
}

/** The latest verification of the chain: run by the daily check or on demand. */
export interface AuditVerification {
  /** ISO 8601 UTC, from the court clock. */
  readonly checkedAt: string;
  readonly verdict: ChainVerdict;
}
