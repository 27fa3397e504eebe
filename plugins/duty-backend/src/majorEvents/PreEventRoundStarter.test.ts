import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import { DutyStore } from '../database/DutyStore';
import { MajorEventFields, MajorEventStore } from './MajorEventStore';
import { PreEventRoundStarter } from './PreEventRoundStarter';
import { PreEventRoundStore } from './PreEventRoundStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const ZONE = 'Asia/Shanghai';
const RECORDER = 'resource:default/courtroom-recorder-t09';
// Tuesday 2026-03-10, 09:00 in the court: the day before is Monday 03-09, walked from 07:30.
const fields: MajorEventFields = {
  title: '全省法院工作会议',
  kind: 'conference',
  startsAt: '2026-03-10T01:00:00.000Z',
  endsAt: '2026-03-10T04:00:00.000Z',
  place: 'A-1F-T09',
  scope: [RECORDER],
  onSite: ['user:default/zhangwei', 'user:default/lihua'],
  standby: [],
  communicationPlan: '',
};
const DAY_BEFORE = '2026-03-09T07:30:00+08:00';
const HOUR_BEFORE = '2026-03-10T08:00:00+08:00';

type StartRound = ConstructorParameters<
  typeof PreEventRoundStarter
>[0]['startRound'];

describe.each(databases.eachSupportedId())(
  'pre-event rounds on %s',
  databaseId => {
    let plans: MajorEventStore;
    let rounds: PreEventRoundStore;
    let clock: ManualCourtClock;
    const asked: { devices: string[]; assignee?: string }[] = [];

    /** A replica's starter; inspections answers after a pause, as over HTTP. */
    const replica = (
      startRound: StartRound = async request => {
        asked.push(request);
        await new Promise(resolve => setTimeout(resolve, 20));
        return { id: `round-${asked.length}` };
      },
    ) =>
      new PreEventRoundStarter({
        plans,
        rounds,
        clock,
        zone: ZONE,
        onSiteStart: '07:30',
        // Weekends rest; no holiday near March 10th.
        dayKindOf: async () => date =>
          DateTime.fromISO(date).weekday > 5 ? 'rest' : 'working',
        devicesOf: async scope => [...scope],
        startRound,
        logger: mockServices.logger.mock(),
      });

    beforeEach(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await DutyStore.fromKnex(knex);
      plans = new MajorEventStore(knex);
      rounds = new PreEventRoundStore(knex);
      clock = new ManualCourtClock('2026-03-06T12:00:00+08:00');
      asked.length = 0;
      await plans.insert(
        'p1',
        fields,
        'user:default/sunlei',
        clock.now().toUTC().toISO()!,
      );
    });

    it('is due the working day before at 07:30, then an hour before the start', async () => {
      const starter = replica();
      expect(await starter.nextDue()).toBe(
        DateTime.fromISO(DAY_BEFORE).toUTC().toISO(),
      );
      await clock.set(DAY_BEFORE);
      await starter.sweep();
      expect(await starter.nextDue()).toBe('2026-03-10T00:00:00.000Z');
      await clock.set(HOUR_BEFORE);
      await starter.sweep();
      expect(await starter.nextDue()).toBeUndefined();
    });

    it('starts nothing before the instant', async () => {
      await clock.set(DateTime.fromISO(DAY_BEFORE).minus({ millisecond: 1 }));
      await replica().sweep();
      expect(asked).toEqual([]);
    });

    it('starts one round per check when two replicas sweep at once', async () => {
      const [a, b] = [replica(), replica()];
      await clock.set(DAY_BEFORE);
      await Promise.all([a.sweep(), b.sweep(), a.sweep()]);
      expect(asked).toEqual([
        { devices: [RECORDER], assignee: 'user:default/zhangwei' },
      ]);
      await clock.set(HOUR_BEFORE);
      await Promise.all([b.sweep(), a.sweep(), b.sweep()]);
      expect(asked).toHaveLength(2);
      expect((await rounds.ofPlans(['p1'])).get('p1')).toEqual([
        {
          check: 'day-before',
          startedAt: DateTime.fromISO(DAY_BEFORE).toUTC().toISO(),
          roundId: 'round-1',
        },
        {
          check: 'hour-before',
          startedAt: DateTime.fromISO(HOUR_BEFORE).toUTC().toISO(),
          roundId: 'round-2',
        },
      ]);
    });

    it('tries again after inspections failed, and keeps why it refused', async () => {
      await clock.set(HOUR_BEFORE);
      const down = replica(async () => {
        throw new Error('connect ECONNREFUSED');
      });
      await expect(down.sweep()).rejects.toThrow('ECONNREFUSED');
      expect((await rounds.ofPlans(['p1'])).get('p1')).toBeUndefined();

      const refusing = replica(async () => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'InputError',
                message:
                  'body.devices: none of these devices has a checklist template',
              },
              // The shape of a Backstage backend's error answer.
              request: { method: 'POST', url: '/api/inspections/rounds' },
              response: { statusCode: 400 },
            }),
            { status: 400, headers: { 'Content-Type': 'application/json' } },
          ),
        );
      });
      await refusing.sweep();
      const kept = (await rounds.ofPlans(['p1'])).get('p1')!;
      expect(kept.map(r => [r.check, r.problem])).toEqual([
        [
          'day-before',
          'body.devices: none of these devices has a checklist template',
        ],
        [
          'hour-before',
          'body.devices: none of these devices has a checklist template',
        ],
      ]);
      await replica().sweep();
      expect(asked).toEqual([]);
    });
  },
);
