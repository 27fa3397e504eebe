import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { CourtRouter, createCourtRouter } from '@internal/plugin-court-node';
import express from 'express';
import { ReportService } from './service/ReportService';

/** The audit meta of an issue: what was asked for, as sent (the service validates it). */
function issueMeta(body: unknown): Parameters<CourtRouter['audited']>[2] {
  const fields = ['kind', 'from', 'to', 'system', 'language'];
  const sent = (
    typeof body === 'object' && body !== null ? body : {}
  ) as Record<string, unknown>;
  return Object.fromEntries(
    fields
      .filter(field => typeof sent[field] === 'string')
      .map(field => [field, String(sent[field]).slice(0, 255)]),
  );
}

/**
 * `/api/reports`: identifies the caller and audits issuing and acknowledging; the service asks
 * the permission first, then reads the input.
 */
export async function createRouter(deps: {
  service: ReportService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service } = deps;
  const { router, caller, audited } = createCourtRouter({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 16,
  });

  router.get('/figures', async (req, res) => {
    res.json(await service.figures(await caller(req), req.query));
  });

  router.get('/rows', async (req, res) => {
    res.json(await service.rows(await caller(req), req.query));
  });

  router.get('/drafts', async (req, res) => {
    res.json(await service.drafts(await caller(req)));
  });

  router.get('/reports', async (req, res) => {
    res.json(await service.list(await caller(req), req.query));
  });

  router.post('/reports', async (req, res) => {
    const who = await caller(req);
    const meta = issueMeta(req.body);
    const { report, created } = await audited(req, 'report-issue', meta, () =>
      service.issue(who, req.body),
    );
    res.status(created ? 201 : 200).json(report);
  });

  router.get('/reports/:id', async (req, res) => {
    res.json(await service.get(await caller(req), req.params.id));
  });

  router.get('/reports/:id/files/:name', async (req, res) => {
    const file = await service.file(
      await caller(req),
      req.params.id,
      req.params.name,
    );
    res
      .status(200)
      .type(file.mediaType)
      .set('Content-Disposition', `attachment; filename="${file.name}"`)
      .set(
        'Digest',
        `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
      )
      .send(file.content);
  });

  router.post('/reports/:id/acknowledge', async (req, res) => {
    const who = await caller(req);
    const { id } = req.params;
    res.json(
      await audited(req, 'report-acknowledge', { id }, () =>
        service.acknowledge(who, id),
      ),
    );
  });

  return router;
}
