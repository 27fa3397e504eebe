import { CourtClock, Caller } from '@internal/plugin-court-node';
import {
  FiguresQuery,
  periodWindow,
  requirePeriodOver,
  TicketFiguresResponse,
  ticketFigures,
} from '@internal/plugin-reports-common';
import { TicketFiguresStore } from '../database/TicketFiguresStore';
import { CatalogEntities } from '../service/CatalogEntities';

/**
 * The service desk's figures of a period, for the reports backend (issue
 * #13): the facts that may count, read from the store, and the report maths
 * of reports-common on them.
 */
export class TicketFiguresService {
  constructor(
    private readonly deps: {
      store: TicketFiguresStore;
      catalog: CatalogEntities;
      clock: CourtClock;
      /** The court's zone: a period's days are its days. */
      zone: string;
    },
  ) {}

  /** @throws InputError naming `query.to` (period not over) or `query.system` (not a System) */
  async figures(
    query: FiguresQuery,
    caller: Caller,
  ): Promise<TicketFiguresResponse> {
    const { store, catalog, clock, zone } = this.deps;
    const period = { from: query.from, to: query.to };
    requirePeriodOver(period, clock.now(), zone);
    const systemRef = query.system
      ? await catalog.requireSystem(query.system, caller, 'query.system')
      : undefined;
    const window = periodWindow(period, zone);
    const { tickets, changes } = await store.factsIn(period, window, systemRef);
    return {
      period,
      ...(systemRef ? { systemRef } : {}),
      figures: ticketFigures(tickets, changes, window),
      tickets,
      changes,
    };
  }
}
