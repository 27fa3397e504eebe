import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { InputError } from '@backstage/errors';
import {
  adHocRoundRequestSchema,
  coverageQuerySchema,
  entityQuerySchema,
  inspectionCoverageReadPermission,
  inspectionPlanManagePermission,
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
  labelsQuerySchema,
  planSchema,
  roundsQuerySchema,
  saveResultRequestSchema,
  scanRequestSchema,
  virusSummaryQuerySchema,
} from '@internal/plugin-inspections-common';
import { createCourtRouter, parseInput } from '@internal/plugin-court-node';
import { LocationRegister } from '@internal/plugin-court-common';
import express from 'express';
import { addFigureRoutes } from './figuresRouter';
import { InspectionFiguresService } from './service/InspectionFigures';
import { InspectionService } from './service/InspectionService';
import { labelSheetSvg, sheetInfo } from './service/LabelSheet';

/**
 * `/api/inspections`: parses and validates each request (400 naming the
 * field), identifies the caller, audits every change; the service does the rest.
 */
export async function createRouter(deps: {
  service: InspectionService;
  figures: InspectionFiguresService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  register: LocationRegister;
  appBaseUrl: string;
}): Promise<express.Router> {
  const { service, httpAuth, auditor } = deps;
  const { router, caller, allowed, audited } = createCourtRouter({
    httpAuth,
    auditor,
    bodyLimitKb: 100,
    authorize: (permission: BasicPermission, credentials) =>
      service.authorize(permission, credentials),
  });

  router.get('/rounds', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundReadPermission);
    const { date } = parseInput(roundsQuerySchema, req.query, 'query');
    res.json(await service.rounds(date, credentials));
  });

  router.post('/rounds', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundRunPermission);
    const body = parseInput(adHocRoundRequestSchema, req.body, 'body');
    const round = await audited(
      req,
      'inspection-round-start',
      {
        building: body.building ?? null,
        devices: body.devices ?? null,
        assignee: body.assignee ?? null,
      },
      () => service.startAdHoc(body, credentials),
    );
    res.status(201).json(round);
  });

  router.get('/rounds/:id', async (req, res) => {
    res.json(await service.round(req.params.id, await caller(req)));
  });

  router.put('/checks/:checkId/results/:itemId', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundRunPermission);
    const body = parseInput(saveResultRequestSchema, req.body, 'body');
    const { checkId, itemId } = req.params;
    const saved = await audited(
      req,
      'inspection-result-save',
      { check: checkId, item: itemId, idempotencyKey: body.idempotencyKey },
      () => service.saveResult(checkId, itemId, body, credentials),
    );
    res.json(saved);
  });

  router.post('/scans', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundRunPermission);
    const body = parseInput(scanRequestSchema, req.body, 'body');
    const scan = await audited(
      req,
      'inspection-scan',
      { device: body.device, round: body.roundId ?? null },
      () => service.scan(body, credentials),
    );
    res.status(201).json(scan);
  });

  router.get('/coverage', async (req, res) => {
    const credentials = await allowed(req, inspectionCoverageReadPermission);
    const query = parseInput(coverageQuerySchema, req.query, 'query');
    res.json(await service.coverage(query, credentials));
  });

  router.get('/statistics/viruses', async (req, res) => {
    const credentials = await allowed(req, inspectionCoverageReadPermission);
    const period = parseInput(virusSummaryQuerySchema, req.query, 'query');
    res.json(await service.virusSummary(period, credentials));
  });

  router.get('/entities', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundReadPermission);
    const { entity } = parseInput(entityQuerySchema, req.query, 'query');
    res.json(await service.entity(entity, credentials));
  });

  router.get('/templates', async (req, res) => {
    res.json(await service.templatesInForce(await caller(req)));
  });

  router.get('/plans', async (req, res) => {
    res.json(await service.plans(await caller(req)));
  });

  router.put('/plans/:id', async (req, res) => {
    const credentials = await allowed(req, inspectionPlanManagePermission);
    const plan = parseInput(planSchema, req.body, 'body');
    if (plan.id !== req.params.id) {
      throw new InputError(
        `body.id: must be ${req.params.id}, the plan in the path`,
      );
    }
    const saved = await audited(
      req,
      'inspection-plan-save',
      { plan: plan.id },
      () => service.savePlan(plan, credentials),
    );
    res.json(saved);
  });

  router.get('/labels', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundReadPermission);
    const { system, building } = parseInput(
      labelsQuerySchema,
      req.query,
      'query',
    );
    const devices = await service.labelDevices(
      { system, building },
      credentials,
    );
    res.json(sheetInfo(devices));
  });

  router.get('/labels/sheet.svg', async (req, res) => {
    const credentials = await allowed(req, inspectionRoundReadPermission);
    const { system, building, page } = parseInput(
      labelsQuerySchema,
      req.query,
      'query',
    );
    const devices = await service.labelDevices(
      { system, building },
      credentials,
    );
    const { pages } = sheetInfo(devices);
    if (page > pages) {
      throw new InputError(`query.page: there are ${pages} pages`);
    }
    res
      .type('image/svg+xml')
      .set('Content-Disposition', `inline; filename="asset-labels-${page}.svg"`)
      .send(
        await labelSheetSvg({
          devices,
          page,
          register: deps.register,
          appBaseUrl: deps.appBaseUrl,
        }),
      );
  });

  addFigureRoutes(router, { figures: deps.figures, allowed });

  return router;
}
