/** Rows to records and back, shared by the inspection stores. */
import { NewRound, StoredCheck, StoredResult, StoredRound } from './rows';

/** Rows per INSERT: well under SQLite's limit on bound variables. */
const CHUNK = 200;

type Row = Record<string, unknown>;

export const optional = <T>(value: T | null | undefined): T | undefined =>
  value ?? undefined;

export function toCheck(row: Row): StoredCheck {
  return {
    id: String(row.id),
    roundId: String(row.round_id),
    planId: optional(row.plan_id as string | null),
    deviceRef: String(row.device_ref),
    deviceTitle: String(row.device_title),
    deviceClass: String(row.device_class),
    systemRef: optional(row.system_ref as string | null),
    location: optional(row.location as string | null),
    routeOrder: String(row.route_order),
    templateId: String(row.template_id),
    templateVersion: Number(row.template_version),
    dueDate: String(row.due_date),
    dueBy: String(row.due_by),
    status: row.status as StoredCheck['status'],
    scannedAt: optional(row.scanned_at as string | null),
    completedAt: optional(row.completed_at as string | null),
    completedBy: optional(row.completed_by as string | null),
  };
}

export function toResult(row: Row): StoredResult {
  return {
    checkId: String(row.check_id),
    itemId: String(row.item_id),
    value: JSON.parse(String(row.value)),
    verdict: row.verdict as StoredResult['verdict'],
    stat: optional(row.stat as string | null),
    remark: optional(row.remark as string | null),
    idempotencyKey: String(row.idempotency_key),
    recordedBy: String(row.recorded_by),
    recordedAt: String(row.recorded_at),
    ticketNumber: optional(row.ticket_number as string | null),
  };
}

export function toRound(row: Row): StoredRound {
  return {
    id: String(row.id),
    date: String(row.date),
    kind: row.kind as StoredRound['kind'],
    team: optional(row.team as string | null),
    routeKey: String(row.route_key),
    assignee: optional(row.assignee as string | null),
    checks: Number(row.checks ?? 0),
    done: Number(row.done ?? 0),
    failed: Number(row.failed ?? 0),
    dueBy: String(row.due_by ?? row.date),
  };
}

export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(rows.slice(i, i + CHUNK));
  }
  return out;
}

export function roundColumns(round: NewRound) {
  return {
    id: round.id,
    date: round.date,
    kind: round.kind,
    team: round.team ?? null,
    route_key: round.routeKey,
    schedule_key: round.scheduleKey ?? null,
    assignee: round.assignee ?? null,
    created_at: round.createdAt,
    created_by: round.createdBy,
  };
}

/** Rows an INSERT … ON CONFLICT DO NOTHING … RETURNING added (both databases return them). */
export function insertedCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}
