import type { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';
import {
  AuditOutcome,
  AuditRowContent,
  canonicalJson,
} from '@internal/plugin-audit-common';

/** An auditor event as Backstage's default auditor hands it to its log function. */
export interface LoggedAuditorEvent {
  plugin: string;
  eventId: string;
  severityLevel: AuditorServiceEventSeverityLevel;
  actor: { actorId?: string; ip?: string };
  request?: { url: string; method: string };
  meta?: Record<string, unknown>;
  status: AuditOutcome;
  error?: unknown;
}

/**
 * The meta keys that name what an event was about, most specific first: the court's families
 * (`ticket`, `documentId`, ...) and Backstage's own (`entityRef`, `taskId`, `locationId`).
 */
const TARGET_KEYS = [
  'ticket',
  'change',
  'documentId',
  'article',
  'device',
  'report',
  'plan',
  'round',
  'entityRef',
  'entityRefs',
  'locationId',
  'location',
  'taskId',
  'templateRef',
  'permission',
  'id',
] as const;

/**
 * The court's events without a request that act for a user (the permission policy's denials)
 * name the user here; the row's actor is then the user, not the plugin that logged it.
 */
export const ACTOR_META_KEY = 'actorRef';

function targetOf(meta: Record<string, unknown> | undefined): string | null {
  for (const key of TARGET_KEYS) {
    const value = meta?.[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first) return first.slice(0, 255);
    if (typeof first === 'number') return String(first);
  }
  return null;
}

function messageOf(error: unknown): string | null {
  if (error === undefined || error === null) return null;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The row an event becomes, stamped with the court clock's instant. */
export function recordOf(
  event: LoggedAuditorEvent,
  occurredAt: string,
): AuditRowContent {
  const onBehalfOf = event.meta?.[ACTOR_META_KEY];
  const actor =
    !event.request && typeof onBehalfOf === 'string'
      ? onBehalfOf
      : event.actor.actorId ?? null;
  return {
    kind: 'event',
    occurredAt,
    plugin: event.plugin,
    eventId: event.eventId,
    severity: event.severityLevel,
    outcome: event.status,
    actor,
    target: targetOf(event.meta),
    method: event.request?.method ?? null,
    url: event.request?.url?.slice(0, 2000) ?? null,
    ip: event.actor.ip ?? null,
    meta:
      event.meta && Object.keys(event.meta).length > 0
        ? canonicalJson(event.meta)
        : null,
    error: messageOf(event.error)?.slice(0, 2000) ?? null,
  };
}
