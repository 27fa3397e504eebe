import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { GrantStep } from '@internal/plugin-access-common';
import { createCourtRouter } from '@internal/plugin-court-node';
import express from 'express';
import { AccessService } from './service/AccessService';
import { monthlyWorkbook } from './service/monthlyWorkbook';

const GRANT_STEPS: readonly GrantStep[] = ['approve', 'refuse', 'revoke'];

/** `/api/access`: identifies the caller and audits every change; the service checks permissions first, then the input. */
export async function createRouter(deps: {
  service: AccessService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service } = deps;
  const { router, caller, audited } = createCourtRouter<BasicPermission>({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 50,
    authorize: (permission, who) => service.require(permission, who),
  });

  router.get('/grants', async (req, res) => {
    res.json(await service.listGrants(req.query, await caller(req)));
  });

  router.post('/grants', async (req, res) => {
    const who = await caller(req);
    const grant = await audited(
      req,
      'access-grant-request',
      {
        entityRef: String(req.body?.entityRef ?? ''),
        ticket: String(req.body?.ticket ?? ''),
      },
      () => service.requestGrant(req.body, who),
    );
    res.status(201).json(grant);
  });

  router.get('/grants/:id', async (req, res) => {
    res.json(await service.getGrant(req.params.id, await caller(req)));
  });

  for (const step of GRANT_STEPS) {
    router.post(`/grants/:id/${step}`, async (req, res) => {
      const who = await caller(req);
      const grant = await audited(
        req,
        `access-grant-${step}`,
        { grantId: req.params.id },
        () => service.step(req.params.id, step, req.body, who),
      );
      res.json(grant);
    });
  }

  router.post('/grants/:id/uses', async (req, res) => {
    const who = await caller(req);
    const use = await audited(
      req,
      'access-use-start',
      { grantId: req.params.id },
      () => service.startUse(req.params.id, who),
    );
    res.status(201).json(use);
  });

  router.post('/grants/:id/uses/:useId/end', async (req, res) => {
    const who = await caller(req);
    const use = await audited(
      req,
      'access-use-end',
      { grantId: req.params.id, useId: req.params.useId },
      () => service.endUse(req.params.id, req.params.useId, who),
    );
    res.json(use);
  });

  router.get('/monthly/:month', async (req, res) => {
    res.json(await service.monthly(req.params.month, await caller(req)));
  });

  router.get('/monthly/:month/xlsx', async (req, res) => {
    const who = await caller(req);
    const file = await audited(
      req,
      'access-monthly-export',
      { month: req.params.month },
      async () => monthlyWorkbook(await service.monthly(req.params.month, who)),
    );
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="access-${req.params.month}.xlsx"`,
    );
    res.end(file);
  });

  router.get('/engineers', async (req, res) => {
    res.json(await service.listEngineers(await caller(req)));
  });

  router.post('/engineers', async (req, res) => {
    const who = await caller(req);
    const record = await audited(
      req,
      'access-engineer-create',
      { userRef: String(req.body?.userRef ?? '') },
      () => service.createEngineer(req.body, who),
    );
    res.status(201).json(record);
  });

  router.get('/engineers/:userRef', async (req, res) => {
    res.json(await service.getEngineer(req.params.userRef, await caller(req)));
  });

  router.get('/engineers/:userRef/assignment', async (req, res) => {
    res.json(await service.assignment(req.params.userRef, await caller(req)));
  });

  router.get('/assignments', async (req, res) => {
    res.json(await service.assignments(req.query, await caller(req)));
  });

  router.put('/engineers/:userRef', async (req, res) => {
    const who = await caller(req);
    const record = await audited(
      req,
      'access-engineer-update',
      { userRef: req.params.userRef },
      () => service.updateEngineer(req.params.userRef, req.body, who),
    );
    res.json(record);
  });

  const engineerSteps = {
    approve: service.approveEngineer,
    suspend: service.suspendEngineer,
    reinstate: service.reinstateEngineer,
  } as const;
  for (const [step, run] of Object.entries(engineerSteps)) {
    router.post(`/engineers/:userRef/${step}`, async (req, res) => {
      const who = await caller(req);
      const record = await audited(
        req,
        `access-engineer-${step}`,
        { userRef: req.params.userRef },
        () => run.call(service, req.params.userRef, req.body, who),
      );
      res.json(record);
    });
  }

  router.post('/engineers/:userRef/reassign', async (req, res) => {
    const who = await caller(req);
    const result = await audited(
      req,
      'access-engineer-reassign',
      {
        userRef: req.params.userRef,
        to: String(req.body?.to ?? ''),
        reason: String(req.body?.reason ?? ''),
      },
      () => service.reassign(req.params.userRef, req.body, who),
    );
    res.json(result);
  });

  router.delete('/engineers/:userRef', async (req, res) => {
    const who = await caller(req);
    await audited(
      req,
      'access-engineer-delete',
      { userRef: req.params.userRef },
      () => service.deleteEngineer(req.params.userRef, who),
    );
    res.status(204).end();
  });

  return router;
}
