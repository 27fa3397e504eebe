import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CourtClock,
  CourtRouter,
  parseInput,
} from '@internal/plugin-court-node';
import {
  periodWindow,
  reportPeriodSchema,
  reportReadPermission,
  requirePeriodOver,
} from '@internal/plugin-reports-common';
import { Router } from 'express';
import { KbFiguresStore } from './database/KbFiguresStore';

/**
 * `/figures?from&to`: a period's knowledge-base figures, for reports. Articles
 * are not counted per system, so a `system` in the query is ignored.
 */
export function addFigureRoutes(
  router: Router,
  deps: {
    store: KbFiguresStore;
    caller: CourtRouter['caller'];
    permissions: PermissionsService;
    clock: CourtClock;
    zone: string;
  },
) {
  const { store, caller, permissions, clock, zone } = deps;
  router.get('/figures', async (req, res) => {
    // Authorize first: 403 before any 400 that would describe the input.
    const credentials = await caller(req);
    const [decision] = await permissions.authorize(
      [{ permission: reportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`${reportReadPermission.name} is not allowed`);
    }
    const period = parseInput(reportPeriodSchema, req.query, 'query');
    requirePeriodOver(period, clock.now(), zone);
    res.json(await store.counts(periodWindow(period, zone)));
  });
}
