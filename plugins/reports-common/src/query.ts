import { InputError } from '@backstage/errors';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import {
  futurePeriodProblem,
  ReportPeriod,
  reportPeriodSchema,
} from './period';

/**
 * The query of each family's figures endpoint: `from`, `to` and, where the
 * family has per-system figures, `system` (a System entity ref, checked
 * against the catalog by the backend).
 */
export const figuresQuerySchema = z
  .object({ system: z.string().min(1).max(255).optional() })
  .and(reportPeriodSchema);

export type FiguresQuery = z.output<typeof figuresQuerySchema>;

/**
 * The tickets backend's figures query: `facts=none` answers the figures without the facts
 * behind them (`TicketFiguresOnly`), for a report that shows figures only, or the previous
 * period's column; a month's facts are megabytes of JSON.
 */
export const ticketFiguresQuerySchema = z
  .object({ facts: z.enum(['all', 'none']).default('all') })
  .and(figuresQuerySchema);

export type TicketFiguresQuery = z.output<typeof ticketFiguresQuerySchema>;

/**
 * @throws InputError naming `query.to` when the period's last day has not
 * ended at `now` in `zone`
 */
export function requirePeriodOver(
  period: ReportPeriod,
  now: DateTime,
  zone: string,
): void {
  const problem = futurePeriodProblem(period, now, zone);
  if (problem) throw new InputError(`query.to: ${problem}`);
}
