import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import {
  as,
  ReportsBackend,
  startReportsBackend,
} from './__testUtils__/backend';
import {
  CASES,
  INSPECTIONS,
  KB,
  NETWORK,
  SPARES,
  ticket,
} from './__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const NOVEMBER = 'kind=month&from=2026-11-01&to=2026-11-30';
const ISSUE = {
  kind: 'month',
  from: '2026-11-01',
  to: '2026-11-30',
};

/** Binary bodies as Buffers, whatever their media type. */
const binary: Parameters<request.Test['parse']>[0] = (res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe.each(databases.eachSupportedId())('reports API on %s', databaseId => {
  let backend: ReportsBackend;

  beforeEach(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startReportsBackend({ knex });
  });
  afterEach(() => backend.stop());

  const api = () => request(backend.server);
  const issue = (body: object, user = 'sunlei') =>
    api()
      .post('/api/reports/reports')
      .set('authorization', as(user))
      .send(body);

  it('composes the figures of the period and of the one before it', async () => {
    const res = await api()
      .get(`/api/reports/figures?${NOVEMBER}`)
      .set('authorization', as('lina'));
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('month');
    expect(res.body.zone).toBe('Asia/Shanghai');
    expect(res.body.current.period).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    // Hand count: INC-1 and SR-1 in November, INC-0 in October.
    expect(res.body.current.tickets.services.total).toBe(2);
    expect(res.body.current.tickets.services.byType).toMatchObject({
      incident: 1,
      'service-request': 1,
    });
    expect(res.body.previous.period).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(res.body.previous.tickets.services.total).toBe(1);
    expect(res.body.current.inspections).toEqual(INSPECTIONS);
    expect(res.body.current.kb).toEqual(KB);
    expect(res.body.current.spares).toEqual(SPARES);
  });

  it('composes and issues a report without the spares plugin: its figures have no spares section', async () => {
    backend.sources.sparesAbsent = true;
    const res = await api()
      .get(`/api/reports/figures?${NOVEMBER}`)
      .set('authorization', as('lina'));
    expect(res.status).toBe(200);
    expect(res.body.current).not.toHaveProperty('spares');
    expect(res.body.current.kb).toEqual(KB);
    const issued = await issue(ISSUE);
    expect(issued.status).toBe(201);
  });

  it('passes the system on to every family, as the catalog names it', async () => {
    const res = await api()
      .get(`/api/reports/figures?${NOVEMBER}&system=case-management`)
      .set('authorization', as('wuxia'));
    expect(res.status).toBe(200);
    expect(res.body.systemRef).toBe(CASES);
    // Only INC-1 is about case management.
    expect(res.body.current.tickets.services.total).toBe(1);
    expect(backend.sources.calls).toEqual(
      expect.arrayContaining([
        // The figures alone: the report's figures need no rows.
        `ticket figures 2026-11-01..2026-11-30 ${CASES}`,
        `inspections 2026-11-01..2026-11-30 ${CASES}`,
        `kb 2026-10-01..2026-10-31 ${CASES}`,
      ]),
    );
  });

  it('answers the rows behind the figures for the drill-down', async () => {
    const res = await api()
      .get(`/api/reports/rows?${NOVEMBER}&system=${NETWORK}`)
      .set('authorization', as('sunlei'));
    expect(res.status).toBe(200);
    expect(res.body.tickets.map((t: { number: string }) => t.number)).toEqual([
      'INC-2026-00001',
      'SR-2026-00001',
    ]);
    expect(res.body.changes).toEqual([]);
  });

  it('refuses court staff and people without a role before reading their input (403)', async () => {
    for (const user of ['xuli', 'newcomer']) {
      for (const path of [
        '/api/reports/figures?from=yesterday',
        '/api/reports/rows?to=2020-01-01',
        '/api/reports/reports?kind=decade',
        '/api/reports/drafts',
        '/api/reports/reports/no-such-report',
      ]) {
        const res = await api().get(path).set('authorization', as(user));
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      expect((await issue({ kind: 'decade' }, user)).status).toBe(403);
    }
    // The desk and the IT office read reports but do not issue them.
    expect((await issue(ISSUE, 'lina')).status).toBe(403);
    expect((await issue({ kind: 'decade' }, 'wuxia')).status).toBe(403);
    expect(backend.sources.calls).toEqual([]);
  });

  it('answers bad input with 400 naming the field, and issues nothing', async () => {
    const cases: Array<[string, string]> = [
      ['kind=month&from=2026-11-30&to=2026-11-01', 'query.to: ends before'],
      [
        'from=2025-01-01&to=2026-02-05',
        'query.to: a period covers at most 400',
      ],
      ['from=2026-11-31&to=2026-12-01', 'query.from: '],
      ['kind=decade&from=2026-11-01&to=2026-11-30', 'query.kind: '],
      // Tuesday 2026-12-08 10:00: December has not ended, nor has today.
      [
        'kind=month&from=2026-12-01&to=2026-12-31',
        'query.to: the period has not ended',
      ],
      ['from=2026-12-08&to=2026-12-08', 'query.to: the period has not ended'],
      [
        `${NOVEMBER}&system=no-such-system`,
        'query.system: no-such-system is not a System',
      ],
      [`${NOVEMBER}&system=resource:default/core-switch-1`, 'query.system: '],
      [`${NOVEMBER}&system=${encodeURIComponent('::')}`, 'query.system: '],
    ];
    for (const [query, message] of cases) {
      const res = await api()
        .get(`/api/reports/figures?${query}`)
        .set('authorization', as('sunlei'));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toContain(message);
    }
    // Yesterday is over: a custom period of one past day is fine.
    const yesterday = await api()
      .get('/api/reports/figures?from=2026-12-07&to=2026-12-07')
      .set('authorization', as('sunlei'));
    expect(yesterday.status).toBe(200);

    const bad = [
      [{ ...ISSUE, kind: undefined }, 'body.kind: '],
      [{ ...ISSUE, language: 'fr' }, 'body.language: '],
      [
        { ...ISSUE, to: '2026-12-31', from: '2026-12-01' },
        'body.to: the period has not ended',
      ],
      [{ ...ISSUE, system: 'system:default/nowhere' }, 'body.system: '],
    ] as const;
    for (const [body, message] of bad) {
      const res = await issue(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    for (const [query, message] of [
      ['from=2026-11-01', 'query.to: '],
      ['kind=decade', 'query.kind: '],
      ['scope=court', 'query: '],
    ]) {
      const res = await api()
        .get(`/api/reports/reports?${query}`)
        .set('authorization', as('sunlei'));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toContain(message);
    }
    const listed = await api()
      .get('/api/reports/reports')
      .set('authorization', as('sunlei'));
    expect(listed.body).toEqual([]);
  });

  it('freezes a report with its files; issuing the same figures again answers that version', async () => {
    const first = await issue(ISSUE);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'month',
      period: { from: '2026-11-01', to: '2026-11-30' },
      language: 'zh',
      version: 1,
      issuedBy: 'user:default/sunlei',
      issuedAt: '2026-12-08T02:00:00.000Z',
      changesFromPrevious: [],
    });
    expect(first.body.systemRef).toBeUndefined();
    expect(first.body.figures.current.tickets.services.total).toBe(2);
    expect(first.body.files.map((f: { name: string }) => f.name)).toEqual([
      'report.docx',
      'report.xlsx',
    ]);

    const contents = new Map<string, Buffer>();
    for (const file of first.body.files) {
      const res = await api()
        .get(`/api/reports/reports/${first.body.id}/files/${file.name}`)
        .set('authorization', as('wuxia'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(file.mediaType);
      expect(res.body.length).toBe(file.bytes);
      expect(createHash('sha256').update(res.body).digest('hex')).toBe(
        file.sha256,
      );
      // Office Open XML: a zip package.
      expect(res.body.subarray(0, 2).toString()).toBe('PK');
      contents.set(file.name, res.body);
    }
    // The workbook carries the rows behind the figures.
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own global Buffer, which Node's Buffer<ArrayBufferLike> does not match.
    await workbook.xlsx.load(
      contents.get('report.xlsx') as unknown as Parameters<
        typeof workbook.xlsx.load
      >[0],
    );
    const cells = workbook.worksheets.flatMap(sheet =>
      sheet.getSheetValues().flatMap(row => (Array.isArray(row) ? row : [])),
    );
    expect(cells).toEqual(
      expect.arrayContaining(['INC-2026-00001', 'SR-2026-00001']),
    );

    await backend.clock.advance({ hours: 1 });
    const again = await issue(ISSUE);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const listed = await api()
      .get('/api/reports/reports?kind=month')
      .set('authorization', as('lina'));
    expect(listed.body.map((r: { id: string }) => r.id)).toEqual([
      first.body.id,
    ]);
    const read = await api()
      .get(`/api/reports/reports/${first.body.id}`)
      .set('authorization', as('lina'));
    expect(read.body).toEqual(first.body);
  });

  it('reissues as a new version showing the figures that changed; the first stays as it was', async () => {
    const first = await issue(ISSUE);
    const docx = () =>
      api()
        .get(`/api/reports/reports/${first.body.id}/files/report.docx`)
        .set('authorization', as('sunlei'))
        .buffer(true)
        .parse(binary);
    const before = (await docx()).body as Buffer;

    // A phone call of 11-28 logged late: November now has 3 services.
    backend.sources.late(
      ticket('INC-2026-00002', 'incident', '2026-11-28T03:00:00.000Z', [
        NETWORK,
      ]),
    );
    await backend.clock.advance({ days: 1 });
    const second = await issue(ISSUE);
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.id).not.toBe(first.body.id);
    // By hand: one more service, incident, phone call and network ticket; one more incident
    // filed (not resolved) for the resolution rate; network's incidents in the top systems.
    expect(second.body.changesFromPrevious).toEqual([
      { path: 'tickets.services.total', before: 2, after: 3 },
      { path: 'tickets.services.byType.incident', before: 1, after: 2 },
      { path: 'tickets.services.byChannel.phone', before: 2, after: 3 },
      {
        path: `tickets.services.bySystem[${NETWORK}].count`,
        before: 2,
        after: 3,
      },
      { path: 'tickets.rates.incidentResolution.whole', before: 1, after: 2 },
      {
        path: `tickets.topSystems[${NETWORK}].incidents`,
        before: 1,
        after: 2,
      },
    ]);

    // The first version is byte for byte what was issued; the second has files of its own.
    expect(((await docx()).body as Buffer).equals(before)).toBe(true);
    const docxOf = (report: {
      files: Array<{ name: string; sha256: string }>;
    }) => report.files.find(f => f.name === 'report.docx')!.sha256;
    expect(docxOf(second.body)).not.toBe(docxOf(first.body));
    const reread = await api()
      .get(`/api/reports/reports/${first.body.id}`)
      .set('authorization', as('sunlei'));
    expect(reread.body).toEqual(first.body);

    // English is a report of its own, numbered from 1.
    const english = await issue({ ...ISSUE, language: 'en' });
    expect(english.status).toBe(201);
    expect(english.body.version).toBe(1);
    // So is a system's.
    const network = await issue({ ...ISSUE, system: 'network' });
    expect(network.body).toMatchObject({ version: 1, systemRef: NETWORK });

    const listed = await api()
      .get('/api/reports/reports?from=2026-11-01&to=2026-11-30')
      .set('authorization', as('sunlei'));
    // Newest first: the reissue of the day leads, the first issue comes last.
    expect(listed.body).toHaveLength(4);
    expect(listed.body[0].id).toBe(second.body.id);
    expect(listed.body[3].id).toBe(first.body.id);
  });

  it('never gives two issues at once the same version', async () => {
    const at = await Promise.all(Array.from({ length: 5 }, () => issue(ISSUE)));
    expect(at.map(r => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(at.map(r => r.body.id)).size).toBe(1);

    backend.sources.late(
      ticket(
        'SR-2026-00002',
        'service-request',
        '2026-11-29T03:00:00.000Z',
        [],
      ),
    );
    const again = await Promise.all(
      Array.from({ length: 4 }, () => issue(ISSUE)),
    );
    expect(again.map(r => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(again.map(r => r.body.version))).toEqual(new Set([2]));
    const listed = await api()
      .get('/api/reports/reports')
      .set('authorization', as('sunlei'));
    expect(listed.body.map((r: { version: number }) => r.version)).toEqual([
      2, 1,
    ]);
  });

  it('lets the court IT office acknowledge a report once', async () => {
    const issued = await issue(ISSUE);
    const ack = (user: string, id = issued.body.id) =>
      api()
        .post(`/api/reports/reports/${id}/acknowledge`)
        .set('authorization', as(user))
        .send();
    expect((await ack('sunlei')).status).toBe(403);
    expect((await ack('lina')).status).toBe(403);

    await backend.clock.advance({ hours: 2 });
    const first = await ack('wuxia');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: issued.body.id,
      acknowledgedBy: 'user:default/wuxia',
      acknowledgedAt: '2026-12-08T04:00:00.000Z',
    });
    const second = await ack('huangjun');
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('user:default/wuxia');
    expect((await ack('wuxia', 'no-such-report')).status).toBe(404);

    const read = await api()
      .get(`/api/reports/reports/${issued.body.id}`)
      .set('authorization', as('sunlei'));
    expect(read.body).toEqual({
      ...issued.body,
      acknowledgedBy: 'user:default/wuxia',
      acknowledgedAt: '2026-12-08T04:00:00.000Z',
    });

    // Issuing and acknowledging are audited, refusals too (the policy audits its denials apart).
    const reportAudits = backend.audits.filter(
      a => a.eventId !== 'policy-decision',
    );
    expect(reportAudits.map(a => `${a.eventId} ${a.outcome}`)).toEqual([
      'report-issue success',
      'report-acknowledge fail',
      'report-acknowledge fail',
      'report-acknowledge success',
      'report-acknowledge fail',
      'report-acknowledge fail',
    ]);
    expect(reportAudits[0].meta).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(reportAudits[3].meta).toEqual({ id: issued.body.id });
  });
});
