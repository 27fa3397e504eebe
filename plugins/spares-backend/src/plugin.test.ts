import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  COURTROOM,
  LOANER,
  RECORDER,
  UPS,
  as,
  startSparesBackend,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

const ENGINEER = 'wangqiang';

describe('spares API with the real service desk', () => {
  let backend: Awaited<ReturnType<typeof startSparesBackend>>;
  beforeAll(async () => {
    backend = await startSparesBackend();
  });
  afterAll(() => backend.stop());

  const api = () => request(backend.server);
  const move = (user: string, body: Record<string, unknown>) =>
    api()
      .post('/api/spares/movements')
      .set('Authorization', as(user))
      .send(body);
  const receive = (quantity: number, locationId = 'store-a') =>
    move(ENGINEER, {
      kind: 'receipt',
      partTypeId: 'hdd-4tb',
      locationId,
      quantity,
      supplier: '锐取',
      reference: 'PO-2026-118',
    });
  const stock = async () =>
    (
      await api()
        .get('/api/spares/stock/hdd-4tb')
        .set('Authorization', as(ENGINEER))
    ).body;
  const fileTicket = async (entityRefs: string[]) => {
    const res = await api()
      .post('/api/tickets/tickets')
      .set('Authorization', as('xuli'))
      .send({
        type: 'incident',
        title: '第一法庭录像主机硬盘故障',
        description: '庭审前录像主机报硬盘错误',
        urgency: 'high',
        impact: 'medium',
        entityRefs,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };
  const ticketEvents = async (number: string) =>
    (
      await api()
        .get(`/api/tickets/tickets/${number}`)
        .set('Authorization', as('lina'))
    ).body.events as Array<{ type: string; body?: string; actor: string }>;

  it('refuses a caller without the permission before reading the input (403, not 400)', async () => {
    expect((await move('xuli', { kind: 'issue', quantity: -1 })).status).toBe(
      403,
    );
    expect(
      (
        await api()
          .get('/api/spares/store')
          .set('Authorization', as('newcomer'))
      ).status,
    ).toBe(403);
    const partType = await api()
      .put('/api/spares/part-types')
      .set('Authorization', as(ENGINEER))
      .send({ id: 'x' });
    expect(partType.status).toBe(403);
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    await receive(3);
    const before = await stock();
    const ticket = await fileTicket([RECORDER]);
    const bad = [
      [{ quantity: 1.5 }, 'body.quantity'],
      [{ quantity: -2 }, 'body.quantity'],
      [{ locationId: 'no-such-room' }, 'body.locationId'],
      [{ partTypeId: 'no-such-part' }, 'body.partTypeId'],
      [{ ticket: 'INC-2026-99999' }, 'body.ticket'],
    ] as const;
    for (const [override, field] of bad) {
      const res = await move(ENGINEER, {
        kind: 'issue',
        partTypeId: 'hdd-4tb',
        locationId: 'store-a',
        quantity: 1,
        ticket: ticket.number,
        ...override,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const count = await move(ENGINEER, {
      kind: 'count',
      partTypeId: 'hdd-4tb',
      locationId: 'store-a',
      counted: 1,
    });
    expect(count.status).toBe(400);
    expect(count.body.error.message).toContain('body.reason');
    expect(await stock()).toEqual(before);
    expect(
      (await ticketEvents(ticket.number)).filter(e => e.type === 'commented'),
    ).toEqual([]);
  });

  it('issues a disk against a courtroom ticket: the ticket shows it, the device tab lists it', async () => {
    const ticket = await fileTicket([RECORDER]);
    const res = await move(ENGINEER, {
      kind: 'issue',
      partTypeId: 'hdd-4tb',
      locationId: 'store-a',
      quantity: 1,
      ticket: ticket.number,
    });
    expect(res.status).toBe(201);
    expect(res.body.warning).toBeUndefined();
    expect(res.body.movement).toMatchObject({
      kind: 'issue',
      delta: -1,
      ticket: ticket.number,
      deviceRef: RECORDER,
      systemRef: COURTROOM,
      actor: `user:default/${ENGINEER}`,
    });
    const notes = (await ticketEvents(ticket.number)).filter(
      e => e.type === 'commented',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain('hdd-4tb');
    expect(notes[0].body).toContain(`#${res.body.movement.seq}`);
    expect(notes[0].actor).toBe(`user:default/${ENGINEER}`);

    const tab = await api()
      .get(`/api/spares/devices/${encodeURIComponent(RECORDER)}`)
      .set('Authorization', as('wuxia'));
    expect(tab.status).toBe(200);
    expect(
      tab.body.fitting.map((s: { partType: { id: string } }) => s.partType.id),
    ).toEqual(['hdd-4tb']);
    expect(tab.body.used.map((m: { seq: number }) => m.seq)).toContain(
      res.body.movement.seq,
    );
  });

  it('pauses a ticket waiting for a named part; a receipt of it tells the assignee it is in', async () => {
    const act = (number: string, body: Record<string, unknown>) =>
      api()
        .post(`/api/tickets/tickets/${number}/actions`)
        .set('Authorization', as(ENGINEER))
        .send(body);
    const waitFor = async (part: Record<string, unknown>) => {
      const ticket = await fileTicket([RECORDER]);
      const taken = await act(ticket.number, {
        action: 'acknowledge',
        version: 1,
      });
      expect(taken.status).toBe(200);
      return {
        ticket,
        paused: await act(ticket.number, {
          action: 'pause',
          version: taken.body.version,
          reason: 'waiting-part',
          note: '等硬盘到货',
          part,
        }),
      };
    };
    const stocked = await waitFor({ partTypeId: 'hdd-4tb' });
    expect(stocked.paused.status).toBe(200);
    expect(stocked.paused.body).toMatchObject({
      status: 'pending',
      pauseReason: 'waiting-part',
      awaitedPart: { partTypeId: 'hdd-4tb', name: '4 TB 录像硬盘' },
    });
    const unstocked = await waitFor({ text: '主板 RE-TC8000-MB' });
    expect(unstocked.paused.body.awaitedPart).toEqual({
      name: '主板 RE-TC8000-MB',
    });

    // An unknown part type is a 400 naming the field; the ticket stays as it was.
    const unknown = await waitFor({ partTypeId: 'no-such-part' });
    expect(unknown.paused.status).toBe(400);
    expect(unknown.paused.body.error.message).toContain('body.part.partTypeId');
    const after = await api()
      .get(`/api/tickets/tickets/${unknown.ticket.number}`)
      .set('Authorization', as('lina'));
    expect(after.body.ticket.status).toBe('acknowledged');
    expect(after.body.ticket.awaitedPart).toBeUndefined();

    const paused = (await ticketEvents(stocked.ticket.number)).find(
      e => e.type === 'paused',
    ) as unknown as { part: unknown };
    expect(paused.part).toEqual({
      partTypeId: 'hdd-4tb',
      name: '4 TB 录像硬盘',
    });

    backend.notifications.length = 0;
    expect((await receive(2)).status).toBe(201);
    const told = backend.notifications.filter(
      n => n.payload.topic === 'spares-awaited-part-in',
    );
    expect(told).toHaveLength(1);
    expect(told[0].recipients).toEqual({
      type: 'entity',
      entityRef: `user:default/${ENGINEER}`,
    });
    expect(told[0].payload.link).toBe(`/tickets/${stocked.ticket.number}`);

    // Resumed, it waits for nothing, and the next receipt tells no one.
    const resumed = await act(stocked.ticket.number, {
      action: 'resume',
      version: stocked.paused.body.version,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body.awaitedPart).toBeUndefined();
    backend.notifications.length = 0;
    await receive(1);
    expect(
      backend.notifications.filter(
        n => n.payload.topic === 'spares-awaited-part-in',
      ),
    ).toEqual([]);
  });

  it('records a part that does not fit the device as a warning with its reason, not a refusal', async () => {
    const ticket = await fileTicket([UPS]);
    const res = await move(ENGINEER, {
      kind: 'issue',
      partTypeId: 'hdd-4tb',
      locationId: 'store-a',
      quantity: 1,
      ticket: ticket.number,
      reason: 'UPS 监控盒用同型号硬盘',
    });
    expect(res.status).toBe(201);
    expect(res.body.warning).toBe('fits courtroom-recorder, nvr, not a ups');
    expect(res.body.movement).toMatchObject({
      fitWarning: 'fits courtroom-recorder, nvr, not a ups',
      reason: 'UPS 监控盒用同型号硬盘',
    });
    const [note] = (await ticketEvents(ticket.number)).filter(
      e => e.type === 'commented',
    );
    expect(note.body).toContain('not a ups');
  });

  it('gives 5 of 20 parallel issues of the last 5 parts, the rest 409; tells the ops manager once', async () => {
    const ticket = await fileTicket([RECORDER]);
    const left =
      (await stock()).byLocation.find(
        (s: { locationId: string }) => s.locationId === 'store-a',
      )?.quantity ?? 0;
    // Exactly five on the shelf at store-b.
    await receive(5, 'store-b');
    const told = backend.notifications.length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        move(ENGINEER, {
          kind: 'issue',
          partTypeId: 'hdd-4tb',
          locationId: 'store-b',
          quantity: 1,
          ticket: ticket.number,
        }),
      ),
    );
    const statuses = answers.map(a => a.status).sort();
    expect(statuses.filter(s => s === 201)).toHaveLength(5);
    expect(statuses.filter(s => s === 409)).toHaveLength(15);
    const after = await stock();
    expect(after.byLocation).toEqual(
      left > 0 ? [{ locationId: 'store-a', quantity: left }] : [],
    );
    const belowMinimum = backend.notifications
      .slice(told)
      .filter(n => n.payload.topic === 'spares-below-minimum');
    expect(belowMinimum).toHaveLength(left >= 2 ? 0 : 1);
    expect(after.belowMinimum).toBe(left < 2);
  });

  it('sends the failed recorder out from its ticket with a loaner, flags it overdue, brings it back', async () => {
    const ticket = await fileTicket([RECORDER]);
    const opened = await api()
      .post('/api/spares/repairs')
      .set('Authorization', as(ENGINEER))
      .send({
        deviceRef: RECORDER,
        ticket: ticket.number,
        vendorId: 'reach',
        terms: 'warranty',
        sentOn: '2026-12-07',
        promisedOn: '2026-12-09',
        rma: 'RMA-88123',
        loaner: LOANER,
        loanerWhere: '第一法庭',
      });
    expect(opened.status).toBe(201);
    const repair = opened.body;
    expect(repair).toMatchObject({
      number: expect.stringMatching(/^RPR-\d{5}$/),
      overdue: false,
    });

    // Both ways: the ticket names the repair, the repair list by ticket finds it.
    const [note] = (await ticketEvents(ticket.number)).filter(
      e => e.type === 'commented',
    );
    expect(note.body).toContain(repair.number);
    expect(note.body).toContain('RMA-88123');
    const byTicket = await api()
      .get(`/api/spares/repairs?ticket=${ticket.number}`)
      .set('Authorization', as('lina'));
    expect(byTicket.body.map((r: { id: string }) => r.id)).toEqual([repair.id]);
    const tab = await api()
      .get(`/api/spares/devices/${encodeURIComponent(RECORDER)}`)
      .set('Authorization', as('xuli'));
    expect(tab.status).toBe(403);
    const tabAsDesk = await api()
      .get(`/api/spares/devices/${encodeURIComponent(RECORDER)}`)
      .set('Authorization', as('lina'));
    expect(tabAsDesk.body.outForRepair).toMatchObject({
      id: repair.id,
      sentOn: '2026-12-07',
      loaner: LOANER,
    });

    // The promised day is not late; the watch at 09:00 the day after tells both, once.
    await backend.clock.set('2026-12-09T23:00:00+08:00');
    expect(
      backend.notifications.filter(
        n => n.payload.topic === 'spares-repair-overdue',
      ),
    ).toHaveLength(0);
    await backend.clock.set('2026-12-10T09:00:00+08:00');
    const overdue = backend.notifications.filter(
      n => n.payload.topic === 'spares-repair-overdue',
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0].recipients).toEqual({
      type: 'entity',
      entityRef: [
        'group:default/ops-managers',
        'group:default/court-it-office',
      ],
    });
    await backend.clock.set('2026-12-11T09:00:00+08:00');
    expect(
      backend.notifications.filter(
        n => n.payload.topic === 'spares-repair-overdue',
      ),
    ).toHaveLength(1);
    const listed = await api()
      .get('/api/spares/repairs?status=overdue')
      .set('Authorization', as('wuxia'));
    expect(listed.body.map((r: { id: string }) => r.id)).toContain(repair.id);

    const act = (body: Record<string, unknown>) =>
      api()
        .post(`/api/spares/repairs/${repair.id}/actions`)
        .set('Authorization', as(ENGINEER))
        .send(body);
    const early = await act({
      action: 'return',
      version: 1,
      returnedOn: '2026-12-06',
      result: 'repaired',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('body.returnedOn');
    expect(
      (await act({ action: 'update', version: 1, note: '厂商已收到' })).status,
    ).toBe(200);
    expect(
      (await act({ action: 'update', version: 1, note: 'stale' })).status,
    ).toBe(409);
    const back = await act({
      action: 'return',
      version: 2,
      returnedOn: '2026-12-11',
      result: 'repaired',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      returnedOn: '2026-12-11',
      result: 'repaired',
      overdue: false,
    });
    expect(back.body.updates.map((u: { note: string }) => u.note)).toEqual([
      '厂商已收到',
      '返回 · Returned: repaired',
    ]);
    const after = await api()
      .get(`/api/spares/devices/${encodeURIComponent(RECORDER)}`)
      .set('Authorization', as('lina'));
    expect(after.body.outForRepair).toBeUndefined();
  });

  it('gives the figures of a period and the monthly stock report', async () => {
    await backend.clock.set('2027-01-02T10:00:00+08:00');
    const notOver = await api()
      .get('/api/spares/figures?from=2027-01-01&to=2027-01-31')
      .set('Authorization', as('sunlei'));
    expect(notOver.status).toBe(400);
    expect(notOver.body.error.message).toContain('query.to');
    const figures = await api()
      .get('/api/spares/figures?from=2026-12-01&to=2026-12-31')
      .set('Authorization', as('sunlei'));
    expect(figures.status).toBe(200);
    const issued = (
      await api()
        .get('/api/spares/store?limit=10')
        .set('Authorization', as('sunlei'))
    ).body.movements
      .filter((m: { kind: string }) => m.kind === 'issue')
      .reduce((n: number, m: { delta: number }) => n - m.delta, 0);
    expect(figures.body.partsUsed.total).toBe(issued);
    expect(figures.body.partsUsed.byMonth).toEqual([
      { month: '2026-12', quantity: issued },
    ]);
    expect(
      figures.body.partsUsed.bySystem.find(
        (s: { system: string }) => s.system === 'system:default/machine-room',
      ),
    ).toEqual({
      system: 'system:default/machine-room',
      quantity: 1,
    });
    expect(figures.body.repairTurnaround).toEqual([
      {
        vendorId: 'reach',
        vendorName: '锐取 Reach',
        returned: 1,
        averageDays: 4,
        longestDays: 4,
      },
    ]);

    const report = await api()
      .get('/api/spares/reports/stock.xlsx?month=2026-12')
      .set('Authorization', as('sunlei'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.body);
    const row = workbook.worksheets[0].getRow(2).values as unknown[];
    const total = (await stock()).total;
    // Part, name, opening 0, received, issued, returned, count difference, closing = the stock.
    expect(row.slice(1, 3)).toEqual(['hdd-4tb', '4 TB 录像硬盘']);
    expect(row[3]).toBe(0);
    expect(row[5]).toBe(issued);
    expect(row[8]).toBe(total);
  });
});
