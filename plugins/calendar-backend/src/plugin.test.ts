import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { startCalendarBackend, USERS } from './__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const as = (user: readonly string[]) => ({
  Authorization: mockCredentials.user.header(user[0]),
});

/** The State Council's 2027 notice as the court IT office enters it (example data). */
const y2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-06', end: '2027-02-14' },
  ],
  makeUpWorkingDays: [{ date: '2027-02-20', name: '春节' }],
};

describe.each(databases.eachSupportedId())('calendar API on %s', id => {
  let backend: Awaited<ReturnType<typeof startCalendarBackend>>;

  beforeEach(async () => {
    const knex = await databases.init(id as TestDatabaseId);
    backend = await startCalendarBackend({
      knex,
      config: {
        sla: {
          officialSchedules: [
            { year: 2028, holidays: ['2028-01-01'], makeUpWorkingDays: [] },
          ],
        },
      },
    });
  });
  afterEach(() => backend.stop());

  const put = (body: unknown, user: readonly string[] = USERS.itOffice) =>
    request(backend.server)
      .put('/api/calendar/years/2027')
      .set(as(user))
      .send(body as object);

  it('lists covered years with their source, a saved year from the portal', async () => {
    const before = await request(backend.server)
      .get('/api/calendar/years')
      .set(as(USERS.engineer));
    expect(before.status).toBe(200);
    expect(before.body.revision).toBe(0);
    expect(before.body.years.slice(0, 2)).toEqual([
      { year: 2028, source: 'config' },
      { year: 2026, source: 'chinese-days' },
    ]);

    const saved = await put({
      schedule: y2027,
      expectedVersion: 0,
      comment: '国办发明电〔2026〕',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.latest).toMatchObject({
      version: 1,
      savedBy: USERS.itOffice[0],
      comment: '国办发明电〔2026〕',
    });

    const after = await request(backend.server)
      .get('/api/calendar/years')
      .set(as(USERS.staff));
    expect(after.body.revision).toBe(1);
    expect(after.body.years[1]).toMatchObject({
      year: 2027,
      source: 'portal',
      latest: { version: 1 },
    });
    const schedules = await request(backend.server)
      .get('/api/calendar/schedules')
      .set('Authorization', mockCredentials.service.header());
    expect(schedules.body).toEqual({
      revision: 1,
      schedules: [
        {
          year: 2027,
          holidays: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-14'],
          makeUpWorkingDays: ['2027-02-20'],
        },
      ],
    });
  });

  it('keeps every save as a version and refuses a save over one not seen (409)', async () => {
    expect((await put({ schedule: y2027, expectedVersion: 0 })).status).toBe(
      200,
    );
    const corrected = {
      ...y2027,
      makeUpWorkingDays: [...y2027.makeUpWorkingDays, { date: '2027-01-30' }],
    };
    const second = await put({ schedule: corrected, expectedVersion: 1 });
    expect(second.status).toBe(200);
    expect(
      second.body.history.map((v: { version: number }) => v.version),
    ).toEqual([2, 1]);

    const stale = await put({ schedule: y2027, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('expectedVersion');
    const year = await request(backend.server)
      .get('/api/calendar/years/2027')
      .set(as(USERS.engineer));
    expect(year.body.schedule).toEqual(corrected);
  });

  it('answers a bad schedule with 400 naming the field, and saves nothing', async () => {
    const bad = await put({
      schedule: {
        ...y2027,
        makeUpWorkingDays: [{ date: '2027-02-16' }, { date: '2027-02-13' }],
      },
      expectedVersion: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'body.schedule.makeUpWorkingDays.0.date: 2027-02-16 is a weekday; a make-up working day is a Saturday or Sunday; ' +
        'body.schedule.makeUpWorkingDays.1.date: 2027-02-13 is also a holiday (春节)',
    );
    const wrongYear = await put({
      schedule: { year: 2028, holidays: [], makeUpWorkingDays: [] },
      expectedVersion: 0,
    });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.error.message).toMatch(/^body.schedule.year: /);
    const badPath = await request(backend.server)
      .put('/api/calendar/years/27')
      .set(as(USERS.itOffice))
      .send({ schedule: y2027, expectedVersion: 0 });
    expect(badPath.status).toBe(400);
    expect(badPath.body.error.message).toMatch(/^path.year: /);
    const list = await request(backend.server)
      .get('/api/calendar/years')
      .set(as(USERS.itOffice));
    expect(list.body.revision).toBe(0);
  });

  it('refuses others than the court IT office with 403 before looking at the input', async () => {
    for (const user of [USERS.engineer, USERS.opsManager, USERS.staff]) {
      const res = await put({ nonsense: true }, user);
      expect(res.status).toBe(403);
    }
    expect(
      (
        await request(backend.server)
          .get('/api/calendar/status')
          .set(as(USERS.engineer))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(backend.server)
          .get('/api/calendar/status')
          .set(as(USERS.opsManager))
      ).status,
    ).toBe(200);
  });

  it('shows a year of the package or config in the form’s shape', async () => {
    const y2026 = await request(backend.server)
      .get('/api/calendar/years/2026/built-in')
      .set(as(USERS.itOffice));
    expect(y2026.status).toBe(200);
    expect(y2026.body.holidays).toContainEqual({
      name: '春节',
      start: '2026-02-15',
      end: '2026-02-23',
    });
    expect(y2026.body.holidays).toHaveLength(7);
    expect(y2026.body.makeUpWorkingDays).toHaveLength(6);
    const missing = await request(backend.server)
      .get('/api/calendar/years/2029/built-in')
      .set(as(USERS.itOffice));
    expect(missing.status).toBe(404);
    const notEntered = await request(backend.server)
      .get('/api/calendar/years/2026')
      .set(as(USERS.itOffice));
    expect(notEntered.status).toBe(404);
  });
});
