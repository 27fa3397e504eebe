import { InputError } from '@backstage/errors';
import type {
  ArchiveDocument,
  DocumentVersion,
} from '@internal/plugin-archive-common';
import { ManualCourtClock } from '@internal/plugin-court-node';
import type {
  ChangeFact,
  InspectionFigures,
  ReportPeriod,
  TicketFact,
} from '@internal/plugin-reports-common';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeVolumeArchive } from './__testUtils__/fakeArchive';
import {
  FIXTURE_MARKERS,
  FIXTURE_PARTS,
  markerPdf,
} from './__testUtils__/fixture';
import { pageCount, pageTexts } from './__testUtils__/poppler';
import type { VolumeEntry } from './types';
import {
  VolumeService,
  VolumeSources,
  volumeRequestSchema,
} from './VolumeService';

jest.setTimeout(120_000);

const version = (
  v: number,
  kind: DocumentVersion['kind'],
  pages?: number,
): DocumentVersion => ({
  version: v,
  fileName: `f${v}.${kind}`,
  kind,
  bytes: 100,
  sha256: '0'.repeat(64),
  pages,
  uploadedBy: 'user:default/wangfang',
  uploadedAt: '2026-12-01T02:00:00Z',
});

/** A PDF entry's appended version is its latest; d9 has a Word file, not appended. */
function versionsOf(e: VolumeEntry): DocumentVersion[] {
  if (e.pdf) {
    const pdf = version(e.pdf.version, 'pdf', e.pdf.pages);
    return e.pdf.version === 1 ? [pdf] : [version(1, 'docx'), pdf];
  }
  return e.documentId === 'd9' ? [version(1, 'docx')] : [];
}

/** The fixture quarter as the store holds it, plus what must not be bound. */
function storedDocuments(): ArchiveDocument[] {
  const base = {
    systemRefs: [],
    entityRefs: [],
    ticketNumbers: [],
    readers: [],
    createdBy: 'user:default/wangfang',
    createdAt: '2026-12-01T02:00:00Z',
    updatedAt: '2026-12-01T02:00:00Z',
    revision: 1,
  };
  const fixture = FIXTURE_PARTS.flatMap(part =>
    part.entries.map(
      (e): ArchiveDocument => ({
        ...base,
        id: e.documentId,
        number: e.number,
        title: e.title,
        subClass: e.subClass,
        documentClass: part.documentClass,
        date: e.date,
        source: e.source,
        confidentiality: 'public',
        versions: versionsOf(e),
      }),
    ),
  );
  return [
    // Listed out of order: the volume orders by class and number itself.
    ...fixture.reverse(),
    {
      ...base,
      id: 'secret',
      number: 'QT-2026-0099',
      title: '信访材料（受限）',
      documentClass: 'other',
      date: '2026-11-11',
      source: 'court',
      confidentiality: 'restricted',
      readers: ['user:default/zhangli'],
      versions: [version(1, 'pdf', 1)],
    },
  ];
}

const incident = (
  number: string,
  createdAt: string,
  clocks: TicketFact['clocks'],
): TicketFact => ({
  id: number,
  number,
  title: `故障 ${number}`,
  type: 'incident',
  channel: 'phone',
  level: 'L2',
  status: 'closed',
  entityRefs: [],
  systemRefs: [],
  createdAt,
  reopenedAt: [],
  reassignments: 0,
  workLogs: [],
  clocks,
});

const change = (
  number: string,
  filedAt: string,
  finishedAt?: string,
): ChangeFact => ({
  id: number,
  number,
  title: `变更 ${number}`,
  status: finishedAt ? 'succeeded' : 'submitted',
  emergency: false,
  risk: 'low',
  entityRefs: [],
  systemRefs: [],
  filedAt,
  finishedAt,
  outcome: finishedAt ? 'succeeded' : undefined,
  workLogs: [],
});

const inspection = (roundsDone: number): InspectionFigures => ({
  roundsPlanned: 22,
  roundsDone,
  deviceCoverage: { devices: 88, inspected: 80, percent: 90.9 },
  failedItems: 1,
  incidentsOpened: 1,
  viruses: { checks: 4, pcs: 300, infectedPcs: 0, virusesFound: 0 },
});

async function setUp(now = '2027-01-05T10:00:00+08:00') {
  const pdfs = new Map<string, Uint8Array>();
  for (const [id, { marker, pages }] of Object.entries(FIXTURE_MARKERS)) {
    pdfs.set(id, await markerPdf(marker, pages));
  }
  const reads: string[] = [];
  const asked: { documents: ReportPeriod[]; inspections: ReportPeriod[] } = {
    documents: [],
    inspections: [],
  };
  const archive = new FakeVolumeArchive();
  let stored = storedDocuments();
  const sources: VolumeSources = {
    async documents(period, classes) {
      asked.documents.push(period);
      // Includes the volumes filed so far, as the store would: the service leaves them out.
      return [...stored, ...archive.documents.values()].filter(
        d =>
          classes.includes(d.documentClass) &&
          d.date >= period.from &&
          d.date <= period.to,
      );
    },
    async fileContent(documentId, v) {
      reads.push(`${documentId}@${v}`);
      return pdfs.get(documentId)!;
    },
    async issuedReports() {
      return [];
    },
    async ticketFacts() {
      return {
        tickets: [
          incident('INC-2026-00042', '2026-10-12T00:30:00Z', [
            {
              clock: 'response',
              level: 'L2',
              stoppedAt: '2026-10-12T00:40:00Z',
              elapsedMs: 600_000,
              pausedMs: 0,
            },
            {
              clock: 'resolution',
              level: 'L2',
              breachedAt: '2026-10-12T02:30:00Z',
              stoppedAt: '2026-10-12T03:00:00Z',
              elapsedMs: 9_000_000,
              pausedMs: 0,
            },
          ]),
          // Both sides of the quarter's bounds in the court's zone, not UTC's: 00:30 on
          // 1 October in Beijing is in it, 00:30 on 1 January is not.
          incident('INC-2026-00040', '2026-09-30T16:30:00Z', []),
          incident('INC-2027-00001', '2026-12-31T16:30:00Z', []),
        ],
        changes: [
          change(
            'CHG-2026-00030',
            '2026-09-20T02:00:00Z',
            '2026-10-02T02:00:00Z',
          ),
          change(
            'CHG-2026-00007',
            '2026-08-01T02:00:00Z',
            '2026-08-02T02:00:00Z',
          ),
        ],
      };
    },
    async inspectionFigures(period) {
      asked.inspections.push(period);
      return inspection(20 + asked.inspections.length);
    },
  };
  const clock = new ManualCourtClock(now);
  const service = new VolumeService({
    sources,
    archive,
    clock,
    zone: 'Asia/Shanghai',
    cover: {
      court: '某市中级人民法院',
      contractor: '某信息技术有限公司',
      contract: 'FY-2026-017',
    },
  });
  return {
    service,
    archive,
    clock,
    reads,
    asked,
    setStored: (d: ArchiveDocument[]) => (stored = d),
  };
}

const request = (body: object) => volumeRequestSchema.parse(body);
const OPS = 'user:default/liuyang';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'volume-service-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('VolumeService', () => {
  it('refuses a quarter that has not ended in the court zone, naming the field, filing nothing', async () => {
    const { service, archive, clock } = await setUp(
      '2026-12-31T23:59:59+08:00',
    );
    for (const call of [
      () => service.compile(request({ year: 2026, quarter: 4 }), OPS),
      () => service.plan(request({ year: 2026, quarter: 4, dryRun: true })),
    ]) {
      const error = await call().catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(
        /^body\.quarter: 2026年第四季度: the period has not ended/,
      );
    }
    expect(archive.registrations).toBe(0);
    expect(archive.filings).toHaveLength(0);

    await clock.set('2027-01-01T00:00:00+08:00');
    await expect(
      service.plan(request({ year: 2026, quarter: 4 })),
    ).resolves.toMatchObject({
      sourceKey: 'volume:2026-Q4',
    });
  });

  it('validates the request: the quarter, the classes, the request key', () => {
    for (const [body, field] of [
      [{ year: 2026, quarter: 5 }, 'quarter'],
      [{ year: 2026, quarter: 4, classes: ['letters'] }, 'classes'],
      [{ year: 2026, quarter: 4, classes: ['om', 'om'] }, 'classes'],
      [{ year: 2026, quarter: 4, classes: [] }, 'classes'],
      [{ year: 2026.5, quarter: 4 }, 'year'],
      [{ year: 2026, quarter: 4, requestKey: '' }, 'requestKey'],
    ] as const) {
      const parsed = volumeRequestSchema.safeParse(body);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].path[0]).toBe(field);
    }
  });

  it('plans a dry run from the store without binding or filing anything', async () => {
    const { service, archive, reads, asked } = await setUp();
    const plan = await service.plan(
      request({ year: 2026, quarter: 4, dryRun: true }),
    );
    expect(plan).toEqual({
      quarter: { year: 2026, quarter: 4 },
      period: { from: '2026-10-01', to: '2026-12-31' },
      sourceKey: 'volume:2026-Q4',
      parts: [
        {
          documentClass: 'om',
          documents: 5,
          appendedPdfs: 1,
          appendedPages: 3,
        },
        {
          documentClass: 'quality',
          documents: 3,
          appendedPdfs: 1,
          appendedPages: 1,
        },
        {
          documentClass: 'service-report',
          documents: 4,
          appendedPdfs: 1,
          appendedPages: 1,
        },
      ],
      generated: { reports: 0, changes: 1, inspectionMonths: 3, incidents: 2 },
      restrictedLeftOut: 1,
      estimatedPages: 11,
      nextVersion: 1,
    });
    expect(asked.inspections).toEqual([
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-31' },
    ]);
    expect(reads).toEqual([]);
    expect(archive.registrations).toBe(0);
  });

  it('binds the public documents of the quarter and files the volume as version 1, with its index', async () => {
    const { service, archive, reads } = await setUp();
    const { result, created } = await service.compile(
      request({ year: 2026, quarter: 4 }),
      OPS,
    );
    expect(created).toBe(true);
    expect(result).toMatchObject({
      number: 'BG-2027-0001',
      version: 1,
      url: `/archive/documents/${result.documentId}`,
    });

    const [filing] = archive.filings;
    expect(filing.fileName).toBe('2026年第四季度运维服务文档汇编.pdf');
    expect(filing.index.fileName).toBe(
      '2026年第四季度运维服务文档汇编-卷内目录.xlsx',
    );
    expect(filing.index.content.subarray(0, 2).toString()).toBe('PK');
    expect(filing.actor).toBe(OPS);
    expect(createHash('sha256').update(filing.content).digest('hex')).toBe(
      result.sha256,
    );
    expect(reads).toEqual(['d2@1', 'd6@2', 'd11@1']);

    const file = join(dir, 'v1.pdf');
    writeFileSync(file, filing.content);
    expect(pageCount(file)).toBe(result.pages);
    const text = pageTexts(file, result.pages).join('\n').replace(/\s+/g, '');
    expect(text).toContain('BG-2027-0001第1版');
    expect(text).toContain('审判庭音视频设备操作手册');
    // Neither the restricted document nor the period's other quarters' facts are bound.
    expect(text).not.toContain('QT-2026-0099');
    expect(text).not.toContain('信访材料');
    expect(text).toContain('INC-2026-00040');
    expect(text).toContain('INC-2026-00042');
    expect(text).toContain('达标—超时');
    expect(text).not.toContain('INC-2027-00001');
    expect(text).toContain('CHG-2026-00030');
    expect(text).not.toContain('CHG-2026-00007');
  });

  it('adds a version when compiled again, and never binds the earlier volume into the later', async () => {
    const { service, archive } = await setUp();
    await service.compile(request({ year: 2026, quarter: 4 }), OPS);
    const again = await service.compile(
      request({ year: 2026, quarter: 4 }),
      OPS,
    );
    expect(again.result).toMatchObject({ number: 'BG-2027-0001', version: 2 });
    expect(archive.registrations).toBe(1);
    expect(archive.filings[1].pages).toBe(archive.filings[0].pages);
    const file = join(dir, 'v2.pdf');
    writeFileSync(file, archive.filings[1].content);
    const text = pageTexts(file, 1)[0].replace(/\s+/g, '');
    expect(text).toContain('BG-2027-0001第2版');
    expect(text).toContain('12件');
  });

  it('returns what a request key filed instead of compiling again', async () => {
    const { service, archive, reads } = await setUp();
    const first = await service.compile(
      request({ year: 2026, quarter: 4, requestKey: 'task-1' }),
      OPS,
    );
    const retry = await service.compile(
      request({ year: 2026, quarter: 4, requestKey: 'task-1' }),
      OPS,
    );
    expect(retry).toEqual({ result: first.result, created: false });
    expect(archive.filings).toHaveLength(1);
    expect(reads).toHaveLength(3);
  });

  it('makes one volume when a retry follows a failure midway', async () => {
    const { service, archive } = await setUp();
    archive.failNextFiling = true;
    await expect(
      service.compile(
        request({ year: 2026, quarter: 4, requestKey: 'task-7' }),
        OPS,
      ),
    ).rejects.toThrow('the database went away');
    const retried = await service.compile(
      request({ year: 2026, quarter: 4, requestKey: 'task-7' }),
      OPS,
    );
    expect(retried.created).toBe(true);
    expect(retried.result.version).toBe(1);
    expect(archive.registrations).toBe(1);
    expect(archive.documents.get('volume:2026-Q4')!.versions).toHaveLength(1);
  });

  it('binds only the classes asked for, in the order of the five classes', async () => {
    const { service } = await setUp();
    const plan = await service.plan(
      request({
        year: 2026,
        quarter: 4,
        classes: ['service-report', 'om'],
        dryRun: true,
      }),
    );
    expect(plan.parts.map(p => p.documentClass)).toEqual([
      'om',
      'service-report',
    ]);
  });
});
