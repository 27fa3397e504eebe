import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createCourtRouter, parseInput } from '@internal/plugin-court-node';
import {
  ALERT_SOURCES,
  listIncidentsQuerySchema,
  monitoringIntakeReadPermission,
  monitoringReadPermission,
} from '@internal/plugin-monitoring-common';
import express from 'express';
import { IntakeService, MonitoringAction } from './service/IntakeService';

/**
 * `/api/monitoring`: the receivers (each only for its source's identity) and
 * the desk's views.
 */
export async function createRouter(deps: {
  service: IntakeService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  bodyLimitKb: number;
}): Promise<express.Router> {
  const { service, httpAuth, auditor } = deps;
  const { router, allowed, audited } = createCourtRouter<MonitoringAction>({
    httpAuth,
    auditor,
    bodyLimitKb: deps.bodyLimitKb,
    authorize: (action, caller) => service.authorize(action, caller),
  });

  for (const source of ALERT_SOURCES) {
    router.post(`/${source}`, async (req, res) => {
      const caller = await allowed(req, { receiver: source });
      const result = await audited(req, 'monitoring-delivery', { source }, () =>
        service.receive(source, req.body, caller),
      );
      res.json(result);
    });
  }

  router.get('/incidents', async (req, res) => {
    await allowed(req, monitoringReadPermission);
    const query = parseInput(listIncidentsQuerySchema, req.query, 'query');
    res.json(await service.list(query));
  });

  router.get('/health', async (req, res) => {
    await allowed(req, monitoringReadPermission);
    res.json(await service.health());
  });

  router.get('/unmapped', async (req, res) => {
    await allowed(req, monitoringIntakeReadPermission);
    res.json(await service.listUnmapped());
  });

  router.get('/dead-letters', async (req, res) => {
    await allowed(req, monitoringIntakeReadPermission);
    res.json(await service.listDeadLetters());
  });

  return router;
}
