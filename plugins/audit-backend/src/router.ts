import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { createCourtRouter } from '@internal/plugin-court-node';
import express from 'express';
import { AuditService } from './service/AuditService';

/** `/api/audit`: the audit page's reads, the export (itself audited) and verification. */
export async function createRouter(deps: {
  service: AuditService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service } = deps;
  const { router, caller, audited } = createCourtRouter<BasicPermission>({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 10,
    authorize: (permission, who) => service.require(permission, who),
  });

  router.get('/events', async (req, res) => {
    res.json(await service.list(req.query, await caller(req)));
  });

  router.get('/events.xlsx', async (req, res) => {
    const who = await caller(req);
    // Reading the trail out of the portal is itself on the trail.
    const file = await audited(
      req,
      'audit-export',
      { filters: { ...(req.query as Record<string, string>) } },
      () => service.export(req.query, who),
    );
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.end(file.content);
  });

  router.get('/verification', async (req, res) => {
    const last = await service.lastVerification(await caller(req));
    if (!last) res.status(204).end();
    else res.json(last);
  });

  router.post('/verification', async (req, res) => {
    const who = await caller(req);
    const verification = await audited(req, 'audit-verify', {}, () =>
      service.verifyNow(who),
    );
    res.json(verification);
  });

  return router;
}
