import { reportReadPermission } from '@internal/plugin-reports-common';
import { Caller, parseInput } from '@internal/plugin-court-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { Request, Router } from 'express';
import {
  InspectionFiguresService,
  inspectionFiguresQuerySchema,
} from './service/InspectionFigures';

/** `/figures?from&to[&system]`: a period's inspection figures, for reports. */
export function addFigureRoutes(
  router: Router,
  deps: {
    figures: InspectionFiguresService;
    /** The caller, once allowed `permission`: 403 before any input is read. */
    allowed: (req: Request, permission: BasicPermission) => Promise<Caller>;
  },
) {
  const { figures, allowed } = deps;
  router.get('/figures', async (req, res) => {
    await allowed(req, reportReadPermission);
    const query = parseInput(inspectionFiguresQuerySchema, req.query, 'query');
    res.json(await figures.figures(query));
  });
}
