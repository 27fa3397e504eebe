import { z } from 'zod';
import { AUDIT_OUTCOMES } from './types';

const text = (max: number) => z.string().trim().min(1).max(max);

/** An ISO 8601 instant with its offset (`2026-03-03T10:00:00+08:00`). */
const instant = z.iso.datetime({ offset: true });

/** The audit page's filters (GET /events, GET /events.xlsx). */
export const auditQuerySchema = z
  .strictObject({
    /** The actor: `user:default/lina`, `plugin:tickets`. */
    actor: text(255).optional(),
    plugin: text(64).optional(),
    /** The target: an entity ref, a ticket number, ... (exact). */
    target: text(255).optional(),
    /** The event id, e.g. `ticket-create`. */
    action: text(128).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** From this instant on (inclusive). */
    from: instant.optional(),
    /** Before this instant (exclusive). */
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: text(100).optional(),
  })
  .refine(q => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });

export type AuditQuery = z.input<typeof auditQuerySchema>;
export type ParsedAuditQuery = z.output<typeof auditQuerySchema>;
