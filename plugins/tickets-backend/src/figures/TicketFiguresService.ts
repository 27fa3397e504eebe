import { CourtClock, Caller } from '@internal/plugin-court-node';
import {
  FiguresQuery,
  periodWindow,
  requirePeriodOver,
} from '@internal/plugin-reports-common';
import { CatalogEntities } from '../service/CatalogEntities';
import { FiguresJob } from './figuresAnswer';

/**
 * The service desk's figures of a period, for the reports backend (issue
 * #13): the query checked here, then the facts that may count and the report
 * maths of reports-common on them, computed by `answer` (figuresAnswer, on a
 * worker thread when the database allows: FiguresWorkerPool).
 */
export class TicketFiguresService {
  constructor(
    private readonly deps: {
      answer: (job: FiguresJob) => Promise<string>;
      catalog: CatalogEntities;
      clock: CourtClock;
      /** The court's zone: a period's days are its days. */
      zone: string;
    },
  ) {}

  /**
   * The answer as JSON: TicketFiguresResponse, or TicketFiguresOnly without `facts`.
   * @throws InputError naming `query.to` (period not over) or `query.system` (not a System)
   */
  async figures(
    query: FiguresQuery & { facts: boolean },
    caller: Caller,
  ): Promise<string> {
    const { answer, catalog, clock, zone } = this.deps;
    const period = { from: query.from, to: query.to };
    requirePeriodOver(period, clock.now(), zone);
    const systemRef = query.system
      ? await catalog.requireSystem(query.system, caller, 'query.system')
      : undefined;
    return answer({
      period,
      window: periodWindow(period, zone),
      ...(systemRef ? { systemRef } : {}),
      facts: query.facts,
    });
  }
}
