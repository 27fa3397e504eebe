import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { answered, as } from '@internal/plugin-court-node/testUtils';
import {
  filingDutyIn,
  type FilingDutySpan,
  type MajorEventPlan,
} from '@internal/plugin-duty-common';
import request from 'supertest';
import { startDutyBackend } from '../__testUtils__/backend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const RECORDER = 'resource:default/courtroom-recorder-t09';
const TRIAL = 'system:default/courtroom-trial';
const SWITCH = 'resource:default/core-switch-01';

/** A public pronouncement in the grand courtroom, Tuesday 10 March 2026, 09:00–12:00. */
const pronouncement = {
  title: '张某某案公开宣判',
  kind: 'trial',
  startsAt: '2026-03-10T09:00:00+08:00',
  endsAt: '2026-03-10T12:00:00+08:00',
  place: 'A-1F-T09',
  scope: [RECORDER, TRIAL],
  onSite: ['user:default/zhangwei'],
  standby: ['user:default/liuyang'],
  communicationPlan: '现场指挥：孙磊 138-0000-0000；科技法庭集控室值守。',
};

describe.each(databases.eachSupportedId())(
  'major-event plans (重点保障) on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startDutyBackend>>;
    const api = () => request(backend.server);
    const create = (user: string, body: object) =>
      api()
        .post('/api/duty/major-events')
        .set('Authorization', as(user))
        .send(body);
    const list = async (): Promise<MajorEventPlan[]> =>
      answered(
        await api()
          .get('/api/duty/major-events')
          .set('Authorization', as('sunlei')),
        200,
      ).body;

    beforeAll(async () => {
      backend = await startDutyBackend({
        at: '2026-03-02T10:00:00+08:00',
        knex: await databases.init(databaseId as TestDatabaseId),
      });
    });
    afterAll(() => backend?.stop());

    it('lets the ops manager and the court IT office plan, engineers and the desk read, court staff nothing: 403 before 400', async () => {
      for (const user of ['liuyang', 'lina', 'xuli', 'newcomer']) {
        const res = await create(user, { title: '' });
        expect(res.status).toBe(403);
      }
      for (const user of ['xuli', 'newcomer']) {
        const res = await api()
          .get('/api/duty/major-events')
          .set('Authorization', as(user));
        expect(res.status).toBe(403);
      }
      const planned = answered(
        await create('wuxia', { ...pronouncement, title: '院务会' }),
        201,
      ).body as MajorEventPlan;
      expect(planned).toMatchObject({
        startsAt: '2026-03-10T01:00:00.000Z',
        endsAt: '2026-03-10T04:00:00.000Z',
        // Tuesday's event: the checklist on Monday and at 08:00 on the day.
        preEventChecks: {
          dayBefore: '2026-03-09',
          hourBefore: '2026-03-10T00:00:00.000Z',
        },
        createdBy: 'user:default/wuxia',
        revision: 1,
      });
      for (const user of ['liuyang', 'lina']) {
        const res = await api()
          .get(`/api/duty/major-events/${planned.id}`)
          .set('Authorization', as(user));
        expect(res.status).toBe(200);
        expect(res.body.communicationPlan).toBe(
          pronouncement.communicationPlan,
        );
      }
      expect(
        backend.audits.filter(a => a.eventId === 'duty-major-event-create'),
      ).toContainEqual({
        eventId: 'duty-major-event-create',
        outcome: 'success',
      });
    });

    it('refuses bad plans naming the field, and stores none of them', async () => {
      const before = (await list()).length;
      const cases: Array<[object, number, RegExp]> = [
        [
          { endsAt: '2026-03-10T08:00:00+08:00' },
          400,
          /^body\.endsAt: must be after startsAt/,
        ],
        [{ place: 'A-9F-X99' }, 400, /^body\.place: A-9F-X99 is not a room/],
        [
          { scope: [RECORDER, 'resource:default/no-such-device'] },
          400,
          /^body\.scope\[1\]: resource:default\/no-such-device is not in the catalog/,
        ],
        [{ onSite: [] }, 400, /^body\.onSite: /],
      ];
      for (const [override, status, message] of cases) {
        const res = await create('sunlei', { ...pronouncement, ...override });
        expect(res.status).toBe(status);
        expect(res.body.error.message).toMatch(message);
      }
      backend.unapproved.add('user:default/liuyang');
      try {
        const res = await create('sunlei', pronouncement);
        expect(res.status).toBe(409);
        expect(res.body.error.message).toBe(
          'body.standby[0]: user:default/liuyang is not an engineer approved for the court',
        );
      } finally {
        backend.unapproved.delete('user:default/liuyang');
      }
      expect(await list()).toHaveLength(before);
    });

    it('keeps the first of two edits from one revision and refuses the second with 409', async () => {
      const plan = answered(await create('sunlei', pronouncement), 201)
        .body as MajorEventPlan;
      const edit = (user: string, title: string) =>
        api()
          .put(`/api/duty/major-events/${plan.id}`)
          .set('Authorization', as(user))
          .send({ plan: { ...pronouncement, title }, revision: 1 });
      const [first, second] = await Promise.all([
        edit('sunlei', '张某某案公开宣判（直播）'),
        edit('wuxia', '张某某案宣判'),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 409]);
      const kept = [first, second].find(r => r.status === 200)!.body;
      const refused = [first, second].find(r => r.status === 409)!.body;
      expect(refused.error.message).toMatch(/^body\.revision: /);
      const now = answered(
        await api()
          .get(`/api/duty/major-events/${plan.id}`)
          .set('Authorization', as('liuyang')),
        200,
      ).body;
      expect(now).toMatchObject({ title: kept.title, revision: 2 });
    });

    it('answers the floor for a ticket on the scope during the event only', async () => {
      const floorAt = async (at: string, refs: string[]) =>
        answered(
          await api()
            .get('/api/duty/major-events/floor')
            .query({ at, refs })
            .set('Authorization', as('lina')),
          200,
        ).body.floor;
      const during = await floorAt('2026-03-10T10:30:00+08:00', [RECORDER]);
      expect(during).toMatchObject({
        level: 'L2',
        engineers: ['user:default/zhangwei', 'user:default/liuyang'],
      });
      expect(during.reason).toMatch(/^重点保障：/);
      expect(await floorAt('2026-03-10T12:00:00+08:00', [RECORDER])).toBeNull();
      expect(await floorAt('2026-03-10T10:30:00+08:00', [SWITCH])).toBeNull();
      const bad = await api()
        .get('/api/duty/major-events/floor')
        .query({ at: 'tomorrow', refs: [RECORDER] })
        .set('Authorization', as('lina'));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^query\.at: /);
    });

    it("answers a minute of duty from which each filing's on-call engineer and floor come out as duty's own answers", async () => {
      answered(
        await api()
          .post('/api/duty/rosters/2026-03/generate')
          .set('Authorization', as('sunlei'))
          .send({}),
        201,
      );
      const spanFrom = async (from: string): Promise<FilingDutySpan> =>
        answered(
          await api()
            .get('/api/duty/filing-duty-span')
            .query({ from })
            .set('Authorization', as('lina')),
          200,
        ).body;
      const dutyAt = async (at: string, refs: string[]) => ({
        onCall: answered(
          await api()
            .get('/api/duty/on-call')
            .query({ at })
            .set('Authorization', as('lina')),
          200,
        ).body,
        floor: answered(
          await api()
            .get('/api/duty/major-events/floor')
            .query({ at, refs })
            .set('Authorization', as('lina')),
          200,
        ).body.floor,
      });
      const seen = { floors: new Set<string>(), onSiteHours: new Set() };
      // Minutes across the plan's start (09:00) and end (12:00), the phone shift's start (18:30),
      // and one inside the plan.
      for (const [from, offsets] of [
        ['2026-03-10T08:59:30+08:00', [0, 29_999, 30_000, 59_999]],
        ['2026-03-10T11:59:30+08:00', [0, 29_999, 30_000, 59_999]],
        ['2026-03-10T18:29:45+08:00', [0, 14_999, 15_000, 59_999]],
        ['2026-03-10T10:30:00+08:00', [0, 59_999]],
      ] as const) {
        const span = await spanFrom(from);
        expect(span.to).toBe(new Date(Date.parse(from) + 60_000).toISOString());
        for (const offset of offsets) {
          const at = new Date(Date.parse(from) + offset).toISOString();
          for (const refs of [[RECORDER], [SWITCH], [SWITCH, TRIAL]]) {
            const fromSpan = filingDutyIn(span, at, refs);
            expect(fromSpan).toEqual(await dutyAt(at, refs));
            seen.floors.add(fromSpan.floor?.level ?? 'none');
            seen.onSiteHours.add(fromSpan.onCall.onSiteHours);
          }
        }
        expect(() => filingDutyIn(span, span.to, [RECORDER])).toThrow(
          RangeError,
        );
      }
      // The minutes did cross both boundaries: with and without a floor, day and phone duty.
      expect(seen.floors).toEqual(new Set(['L2', 'none']));
      expect(seen.onSiteHours).toEqual(new Set([true, false]));
      // Court staff may read the roster, not the plans: 403 before the bad instant's 400.
      const staff = await api()
        .get('/api/duty/filing-duty-span')
        .query({ from: 'tomorrow' })
        .set('Authorization', as('xuli'));
      expect(staff.status).toBe(403);
      const bad = await api()
        .get('/api/duty/filing-duty-span')
        .query({ from: 'tomorrow' })
        .set('Authorization', as('lina'));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^query\.from: /);
    });

    it('takes the summary only once the event is over', async () => {
      const plan = answered(await create('sunlei', pronouncement), 201)
        .body as MajorEventPlan;
      const summarise = () =>
        api()
          .put(`/api/duty/major-events/${plan.id}/summary`)
          .set('Authorization', as('sunlei'))
          .send({ text: '宣判顺利，录音录像完整，无故障。', revision: 1 });
      await backend.clock.set('2026-03-10T11:59:00+08:00');
      const early = await summarise();
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(
        /^body\.text: the event ends at 2026-03-10T04:00:00.000Z/,
      );
      await backend.clock.set('2026-03-10T12:30:00+08:00');
      const done = answered(await summarise(), 200).body as MajorEventPlan;
      expect(done.summary).toEqual({
        text: '宣判顺利，录音录像完整，无故障。',
        by: 'user:default/sunlei',
        at: '2026-03-10T04:30:00.000Z',
      });
      expect(done.revision).toBe(2);
    });
  },
);
