import { TestDatabases } from '@backstage/backend-test-utils';
import { OfficialSchedule } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { as, startReportsBackend } from './__testUtils__/backend';
import { dueDrafts, nextDraftAt } from './service/DraftSchedule';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const ZONE = 'Asia/Shanghai';
const schedule = OfficialSchedule.fromChineseDays();
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('when drafts fall due (official calendar data)', () => {
  it('asks for the previous week from Monday 08:00, not a second before', () => {
    expect(
      dueDrafts(schedule, at('2026-11-30T07:59:59+08:00'), ZONE)[0],
    ).toMatchObject({
      kind: 'week',
      period: { from: '2026-11-16', to: '2026-11-22' },
    });
    expect(
      dueDrafts(schedule, at('2026-11-30T08:00:00+08:00'), ZONE)[0],
    ).toMatchObject({
      kind: 'week',
      period: { from: '2026-11-23', to: '2026-11-29' },
    });
    expect(
      nextDraftAt(schedule, at('2026-11-30T07:00:00+08:00'), ZONE).toISO(),
    ).toBe('2026-11-30T08:00:00.000+08:00');
  });

  it('asks for September on 2026-10-08, the first working day after the National Day break', () => {
    // 10-01..10-07 are holidays (Thursday to Wednesday); Thursday 10-08 is the first working day.
    const month = (iso: string) =>
      dueDrafts(schedule, at(iso), ZONE).find(d => d.kind === 'month')!;
    expect(month('2026-10-01T08:00:00+08:00').period).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(month('2026-10-08T07:59:59+08:00').period.from).toBe('2026-08-01');
    expect(month('2026-10-08T08:00:00+08:00').period).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
    });
    // Monday 10-05 is a holiday; its weekly draft is still due, and then the 8th.
    expect(
      nextDraftAt(schedule, at('2026-10-01T09:00:00+08:00'), ZONE).toISO(),
    ).toBe('2026-10-05T08:00:00.000+08:00');
    expect(
      nextDraftAt(schedule, at('2026-10-05T08:00:00+08:00'), ZONE).toISO(),
    ).toBe('2026-10-08T08:00:00.000+08:00');
  });

  it('counts a make-up Sunday as the first working day: 2026-01-04', () => {
    // 01-01..01-03 New Year break; Sunday 01-04 is worked.
    expect(
      nextDraftAt(schedule, at('2026-01-01T09:00:00+08:00'), ZONE).toISO(),
    ).toBe('2026-01-04T08:00:00.000+08:00');
    expect(
      dueDrafts(schedule, at('2026-01-04T08:00:00+08:00'), ZONE).find(
        d => d.kind === 'month',
      )!.period,
    ).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('drafts on the court clock', () => {
  const drafts = async (
    server: Parameters<typeof request>[0],
    user = 'sunlei',
  ) =>
    request(server).get('/api/reports/drafts').set('authorization', as(user));
  const periods = (body: Array<{ kind: string; period: { from: string } }>) =>
    body.map(d => `${d.kind} ${d.period.from}`).sort();

  it('prepares the week on Monday 08:00 and September on October 8th, once each, across a restart', async () => {
    const knex = await databases.init('SQLITE_3');
    const first = await startReportsBackend({
      knex,
      now: '2026-10-01T07:00:00+08:00',
    });
    // At start: what is owed already (the week of 09-21, August).
    await first.clock.advance(0);
    expect(periods((await drafts(first.server)).body)).toEqual([
      'month 2026-08-01',
      'week 2026-09-21',
    ]);
    expect(first.notifications).toHaveLength(2);
    expect(first.notifications[0].recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/ops-managers'],
    });

    await first.clock.set('2026-10-05T07:59:59+08:00');
    expect((await drafts(first.server)).body).toHaveLength(2);
    await first.clock.set('2026-10-05T08:00:00+08:00');
    expect(periods((await drafts(first.server)).body)).toContain(
      'week 2026-09-28',
    );
    await first.clock.set('2026-10-08T07:59:59+08:00');
    expect(periods((await drafts(first.server)).body)).not.toContain(
      'month 2026-09-01',
    );
    await first.clock.set('2026-10-08T08:00:00+08:00');
    const listed = (await drafts(first.server, 'lina')).body;
    expect(periods(listed)).toEqual([
      'month 2026-08-01',
      'month 2026-09-01',
      'week 2026-09-21',
      'week 2026-09-28',
    ]);
    const september = listed.find(
      (d: { period: { from: string } }) => d.period.from === '2026-09-01',
    );
    expect(september).toMatchObject({
      kind: 'month',
      period: { from: '2026-09-01', to: '2026-09-30' },
      preparedAt: '2026-10-08T00:00:00.000Z',
      figures: { kind: 'month', current: { period: { to: '2026-09-30' } } },
    });
    expect(first.notifications).toHaveLength(4);
    expect(first.notifications[3].payload.title).toContain('2026-09-01');
    await first.stop();

    // Restarted later the same day on the same database: nothing twice.
    const second = await startReportsBackend({
      knex,
      now: '2026-10-08T09:00:00+08:00',
    });
    await second.clock.advance(0);
    expect((await drafts(second.server)).body).toHaveLength(4);
    expect(second.notifications).toEqual([]);
    expect((await drafts(second.server, 'xuli')).status).toBe(403);
    await second.stop();
  });
});

describe('drafts while a family does not answer', () => {
  it('tries again five minutes later until it does', async () => {
    const backend = await startReportsBackend({
      knex: await databases.init('SQLITE_3'),
      now: '2026-11-30T07:59:00+08:00',
    });
    const listed = async () =>
      (
        await request(backend.server)
          .get('/api/reports/drafts')
          .set('authorization', as('sunlei'))
      ).body;
    backend.sources.ticketsDown = true;
    await backend.clock.set('2026-11-30T08:08:59+08:00');
    expect(await listed()).toEqual([]);
    backend.sources.ticketsDown = false;
    // Tries at 07:59, 08:04 and 08:09 (each failure re-arms five minutes on).
    await backend.clock.set('2026-11-30T08:09:00+08:00');
    expect(
      (await listed()).map(
        (d: { kind: string; period: { from: string } }) =>
          `${d.kind} ${d.period.from}`,
      ),
    ).toEqual(['week 2026-11-23', 'month 2026-10-01']);
    expect(backend.notifications).toHaveLength(2);
    await backend.stop();
  });
});

describe('a month whose year the official calendar does not cover', () => {
  // Only 2026 is known here: January 2027's first working day cannot be told.
  const only2026 = new OfficialSchedule({ holidays: {}, workdays: {} }, [
    { year: 2026, holidays: ['2026-10-01..2026-10-07'], makeUpWorkingDays: [] },
  ]);

  it('still drafts the weeks', () => {
    expect(
      nextDraftAt(only2026, at('2026-12-29T09:00:00+08:00'), ZONE).toISO(),
    ).toBe('2027-01-04T08:00:00.000+08:00');
    expect(
      dueDrafts(only2026, at('2027-01-05T09:00:00+08:00'), ZONE).map(
        d => `${d.kind} ${d.period.from}`,
      ),
    ).toEqual(['week 2026-12-28']);
  });
});
