import { ArchiveDocument } from '@internal/plugin-archive-common';
import { as } from '@internal/plugin-court-node/testUtils';
import express from 'express';
import request from 'supertest';
import {
  ArchiveBackend,
  fakeFamily,
  startArchiveBackend,
} from './__testUtils__/backend';

jest.setTimeout(180_000);

/** The other families, quiet for the quarter: the volume binds the archive's own documents. */
function quietFamilies() {
  const reports = express.Router();
  reports.get('/reports', (_req, res) => {
    res.json([]);
  });
  const tickets = express.Router();
  tickets.get('/figures', (req, res) => {
    res.json({
      period: { from: req.query.from, to: req.query.to },
      figures: {},
      tickets: [],
      changes: [],
    });
  });
  const inspections = express.Router();
  inspections.get('/figures', (_req, res) => {
    res.json({
      roundsPlanned: 0,
      roundsDone: 0,
      deviceCoverage: { devices: 0, inspected: 0 },
      failedItems: 0,
      incidentsOpened: 0,
      viruses: { checks: 0, pcs: 0, infectedPcs: 0, virusesFound: 0 },
    });
  });
  return [
    fakeFamily('reports', reports),
    fakeFamily('tickets', tickets),
    fakeFamily('inspections', inspections),
  ];
}

describe('POST /volumes through the plugin', () => {
  let backend: ArchiveBackend;
  const api = () => request(backend.server);

  beforeAll(async () => {
    backend = await startArchiveBackend({
      at: '2026-10-09T09:00:00+08:00',
      families: quietFamilies(),
      filing: false,
    });
  });
  afterAll(() => backend?.stop());

  it('compiles the ended quarter once per task; the IT office finds the volume in the archive', async () => {
    const registered = await api()
      .post('/api/archive/documents')
      .set('authorization', as('lina'))
      .send({
        title: '核心交换机巡检表',
        documentClass: 'om',
        subClass: '表单',
        date: '2026-09-15',
        source: 'contractor',
        confidentiality: 'public',
      });
    expect(registered.status).toBe(201);

    const compile = (requestKey: string) =>
      api()
        .post('/api/archive/volumes')
        .set('authorization', as('sunlei'))
        .send({ year: 2026, quarter: 3, requestKey });
    const first = await compile('task-a');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      version: 1,
      url: expect.stringMatching(/^\/archive\/documents\//),
    });
    expect(first.body.pages).toBeGreaterThan(1);
    const retry = await compile('task-a');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);

    const found = await api()
      .get('/api/archive/documents?class=service-report')
      .set('authorization', as('wuxia'));
    expect(found.status).toBe(200);
    const volume = found.body.items.find(
      (d: ArchiveDocument) => d.sourceKey === 'volume:2026-Q3',
    );
    expect(volume).toMatchObject({
      id: first.body.documentId,
      number: first.body.number,
      versions: [{ version: 1, kind: 'pdf', sha256: first.body.sha256 }],
    });
    const file = await api()
      .get(`/api/archive/documents/${volume.id}/versions/1/file`)
      .set('authorization', as('wuxia'));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
  });
});
