import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { createCourtRouter, parseInput } from '@internal/plugin-court-node';
import { reportReadPermission } from '@internal/plugin-reports-common';
import {
  sparesManagePermission,
  sparesMovePermission,
  sparesReadPermission,
  sparesRepairPermission,
  stockReportQuerySchema,
} from '@internal/plugin-spares-common';
import express from 'express';
import { SparesStore } from './database/SparesStore';
import {
  SparesFiguresService,
  sparesFiguresQuerySchema,
} from './service/SparesFigures';
import { SparesService } from './service/SparesService';
import { stockReportRows, stockReportWorkbook } from './service/StockReport';

/**
 * `/api/spares`: every route asks its permission before reading its input
 * (403 before 400), every change is audited; the service does the rest.
 */
export async function createRouter(deps: {
  service: SparesService;
  figures: SparesFiguresService;
  store: SparesStore;
  zone: string;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service } = deps;
  const { router, allowed, audited } = createCourtRouter<BasicPermission>({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 64,
    authorize: (permission, caller) => service.require(permission, caller),
  });

  router.get('/part-types', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.listPartTypes());
  });
  router.put('/part-types', async (req, res) => {
    await allowed(req, sparesManagePermission);
    res.json(
      await audited(
        req,
        'spares-part-type-save',
        { id: String(req.body?.id ?? '') },
        () => service.savePartType(req.body),
      ),
    );
  });
  router.get('/locations', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.listLocations());
  });
  router.put('/locations', async (req, res) => {
    await allowed(req, sparesManagePermission);
    res.json(
      await audited(
        req,
        'spares-location-save',
        { id: String(req.body?.id ?? '') },
        () => service.saveLocation(req.body),
      ),
    );
  });
  router.get('/vendors', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.listVendors());
  });
  router.put('/vendors', async (req, res) => {
    await allowed(req, sparesManagePermission);
    res.json(
      await audited(
        req,
        'spares-vendor-save',
        { id: String(req.body?.id ?? '') },
        () => service.saveVendor(req.body),
      ),
    );
  });

  router.get('/store', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.store(req.query));
  });
  router.get('/stock/:partTypeId', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.stock(req.params.partTypeId));
  });
  router.post('/movements', async (req, res) => {
    const caller = await allowed(req, sparesMovePermission);
    const result = await audited(
      req,
      'spares-movement',
      {
        kind: String(req.body?.kind ?? ''),
        partTypeId: String(req.body?.partTypeId ?? ''),
        locationId: String(req.body?.locationId ?? ''),
      },
      () => service.move(req.body, caller),
    );
    res.status(201).json(result);
  });
  router.get('/devices/:ref', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.deviceSpares(req.params.ref));
  });

  router.get('/repairs', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.repairs(req.query));
  });
  router.post('/repairs', async (req, res) => {
    const caller = await allowed(req, sparesRepairPermission);
    const repair = await audited(
      req,
      'spares-repair-open',
      { vendorId: String(req.body?.vendorId ?? '') },
      () => service.openRepair(req.body, caller),
    );
    res.status(201).json(repair);
  });
  router.get('/repairs/:id', async (req, res) => {
    await allowed(req, sparesReadPermission);
    res.json(await service.repair(req.params.id));
  });
  router.post('/repairs/:id/actions', async (req, res) => {
    const caller = await allowed(req, sparesRepairPermission);
    res.json(
      await audited(
        req,
        'spares-repair-action',
        { repairId: req.params.id, action: String(req.body?.action ?? '') },
        () => service.actOnRepair(req.params.id, req.body, caller),
      ),
    );
  });

  router.get('/reports/stock.xlsx', async (req, res) => {
    await allowed(req, sparesReadPermission);
    const { month } = parseInput(stockReportQuerySchema, req.query, 'query');
    const rows = await stockReportRows(deps.store, month, deps.zone);
    const content = await stockReportWorkbook(month, rows);
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="spares-stock-${month}.xlsx"`,
    );
    res.end(content);
  });

  router.get('/figures', async (req, res) => {
    await allowed(req, reportReadPermission);
    const query = parseInput(sparesFiguresQuerySchema, req.query, 'query');
    res.json(await deps.figures.figures(query));
  });

  return router;
}
