import { ArchiveDocument } from '@internal/plugin-archive-common';
import { futurePeriodProblem } from '@internal/plugin-reports-common';
import { as } from '@internal/plugin-court-node/testUtils';
import { Document, Packer, Paragraph } from 'docx';
import express from 'express';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  ArchiveBackend,
  fakeFamily,
  startArchiveBackend,
} from '../__testUtils__/backend';

jest.setTimeout(180_000);

const report = (id: string, kind: string, from: string, to: string) => ({
  id,
  kind,
  period: { from, to },
  language: 'zh',
  version: 1,
  issuedBy: 'user:default/sunlei',
  issuedAt: '2026-12-01T02:00:00.000Z',
  files: [],
  changesFromPrevious: [],
});

const change = (number: string, status: string, finishedAt?: string) => ({
  id: number,
  number,
  title: '核心交换机固件升级',
  status,
  emergency: false,
  risk: 'medium',
  entityRefs: ['resource:default/core-switch-01'],
  systemRefs: ['system:default/network'],
  filedAt: '2026-11-20T02:00:00.000Z',
  ...(finishedAt ? { finishedAt, outcome: status } : {}),
  workLogs: [],
});

const changeDetail = (number: string) => ({
  change: {
    number,
    title: '核心交换机固件升级',
    description: '升级核心交换机固件至 16.12.4',
    entityRefs: ['resource:default/core-switch-01'],
    systemRefs: ['system:default/network'],
    change: {
      emergency: false,
      reason: '修复已知漏洞',
      riskLevel: 'medium',
      rollbackPlan: '回退至原固件',
      window: {
        start: '2026-11-28T14:00:00.000Z',
        end: '2026-11-28T16:00:00.000Z',
      },
      outcome: 'succeeded',
      parameterEdits: [
        {
          device: 'resource:default/core-switch-01',
          parameter: 'firmware',
          oldValue: '16.9.1',
          newValue: '16.12.4',
          appliedAt: '2026-11-28T15:00:00.000Z',
        },
      ],
      decidedBy: 'user:default/huangjun',
      decidedAt: '2026-11-25T02:00:00.000Z',
      decisionComment: '同意，注意备份配置',
      freezeException: false,
      startedAt: '2026-11-28T14:05:00.000Z',
      finishedAt: '2026-11-28T15:40:00.000Z',
    },
  },
  events: [],
  links: [],
  warnings: [],
});

const inspectionFigures = (planned: number) => ({
  roundsPlanned: planned,
  roundsDone: planned,
  deviceCoverage: {
    devices: 88,
    inspected: planned ? 80 : 0,
    percent: planned ? 90.9 : undefined,
  },
  failedItems: 2,
  incidentsOpened: 1,
  viruses: {
    checks: planned ? 4 : 0,
    pcs: 120,
    infectedPcs: 1,
    virusesFound: 3,
  },
});

describe('filing by itself', () => {
  let backend: ArchiveBackend;
  const api = () => request(backend.server);
  const reports = [report('r1', 'month', '2026-11-01', '2026-11-30')];
  const asked: string[] = [];
  let docxBytes: Buffer;

  beforeAll(async () => {
    docxBytes = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph('2026年11月 服务月报')] }],
      }),
    );
    const reportsApi = express.Router();
    reportsApi.get('/reports', (_req, res) => {
      res.json(reports);
    });
    reportsApi.get('/reports/:id/files/report.docx', (req, res) => {
      asked.push(`report file ${req.params.id}`);
      res.type('docx').send(docxBytes);
    });
    const ticketsApi = express.Router();
    ticketsApi.get('/figures', (req, res) => {
      asked.push(`changes ${req.query.from}..${req.query.to}`);
      // As the tickets backend answers: only for a period that has ended.
      const problem = futurePeriodProblem(
        { from: String(req.query.from), to: String(req.query.to) },
        backend.clock.now(),
        'Asia/Shanghai',
      );
      if (problem) {
        res.status(400).json({ error: { message: `query.to: ${problem}` } });
        return;
      }
      res.json({
        period: { from: req.query.from, to: req.query.to },
        figures: {},
        tickets: [],
        changes: [
          change('CHG-2026-00007', 'succeeded', '2026-11-28T15:40:00.000Z'),
          change('CHG-2026-00008', 'in-progress'),
        ],
      });
    });
    ticketsApi.get('/changes/:ref', (req, res) => {
      asked.push(`change ${req.params.ref}`);
      res.json(changeDetail(req.params.ref));
    });
    const inspectionsApi = express.Router();
    inspectionsApi.get('/figures', (req, res) => {
      // October had no rounds yet: nothing to file for it.
      res.json(
        inspectionFigures(
          String(req.query.from).startsWith('2026-11') ? 30 : 0,
        ),
      );
    });
    backend = await startArchiveBackend({
      at: '2026-12-05T10:00:00+08:00',
      families: [
        fakeFamily('reports', reportsApi),
        fakeFamily('tickets', ticketsApi),
        fakeFamily('inspections', inspectionsApi),
      ],
    });
  });
  afterAll(() => backend?.stop());

  async function filed(): Promise<ArchiveDocument[]> {
    const res = await api()
      .get('/api/archive/documents?limit=200')
      .set('authorization', as('wuxia'));
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('files each issued report, finished change and ended month once, across runs', async () => {
    // The first run is due at start; the court clock fires it.
    await backend.clock.advance({ seconds: 1 });
    const first = await filed();
    expect(first.map(d => d.sourceKey).sort()).toEqual([
      'change:CHG-2026-00007',
      'inspections:2026-11',
      'report:r1',
    ]);
    const byKey = Object.fromEntries(first.map(d => [d.sourceKey, d]));
    expect(byKey['report:r1']).toMatchObject({
      documentClass: 'service-report',
      subClass: '月报',
      date: '2026-12-01',
      createdBy: 'plugin:archive',
      versions: [{ version: 1, kind: 'docx', bytes: docxBytes.length }],
    });
    expect(byKey['change:CHG-2026-00007']).toMatchObject({
      documentClass: 'om',
      subClass: '变更记录',
      date: '2026-11-28',
      ticketNumbers: ['CHG-2026-00007'],
      systemRefs: ['system:default/network'],
      versions: [{ version: 1, kind: 'pdf' }],
    });
    expect(byKey['inspections:2026-11']).toMatchObject({
      documentClass: 'om',
      subClass: '巡检记录',
      date: '2026-11-30',
    });
    expect(asked).toContain('changes 2026-10-21..2026-12-04');

    // A new report appears; the next wake-up files it and nothing twice.
    reports.push(report('r2', 'week', '2026-11-23', '2026-11-29'));
    asked.length = 0;
    await backend.clock.advance({ minutes: 10 });
    const second = await filed();
    expect(second.map(d => d.sourceKey).sort()).toEqual([
      'change:CHG-2026-00007',
      'inspections:2026-11',
      'report:r1',
      'report:r2',
    ]);
    // What was filed is not fetched again.
    expect(asked).toEqual(['report file r2', 'changes 2026-10-21..2026-12-04']);
    await backend.clock.advance({ minutes: 10 });
    expect((await filed()).length).toBe(4);
    expect(
      backend.audits.filter(
        a => a.eventId === 'archive-file-by-itself' && a.outcome === 'success',
      ),
    ).toHaveLength(4);
  });

  it('writes the change record as a PDF whose Chinese text reads back', async () => {
    const record = (await filed()).find(
      d => d.sourceKey === 'change:CHG-2026-00007',
    )!;
    const res = await api()
      .get(`/api/archive/documents/${record.id}/versions/1/file`)
      .set('authorization', as('xuli'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    // Subset fonts keep a record small.
    expect(res.body.length).toBeLessThan(200_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-'));
    const file = path.join(dir, 'change.pdf');
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const expected of [
      '变更记录 CHG-2026-00007 核心交换机固件升级',
      '修复已知漏洞',
      '2026-11-28 22:00 ～ 2026-11-29 00:00',
      '16.9.1 → 16.12.4',
      '同意，注意备份配置',
      '成功',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(
        expected.replace(/\s+/g, ' '),
      );
    }
  });
});
