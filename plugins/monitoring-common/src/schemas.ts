import { z } from 'zod';
import { entityRefSchema } from '@internal/plugin-court-common';

/** `GET /incidents`: newest first, by entity or system, open only or all. */
export const listIncidentsQuerySchema = z.strictObject({
  entityRef: entityRefSchema(['system', 'resource', 'component']).optional(),
  status: z.enum(['open', 'cleared']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListIncidentsQuery = z.input<typeof listIncidentsQuerySchema>;
