import {
  figuresQuerySchema,
  reportReadPermission,
} from '@internal/plugin-reports-common';
import { Caller, parseInput } from '@internal/plugin-court-node';
import { Request, Router } from 'express';
import { TicketService } from '../service/TicketService';
import { TicketFiguresService } from './TicketFiguresService';

/** `/figures?from&to[&system]`: a period's ticket and change figures, for reports. */
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
    const query = parseInput(figuresQuerySchema, req.query, 'query');
    res.json(await figures.figures(query, credentials));
  });
}
