/**
 * The Court Ops Portal service desk backend.
 *
 * @packageDocumentation
 */

export { ticketsPlugin as default } from './plugin';

// What the benchmarks (scripts/bench) drive directly, below the HTTP layer.
export { DatabaseTicketFiguresStore } from './database/TicketFiguresStore';
export type { SlaProjection, StoredEvent } from './database/rows';
export { TicketSla } from './service/TicketSla';
export { clockRows, projectionColumns } from './database/SlaProjectionStore';
export { entityRows } from './database/TicketRecordStore';
