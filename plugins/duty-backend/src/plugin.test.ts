import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { answered, as } from '@internal/plugin-court-node/testUtils';
import type { Roster, Shift } from '@internal/plugin-duty-common';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import request from 'supertest';
import { startDutyBackend } from './__testUtils__/backend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const MONTH = '2026-02';

describe.each(databases.eachSupportedId())('the duty API on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startDutyBackend>>;
  const api = () => request(backend.server);
  const roster = async (): Promise<Roster> =>
    answered(
      await api()
        .get(`/api/duty/rosters/${MONTH}`)
        .set('Authorization', as('xuli')),
      200,
    ).body;
  const shiftOf = (r: Roster, date: string, pick: (s: Shift) => boolean) =>
    r.shifts.find(s => s.date === date && pick(s))!;

  beforeAll(async () => {
    backend = await startDutyBackend({
      at: '2026-01-20T10:00:00+08:00',
      knex: await databases.init(databaseId as TestDatabaseId),
    });
  });
  afterAll(() => backend?.stop());

  it('asks who the caller is before reading the input: 403, not 400', async () => {
    for (const user of ['liuyang', 'wuxia', 'xuli']) {
      const res = await api()
        .post(`/api/duty/rosters/not-a-month/generate`)
        .set('Authorization', as(user))
        .send({ replace: 'yes' });
      expect(res.status).toBe(403);
    }
    const stranger = await api()
      .get('/api/duty/on-call')
      .set('Authorization', as('newcomer'));
    expect(stranger.status).toBe(403);
    const bad = await api()
      .post('/api/duty/rosters/2026-13/generate')
      .set('Authorization', as('sunlei'))
      .send({});
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^month: /);
  });

  it('generates February over the Spring Festival: every day staffed, make-up days marked', async () => {
    const res = await api()
      .post(`/api/duty/rosters/${MONTH}/generate`)
      .set('Authorization', as('sunlei'))
      .send({});
    expect(res.status).toBe(201);
    const generated: Roster = res.body;
    expect(generated.status).toBe('draft');
    expect(generated.problems).toEqual([]);
    expect(generated.days.find(d => d.date === '2026-02-14')?.dayKind).toBe(
      'working',
    );
    expect(generated.days.find(d => d.date === '2026-02-16')?.dayKind).toBe(
      'holiday',
    );
    expect(generated.days.find(d => d.date === '2026-02-07')?.dayKind).toBe(
      'rest',
    );
    // Desk 2 (covering hardware) + software 2 on site and one on the phone, all 28 days.
    expect(generated.shifts).toHaveLength(28 * 5);
    expect(
      shiftOf(generated, '2026-02-16', s => s.kind === 'phone').startsAt,
    ).toBe('2026-02-16T10:30:00.000Z');
    const again = await api()
      .post(`/api/duty/rosters/${MONTH}/generate`)
      .set('Authorization', as('sunlei'))
      .send({});
    expect(again.status).toBe(409);
    expect((await roster()).version).toBe(generated.version);
  });

  it('refuses an edit that breaks a rule, naming it, and changes nothing', async () => {
    const before = await roster();
    const desk = shiftOf(before, '2026-02-03', s => s.post === 'desk');
    const software = shiftOf(before, '2026-02-03', s => s.post === 'software');
    const unknown = await api()
      .put(`/api/duty/shifts/${desk.id}`)
      .set('Authorization', as('sunlei'))
      .send({ engineer: 'user:default/xuli', expectedVersion: desk.version });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /^body\.engineer: .*not an engineer/,
    );
    const doubled = await api()
      .put(`/api/duty/shifts/${desk.id}`)
      .set('Authorization', as('sunlei'))
      .send({
        engineer:
          software.engineer === 'user:default/liuyang'
            ? 'user:default/chenjing'
            : 'user:default/liuyang',
        expectedVersion: desk.version,
      });
    expect(doubled.status).toBe(409);
    const overlapping = await api()
      .post(`/api/duty/rosters/${MONTH}/shifts`)
      .set('Authorization', as('sunlei'))
      .send({
        date: '2026-02-03',
        kind: 'on-site',
        post: 'software',
        engineer: software.engineer,
      });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.message).toContain('two shifts at once');
    const stale = await api()
      .put(`/api/duty/shifts/${desk.id}`)
      .set('Authorization', as('sunlei'))
      .send({ engineer: null, expectedVersion: desk.version + 1 });
    expect(stale.status).toBe(409);
    const after = await roster();
    expect(after.shifts).toEqual(before.shifts);
    expect(
      backend.audits
        .filter(a => a.eventId === 'duty-shift-update')
        .map(a => a.outcome),
    ).toEqual(['fail', 'fail', 'fail']);
  });

  it('refuses a shift for an engineer the court does not approve now, and shows the rest (SEC-2)', async () => {
    const before = await roster();
    const desk = shiftOf(before, '2026-02-04', s => s.post === 'desk');
    const who = desk.engineer!;
    backend.unapproved.add(who);
    try {
      const kept = await api()
        .put(`/api/duty/shifts/${desk.id}`)
        .set('Authorization', as('sunlei'))
        .send({ engineer: who, expectedVersion: desk.version });
      expect(kept.status).toBe(409);
      expect(kept.body.error.message).toBe(
        `${who} is not approved for the court (shift ${desk.id})`,
      );
      const flagged = (await roster()).problems.filter(
        p => p.rule === 'not-approved',
      );
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.every(p => 'engineer' in p && p.engineer === who)).toBe(
        true,
      );
    } finally {
      backend.unapproved.delete(who);
    }
    const after = await roster();
    expect(after.problems).toEqual(before.problems);
    expect(after.shifts).toEqual(before.shifts);
  });

  it('publishes the checked version and tells every engineer on it', async () => {
    const current = await roster();
    const stale = await api()
      .post(`/api/duty/rosters/${MONTH}/publish`)
      .set('Authorization', as('sunlei'))
      .send({ expectedVersion: current.version + 1 });
    expect(stale.status).toBe(409);
    const res = await api()
      .post(`/api/duty/rosters/${MONTH}/publish`)
      .set('Authorization', as('sunlei'))
      .send({ expectedVersion: current.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    const notice = backend.sent.find(n => n.title.includes('published'));
    expect(new Set(notice?.recipients)).toEqual(
      new Set(current.shifts.map(s => s.engineer)),
    );
  });

  it('answers who is on call: the phone at 21:00, the desk at 10:00', async () => {
    const published = await roster();
    const night = await api()
      .get('/api/duty/on-call')
      .query({ at: '2026-02-16T21:00:00+08:00' })
      .set('Authorization', as('xuli'));
    expect(night.body).toMatchObject({
      onSiteHours: false,
      first: shiftOf(published, '2026-02-16', s => s.kind === 'phone').engineer,
    });
    const day = await api()
      .get('/api/duty/on-call')
      .query({ at: '2026-02-16T10:00:00+08:00' })
      .set('Authorization', as('xuli'));
    expect(day.body.onSiteHours).toBe(true);
    expect(day.body.first).toBe(
      shiftOf(published, '2026-02-16', s => s.post === 'desk').engineer,
    );
    expect(day.body.onSite).toHaveLength(4);
    const bad = await api()
      .get('/api/duty/on-call')
      .query({ at: '2026-02-16 10:00' })
      .set('Authorization', as('xuli'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.at: /);
  });

  it('leave needs both approvals; a refusal changes nothing; the gap shows until a substitute is named', async () => {
    const leave = (user: string, body: object) =>
      api().post('/api/duty/leave').set('Authorization', as(user)).send(body);
    const decide = (user: string, id: string, body: object) =>
      api()
        .post(`/api/duty/leave/${id}/decision`)
        .set('Authorization', as(user))
        .send(body);

    const backwards = await leave('liuyang', {
      from: '2026-02-11',
      to: '2026-02-10',
      reason: '探亲',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^body\.to: ends before/);

    const first = answered(
      await leave('liuyang', {
        from: '2026-02-10',
        to: '2026-02-11',
        reason: '探亲',
      }),
      201,
    ).body;
    expect(
      (
        await leave('liuyang', {
          from: '2026-02-11',
          to: '2026-02-12',
          reason: '又',
        })
      ).status,
    ).toBe(409);
    expect((await decide('liuyang', first.id, { approve: true })).status).toBe(
      403,
    );
    const before = await roster();
    expect(
      answered(await decide('sunlei', first.id, { approve: true }), 200).body
        .status,
    ).toBe('requested');
    expect((await decide('sunlei', first.id, { approve: true })).status).toBe(
      409,
    );
    const noReason = await decide('wuxia', first.id, { approve: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^body\.reason: /);
    const refused = answered(
      await decide('wuxia', first.id, { approve: false, reason: '开庭周' }),
      200,
    ).body;
    expect(refused).toMatchObject({
      status: 'refused',
      court: { approved: false, reason: '开庭周' },
    });
    expect((await roster()).shifts).toEqual(before.shifts);

    // The requester cannot decide, even holding the IT office's role.
    const own = answered(
      await leave('it-engineer', {
        from: '2026-02-20',
        to: '2026-02-20',
        reason: '体检',
      }),
      201,
    ).body;
    const self = await decide('it-engineer', own.id, { approve: true });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toContain('requester');

    const second = answered(
      await leave('liuyang', {
        from: '2026-02-10',
        to: '2026-02-11',
        reason: '探亲',
      }),
      201,
    ).body;
    answered(await decide('wuxia', second.id, { approve: true }), 200);
    const approved = answered(
      await decide('sunlei', second.id, { approve: true }),
      200,
    ).body;
    expect(approved.status).toBe('approved');
    const gap = await roster();
    const vacated = gap.shifts.filter(s => s.engineer === null);
    expect(vacated.length).toBe(
      before.shifts.filter(
        s =>
          s.engineer === 'user:default/liuyang' &&
          ['2026-02-10', '2026-02-11'].includes(s.date),
      ).length,
    );
    expect(vacated.length).toBeGreaterThan(0);
    expect(gap.problems).toEqual(
      expect.arrayContaining(
        vacated.map(s =>
          expect.objectContaining({ rule: 'vacant', shiftId: s.id }),
        ),
      ),
    );
    expect(
      backend.sent.some(
        n =>
          n.recipients.includes('user:default/liuyang') &&
          n.title.includes('Leave approved'),
      ),
    ).toBe(true);

    // Leave reasons are personal: approvers see all, engineers their own, court staff none.
    const listed = async (user: string) =>
      answered(
        await api().get('/api/duty/leave').set('Authorization', as(user)),
        200,
      ).body.map((l: { engineer: string }) => l.engineer);
    expect(new Set(await listed('wuxia'))).toEqual(
      new Set(['user:default/liuyang', 'user:default/it-engineer']),
    );
    expect(new Set(await listed('liuyang'))).toEqual(
      new Set(['user:default/liuyang']),
    );
    expect(await listed('xuli')).toEqual([]);

    // Liuyang himself may not be named back during his leave.
    const onLeave = await api()
      .put(`/api/duty/shifts/${vacated[0].id}`)
      .set('Authorization', as('sunlei'))
      .send({
        engineer: 'user:default/liuyang',
        expectedVersion: vacated[0].version,
      });
    expect(onLeave.status).toBe(409);
    expect(onLeave.body.error.message).toContain('on leave');
    for (const shift of vacated) {
      answered(
        await api()
          .put(`/api/duty/shifts/${shift.id}`)
          .set('Authorization', as('sunlei'))
          .send({
            engineer:
              shift.kind === 'phone'
                ? 'user:default/wangqiang'
                : 'user:default/it-engineer',
            expectedVersion: shift.version,
          }),
        200,
      );
    }
    expect((await roster()).problems).toEqual([]);
  });

  it('a swap hands a shift over once the ops manager approves it, within the rules', async () => {
    const current = await roster();
    const mine = shiftOf(current, '2026-02-25', s => s.post === 'software');
    const giver = mine.engineer!.replace('user:default/', '');
    const notMine = await api()
      .post('/api/duty/swaps')
      .set('Authorization', as(giver === 'liuyang' ? 'chenjing' : 'liuyang'))
      .send({ shiftId: mine.id, toEngineer: 'user:default/it-engineer' });
    expect(notMine.status).toBe(409);
    const swap = answered(
      await api().post('/api/duty/swaps').set('Authorization', as(giver)).send({
        shiftId: mine.id,
        toEngineer: 'user:default/it-engineer',
        note: '家中有事',
      }),
      201,
    ).body;
    expect(
      (
        await api()
          .post(`/api/duty/swaps/${swap.id}/decision`)
          .set('Authorization', as(giver))
          .send({ approve: true })
      ).status,
    ).toBe(403);
    const decided = answered(
      await api()
        .post(`/api/duty/swaps/${swap.id}/decision`)
        .set('Authorization', as('sunlei'))
        .send({ approve: true }),
      200,
    ).body;
    expect(decided.status).toBe('approved');
    expect(
      shiftOf(await roster(), '2026-02-25', s => s.id === mine.id).engineer,
    ).toBe('user:default/it-engineer');

    // A swap onto the desk for someone who may not stand it is refused on approval.
    const desk = shiftOf(current, '2026-02-26', s => s.post === 'desk');
    const wrong = answered(
      await api()
        .post('/api/duty/swaps')
        .set('Authorization', as(desk.engineer!.replace('user:default/', '')))
        .send({ shiftId: desk.id, toEngineer: 'user:default/chenjing' }),
      201,
    ).body;
    const refused = await api()
      .post(`/api/duty/swaps/${wrong.id}/decision`)
      .set('Authorization', as('sunlei'))
      .send({ approve: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('may not stand');
    expect(
      shiftOf(await roster(), '2026-02-26', s => s.id === desk.id).engineer,
    ).toBe(desk.engineer);
  });

  it('checks engineers in and out, flags late and missing, and sheets the month in Excel', async () => {
    const current = await roster();
    const [first, second] = current.shifts.filter(
      s => s.date === '2026-02-02' && s.kind === 'on-site',
    );
    const user = (s: Shift) => s.engineer!.replace('user:default/', '');
    await backend.clock.set('2026-02-02T07:35:00+08:00');
    const wrongRoom = await api()
      .post('/api/duty/attendance/check-in')
      .set('Authorization', as(user(first)))
      .send({ roomCode: 'guess' });
    expect(wrongRoom.status).toBe(400);
    expect(wrongRoom.body.error.message).toMatch(/^body\.roomCode: /);
    const onTime = answered(
      await api()
        .post('/api/duty/attendance/check-in')
        .set('Authorization', as(user(first)))
        .send({ roomCode: 'court-duty-room' }),
      200,
    ).body;
    expect(onTime).toMatchObject({
      flag: 'on-time',
      method: 'qr',
      shift: { id: first.id },
    });
    expect(
      (
        await api()
          .post('/api/duty/attendance/check-in')
          .set('Authorization', as(user(first)))
          .send({})
      ).status,
    ).toBe(409);
    await backend.clock.set('2026-02-02T07:55:00+08:00');
    const late = answered(
      await api()
        .post('/api/duty/attendance/check-in')
        .set('Authorization', as(user(second)))
        .send({}),
      200,
    ).body;
    expect(late).toMatchObject({ flag: 'late', method: 'button' });
    const phone = shiftOf(current, '2026-02-02', s => s.kind === 'phone');
    const offDuty = current.shifts.some(
      s => s.date === '2026-02-02' && s.engineer === 'user:default/it-engineer',
    )
      ? 'liuyang'
      : 'it-engineer';
    expect(phone.engineer).not.toBe(`user:default/${offDuty}`);
    await backend.clock.set('2026-02-02T18:35:00+08:00');
    answered(
      await api()
        .post('/api/duty/attendance/check-out')
        .set('Authorization', as(user(first)))
        .send({}),
      200,
    );
    expect(
      (
        await api()
          .post('/api/duty/attendance/check-out')
          .set('Authorization', as(user(first)))
          .send({})
      ).status,
    ).toBe(409);

    const records = answered(
      await api()
        .get('/api/duty/attendance')
        .query({ month: MONTH })
        .set('Authorization', as('wuxia')),
      200,
    ).body;
    const flags = (date: string) =>
      records
        .filter((r: { shift: Shift }) => r.shift.date === date)
        .map((r: { flag: string }) => r.flag)
        .sort();
    expect(flags('2026-02-02')).toEqual([
      'late',
      'missing',
      'missing',
      'on-time',
      'upcoming',
    ]);
    const own = answered(
      await api()
        .get('/api/duty/attendance')
        .query({ month: MONTH })
        .set('Authorization', as(user(first))),
      200,
    ).body;
    expect(
      own.every((r: { shift: Shift }) => r.shift.engineer === first.engineer),
    ).toBe(true);

    expect(
      (
        await api()
          .get('/api/duty/attendance/sheet')
          .query({ month: MONTH })
          .set('Authorization', as('liuyang'))
      ).status,
    ).toBe(403);
    const sheet = await api()
      .get('/api/duty/attendance/sheet')
      .query({ month: MONTH })
      .set('Authorization', as('sunlei'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(sheet.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.body);
    const summary = workbook.worksheets[0];
    const rows = summary.getSheetValues().slice(2) as unknown[][];
    const firstRow = rows.find(
      r => r[1] === first.engineer && r[2] === '服务台（兼硬件）',
    )!;
    expect(firstRow[4]).toBe(1); // on time
    expect(workbook.worksheets[1].rowCount).toBe(current.shifts.length + 1);
  });

  it('serves a personal iCalendar feed that validates, and honours its token', async () => {
    const noFeed = await api()
      .delete('/api/duty/my/calendar-feed')
      .set('Authorization', as('chenjing'));
    expect(noFeed.status).toBe(404);
    const { url } = answered(
      await api()
        .post('/api/duty/my/calendar-feed')
        .set('Authorization', as('chenjing'))
        .send({}),
      201,
    ).body;
    const path = new URL(url).pathname;
    const res = await api().get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map(e => new ICAL.Event(e));
    const mine = (await roster()).shifts.filter(
      s => s.engineer === 'user:default/chenjing',
    );
    expect(events.map(e => e.uid).sort()).toEqual(
      mine.map(s => `${s.id}@portal.court.example`).sort(),
    );
    const one = events.find(e => e.uid.startsWith(mine[0].id))!;
    expect(one.startDate.toJSDate().toISOString()).toBe(mine[0].startsAt);
    expect(one.endDate.toJSDate().toISOString()).toBe(mine[0].endsAt);

    const renewed = answered(
      await api()
        .post('/api/duty/my/calendar-feed')
        .set('Authorization', as('chenjing'))
        .send({}),
      201,
    ).body;
    expect((await api().get(path)).status).toBe(404);
    expect((await api().get(new URL(renewed.url).pathname)).status).toBe(200);
    expect(
      (
        await api()
          .delete('/api/duty/my/calendar-feed')
          .set('Authorization', as('chenjing'))
      ).status,
    ).toBe(204);
    expect((await api().get(new URL(renewed.url).pathname)).status).toBe(404);
  });

  it('draws the duty room QR code for the ops manager', async () => {
    const res = await api()
      .get('/api/duty/duty-room/qr.svg')
      .set('Authorization', as('sunlei'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(res.body ?? res.text)).toContain('<svg');
    expect(
      (
        await api()
          .get('/api/duty/duty-room/qr.svg')
          .set('Authorization', as('liuyang'))
      ).status,
    ).toBe(403);
  });
});
