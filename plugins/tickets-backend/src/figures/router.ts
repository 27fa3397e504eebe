import {
  reportReadPermission,
  ticketFiguresQuerySchema,
} from '@internal/plugin-reports-common';
import { Caller, parseInput } from '@internal/plugin-court-node';
import { Request, Router } from 'express';
import { TicketService } from '../service/TicketService';
import { TicketFiguresService } from './TicketFiguresService';

/**
 * `/figures?from&to[&system][&facts=none]`: a period's ticket and change figures, for reports,
 * with the facts behind them unless `facts=none`.
 */
export function addFigureRoutes(
  router: Router,
  deps: {
    figures: TicketFiguresService;
    /** The caller, once allowed `permission`: 403 before any input is read. */
    allowed: (
      req: Request,
      permission: Parameters<TicketService['authorize']>[0],
    ) => Promise<Caller>;
  },
) {
  const { figures, allowed } = deps;
  router.get('/figures', async (req, res) => {
    const credentials = await allowed(req, reportReadPermission);
    const { facts, ...query } = parseInput(
      ticketFiguresQuerySchema,
      req.query,
      'query',
    );
    const json = await figures.figures(
      { ...query, facts: facts === 'all' },
      credentials,
    );
    res.type('application/json').send(json);
  });
}
