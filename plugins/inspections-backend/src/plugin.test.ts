import { ManualCourtClock } from '@internal/plugin-court-node';
import request from 'supertest';
import {
  as,
  FakeDeskLog,
  startInspectionsBackend,
} from './__testUtils__/backend';
import { MACHINE_ROOMS, UPS } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

describe('inspections API', () => {
  const desk: FakeDeskLog = { posts: [], tickets: new Map() };
  let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;
  beforeAll(async () => {
    backend = await startInspectionsBackend({ desk });
  });
  afterAll(() => backend.stop());

  const api = () => request(backend.server);
  const startRound = (user = 'wangqiang') =>
    api()
      .post('/api/inspections/rounds')
      .set('Authorization', as(user))
      .send({ building: 'B' });
  const save = (
    checkId: string,
    item: string,
    body: object,
    user = 'wangqiang',
  ) =>
    api()
      .put(`/api/inspections/checks/${checkId}/results/${item}`)
      .set('Authorization', as(user))
      .send(body);

  it("lists today's rounds, made on demand on a working day (Tuesday 2026-03-03, 09:00)", async () => {
    const res = await api()
      .get('/api/inspections/rounds')
      .set('Authorization', as('wangqiang'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: '2026-03-03', workingDay: true });
    expect(res.body.rounds.length).toBeGreaterThan(0);
  });

  // Daily plans: a day off has no rounds, whatever its weekday; "today" is
  // the court's (Beijing) date even when it is still yesterday in UTC.
  it.each([
    ['2026-02-17T03:00:00+08:00', '2026-02-17', false], // Spring Festival, a Tuesday
    ['2026-02-28T12:00:00+08:00', '2026-02-28', true], // make-up working Saturday
    ['2026-03-07T12:00:00+08:00', '2026-03-07', false], // ordinary Saturday
  ])(
    "at %s today's rounds are those of %s (working day: %s)",
    async (instant, date, workingDay) => {
      const other = await startInspectionsBackend({
        clock: new ManualCourtClock(instant),
      });
      try {
        const res = await request(other.server)
          .get('/api/inspections/rounds')
          .set('Authorization', as('wangqiang'));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ date, workingDay });
        expect(res.body.rounds.length > 0).toBe(workingDay);
      } finally {
        await other.stop();
      }
    },
  );

  it('runs an ad-hoc round: failed UPS battery → one incident, also when the save is retried', async () => {
    const started = await startRound();
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      kind: 'ad-hoc',
      routeKey: 'B',
      assignee: 'user:default/wangqiang',
    });

    const { body: round } = await api()
      .get(`/api/inspections/rounds/${started.body.id}`)
      .set('Authorization', as('wangqiang'));
    expect(round.checks.map((c: { deviceRef: string }) => c.deviceRef)).toEqual(
      [
        'resource:default/pc-01',
        'resource:default/core-switch-01',
        'resource:default/precision-ac-01',
        UPS,
      ],
    );
    const ups = round.checks.find(
      (c: { deviceRef: string }) => c.deviceRef === UPS,
    );
    expect(ups.location).toMatchObject({
      building: '综合办公楼',
      room: 'UPS 电池室',
    });

    const answer = {
      value: { kind: 'reading', value: 35 },
      idempotencyKey: 'battery-answer-1',
    };
    const first = await save(ups.id, 'battery-charge', answer);
    expect(first.status).toBe(200);
    expect(first.body.result).toMatchObject({
      verdict: 'out-of-limits',
      incident: { number: 'INC-2026-00001' },
    });
    const retry = await save(ups.id, 'battery-charge', answer);
    expect(retry.body).toMatchObject({
      replayed: true,
      result: { incident: { number: 'INC-2026-00001' } },
    });
    expect(desk.posts).toHaveLength(1);
    expect(desk.posts[0].caller).toBe('plugin:inspections');
    expect(desk.posts[0].body).toMatchObject({
      type: 'incident',
      channel: 'inspection',
      entityRefs: [UPS],
      reporter: 'user:default/wangqiang',
      sourceRef: `inspections:${round.round.id}:${ups.id}:battery-charge`,
    });

    // The device's tab shows the failure with its incident, the system's too.
    for (const entity of [UPS, MACHINE_ROOMS]) {
      const tab = await api()
        .get(`/api/inspections/entities?entity=${encodeURIComponent(entity)}`)
        .set('Authorization', as('wangqiang'));
      expect(tab.status).toBe(200);
      expect(tab.body.failures[0]).toMatchObject({
        deviceRef: UPS,
        itemId: 'battery-charge',
        label: '电池电量',
        answer: '35 %',
        incident: { number: 'INC-2026-00001' },
      });
      expect(
        tab.body.history.some((c: { id: string }) => c.id === ups.id),
      ).toBe(true);
    }
  });

  it('records a label scan on the open check of the device', async () => {
    const { body: round } = await startRound();
    const res = await api()
      .post('/api/inspections/scans')
      .set('Authorization', as('wangqiang'))
      .send({ device: UPS, roundId: round.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      deviceRef: UPS,
      roundId: round.id,
      checkId: expect.any(String),
    });
  });

  it('prints label sheets: asset tags and QR codes that open the scan page', async () => {
    const info = await api()
      .get('/api/inspections/labels?building=B')
      .set('Authorization', as('wangqiang'));
    expect(info.body).toEqual({ devices: 4, pages: 1, perPage: 24 });
    const sheet = await api()
      .get(
        '/api/inspections/labels/sheet.svg?system=system:default/machine-rooms',
      )
      .set('Authorization', as('wangqiang'))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => done(null, text));
      });
    expect(sheet.status).toBe(200);
    const unknown = await api()
      .get('/api/inspections/labels?system=system:default/nope')
      .set('Authorization', as('wangqiang'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'query.system: system:default/nope is not in the catalog',
    );
    expect(sheet.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg: string = sheet.body;
    expect(svg).toContain('width="210mm" height="297mm"');
    expect(
      [...svg.matchAll(/data-asset-tag="([^"]+)"/g)].map(m => m[1]),
    ).toEqual(['YX-UPS-0302', 'YX-AC-0311', 'YX-UPS-0301']);
    expect(svg).toContain('>综合办公楼 5F</text>');
    expect(svg).toContain('>UPS 电池室</text>');
    expect((svg.match(/<svg /g) ?? []).length).toBe(4); // the page and three QR codes
  });

  it('keeps plans to the ops manager', async () => {
    const plan = {
      id: 'ups-weekly',
      title: 'UPS 周巡检',
      devices: { classes: ['ups'] },
      frequency: 'weekly',
      team: 'group:default/hardware-post',
    };
    const denied = await api()
      .put('/api/inspections/plans/ups-weekly')
      .set('Authorization', as('wangqiang'))
      .send(plan);
    expect(denied.status).toBe(403);
    const saved = await api()
      .put('/api/inspections/plans/ups-weekly')
      .set('Authorization', as('sunlei'))
      .send(plan);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      calendar: 'working-days',
      active: true,
      updatedBy: 'user:default/sunlei',
    });
    const { body: list } = await api()
      .get('/api/inspections/plans')
      .set('Authorization', as('wangqiang'));
    expect(list.map((p: { id: string }) => p.id)).toContain('ups-weekly');
  });

  it('lets the court IT office read rounds but not run them', async () => {
    // It oversees the contractor's rounds; the role table gives it no round.run.
    const read = await api()
      .get('/api/inspections/rounds')
      .set('Authorization', as('wuxia'));
    expect(read.status).toBe(200);
    const run = await api()
      .post('/api/inspections/rounds')
      .set('Authorization', as('wuxia'))
      .send({ building: 'B' });
    expect(run.status).toBe(403);
  });

  it('gives court staff nothing', async () => {
    for (const path of [
      '/rounds',
      '/coverage?from=2026-03-01&to=2026-03-31',
      '/templates',
    ]) {
      const res = await api()
        .get(`/api/inspections${path}`)
        .set('Authorization', as('xuli'));
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  it('answers court staff 403, not a 400 describing the input, on every route (finding 10)', async () => {
    const probes: [string, () => request.Test][] = [
      ['coverage without dates', () => api().get('/api/inspections/coverage')],
      [
        'coverage with bad dates',
        () => api().get('/api/inspections/coverage?from=x&to=y'),
      ],
      [
        'plan PUT with a bad body',
        () => api().put('/api/inspections/plans/x').send({ title: 1 }),
      ],
      [
        'rounds with a bad date',
        () => api().get('/api/inspections/rounds?date=tomorrow'),
      ],
      [
        'ad-hoc round with a bad body',
        () => api().post('/api/inspections/rounds').send({ devices: 7 }),
      ],
      [
        'result with a bad body',
        () => api().put('/api/inspections/checks/c/results/i').send({}),
      ],
      [
        'scan with a bad body',
        () => api().post('/api/inspections/scans').send({}),
      ],
      [
        'virus statistics with a bad month',
        () => api().get('/api/inspections/statistics/viruses?month=13'),
      ],
      ['entity without a ref', () => api().get('/api/inspections/entities')],
      [
        'labels with a bad page',
        () => api().get('/api/inspections/labels/sheet.svg?page=x'),
      ],
    ];
    for (const [name, probe] of probes) {
      const res = await probe().set('Authorization', as('xuli'));
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
      expect(res.body.error.message).not.toMatch(/body\.|query\./);
    }
    // Whoever may plan still gets the 400 naming the field.
    const bad = await api()
      .put('/api/inspections/plans/x')
      .set('Authorization', as('sunlei'))
      .send({ title: 1 });
    expect(bad.status).toBe(400);
  });

  it.each([
    [
      'PUT result: a reading that is not a number',
      'result',
      { value: { kind: 'reading', value: 'low' }, idempotencyKey: 'abcdefgh1' },
      /body\.value\.value: /,
    ],
    [
      'PUT result: no idempotency key',
      'result',
      { value: { kind: 'reading', value: 10 } },
      /body\.idempotencyKey: /,
    ],
    [
      'PUT result: the wrong kind of answer',
      'result',
      {
        value: { kind: 'pass-fail', passed: true },
        idempotencyKey: 'abcdefgh2',
      },
      /body\.value: item battery-charge takes a reading answer, not pass-fail/,
    ],
    [
      'PUT result: an unknown field',
      'result',
      {
        value: { kind: 'reading', value: 90 },
        idempotencyKey: 'abcdefgh3',
        photo: 'x',
      },
      /body: Unrecognized key: "photo"/,
    ],
    [
      'POST rounds: both a building and devices',
      'round',
      { building: 'B', devices: [UPS] },
      /body\.building: give a building or devices, not both/,
    ],
    [
      'POST rounds: a device not in the catalog',
      'round',
      { devices: ['resource:default/toaster-01'] },
      /body\.devices\[0\]: resource:default\/toaster-01 is not a device/,
    ],
    [
      'POST scans: not an entity ref',
      'scan',
      { device: 'ups-01' },
      /body\.device: must be an entity ref/,
    ],
    [
      'PUT plan: an unknown frequency',
      'plan',
      {
        id: 'p',
        title: 't',
        devices: { classes: ['ups'] },
        frequency: 'hourly',
        team: 'group:default/hardware-post',
      },
      /body\.frequency: /,
    ],
  ])(
    'answers %s with a 400 naming the field',
    async (_, target, body, message) => {
      const { body: round } = await startRound();
      const { body: detail } = await api()
        .get(`/api/inspections/rounds/${round.id}`)
        .set('Authorization', as('wangqiang'));
      const ups = detail.checks.find(
        (c: { deviceRef: string }) => c.deviceRef === UPS,
      );
      const send: Record<string, () => request.Test> = {
        result: () => save(ups.id, 'battery-charge', body),
        round: () =>
          api()
            .post('/api/inspections/rounds')
            .set('Authorization', as('wangqiang'))
            .send(body),
        scan: () =>
          api()
            .post('/api/inspections/scans')
            .set('Authorization', as('wangqiang'))
            .send(body),
        plan: () =>
          api()
            .put('/api/inspections/plans/p')
            .set('Authorization', as('sunlei'))
            .send(body),
      };
      const res = await send[target]();
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it.each([
    [
      '/coverage?from=2026-03-31&to=2026-03-01',
      /query\.to: must not be before from/,
    ],
    ['/coverage?from=2026-03-01', /query\.to: /],
    [
      '/coverage?from=2025-01-01&to=2026-03-01',
      /query\.to: a period is at most a year/,
    ],
    [
      '/statistics/viruses?month=2026-13',
      /query\.month: must be a month such as 2026-11/,
    ],
    [
      '/statistics/viruses?month=2026-11&from=2026-11-01&to=2026-11-30',
      /query\.month: give a month, or from and to, not both/,
    ],
    [
      '/statistics/viruses?from=2026-01-01&to=2027-03-01',
      /query\.to: a period is at most a year/,
    ],
    ['/entities?entity=ups-01', /query\.entity: /],
    ['/labels/sheet.svg?page=9', /query\.page: there are 1 pages/],
    ['/rounds?date=2026-02-30', /query\.date: /],
  ])('answers GET %s with a 400 naming the field', async (path, message) => {
    const res = await api()
      .get(`/api/inspections${path}`)
      .set('Authorization', as('sunlei'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
