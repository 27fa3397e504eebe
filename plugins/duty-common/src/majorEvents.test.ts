import { OfficialSchedule } from '@internal/plugin-sla-common';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { courtDayKind } from './roster';
import {
  MajorEventPlan,
  inEventWindow,
  majorEventFloor,
  majorEventInputSchema,
  preEventChecks,
  summaryRefusal,
} from './majorEvents';

const ZONE = 'Asia/Shanghai';
const RECORDER = 'resource:default/courtroom-recorder-t01';
const TRIAL = 'system:default/courtroom-trial';

function plan(overrides: Partial<MajorEventPlan> = {}): MajorEventPlan {
  return {
    id: 'p1',
    title: '张某某案公开宣判',
    kind: 'trial',
    startsAt: '2026-03-10T01:00:00.000Z', // 09:00 in the court
    endsAt: '2026-03-10T04:00:00.000Z', // 12:00
    place: 'A-3F-T01',
    scope: [RECORDER],
    onSite: ['user:default/zhangwei'],
    standby: ['user:default/liuyang'],
    communicationPlan: '',
    createdBy: 'user:default/sunlei',
    createdAt: '2026-03-01T01:00:00.000Z',
    updatedBy: 'user:default/sunlei',
    updatedAt: '2026-03-01T01:00:00.000Z',
    revision: 1,
    ...overrides,
  };
}

describe('the event window', () => {
  const start = DateTime.fromISO('2026-03-10T01:00:00Z').toMillis();

  it('holds from the start (inclusive) to the end (exclusive), whatever offset the instant is written in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 72 * 60 }),
        fc.integer({ min: -48 * 60, max: 120 * 60 }),
        fc.constantFrom('UTC', ZONE, 'America/New_York'),
        (minutes, offsetMinutes, zone) => {
          const p = plan({
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + minutes * 60_000).toISOString(),
          });
          const at = DateTime.fromMillis(start + offsetMinutes * 60_000, {
            zone,
          }).toISO()!;
          expect(inEventWindow(p, at)).toBe(
            offsetMinutes >= 0 && offsetMinutes < minutes,
          );
        },
      ),
    );
  });
});

describe('majorEventFloor', () => {
  it('raises a ticket on a device in scope during the event and names the plan and its engineers', () => {
    expect(
      majorEventFloor([plan()], '2026-03-10T10:00:00+08:00', [RECORDER], 'L2'),
    ).toEqual({
      level: 'L2',
      reason: '重点保障：张某某案公开宣判',
      planId: 'p1',
      engineers: ['user:default/zhangwei', 'user:default/liuyang'],
    });
  });

  it('matches a system in scope through the ticket device’s system', () => {
    const p = plan({ scope: [TRIAL] });
    expect(
      majorEventFloor(
        [p],
        '2026-03-10T02:00:00Z',
        ['resource:default/other', TRIAL],
        'L1',
      )?.level,
    ).toBe('L1');
  });

  it('leaves alone tickets before the start, at the end, and off the scope', () => {
    expect(
      majorEventFloor([plan()], '2026-03-10T08:59:59+08:00', [RECORDER], 'L2'),
    ).toBeUndefined();
    expect(
      majorEventFloor([plan()], '2026-03-10T12:00:00+08:00', [RECORDER], 'L2'),
    ).toBeUndefined();
    expect(
      majorEventFloor(
        [plan()],
        '2026-03-10T10:00:00+08:00',
        ['resource:default/core-switch-01'],
        'L2',
      ),
    ).toBeUndefined();
  });

  it('with two plans running, pages everyone of both once, the earlier plan named', () => {
    const later = plan({
      id: 'p2',
      title: '院务会',
      startsAt: '2026-03-10T02:00:00.000Z',
      onSite: ['user:default/liuyang', 'user:default/lina'],
      standby: [],
    });
    const floor = majorEventFloor(
      [later, plan()],
      '2026-03-10T03:00:00Z',
      [RECORDER],
      'L2',
    );
    expect(floor?.planId).toBe('p1');
    expect(floor?.engineers).toEqual([
      'user:default/zhangwei',
      'user:default/liuyang',
      'user:default/lina',
    ]);
  });
});

describe('the plan input', () => {
  const body = {
    title: '全省法院工作会议',
    kind: 'conference',
    startsAt: '2026-03-10T09:00:00+08:00',
    endsAt: '2026-03-10T12:00:00+08:00',
    place: 'A-3F-T01',
    scope: [RECORDER],
    onSite: ['user:default/zhangwei'],
  };

  it('refuses an end before the start, naming endsAt', () => {
    const result = majorEventInputSchema.safeParse({
      ...body,
      endsAt: '2026-03-10T08:00:00+08:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['endsAt']);
  });

  it('refuses an engineer named both on site and on standby', () => {
    const result = majorEventInputSchema.safeParse({
      ...body,
      standby: ['user:default/zhangwei'],
    });
    expect(result.error?.issues[0].path).toEqual(['standby', 0]);
  });

  it('refuses a place that is not a room id and a scope naming a user', () => {
    const result = majorEventInputSchema.safeParse({
      ...body,
      place: '第三审判庭',
      scope: ['user:default/zhangwei'],
    });
    expect(result.error?.issues.map(i => i.path[0]).sort()).toEqual([
      'place',
      'scope',
    ]);
  });
});

describe('summaryRefusal', () => {
  it('refuses a summary before the end and accepts one from the end on', () => {
    expect(summaryRefusal(plan(), '2026-03-10T03:59:59.000Z')).toMatch(
      /after the end/,
    );
    expect(summaryRefusal(plan(), '2026-03-10T04:00:00.000Z')).toBeUndefined();
  });
});

describe('preEventChecks', () => {
  const official = OfficialSchedule.fromChineseDays();
  const isWorkingDay = (date: string) =>
    courtDayKind(official, date) === 'working';

  it('walks the checklist the working day before and an hour before the start', () => {
    // Tuesday 10 March 2026: the day before is Monday the 9th.
    expect(preEventChecks(plan(), ZONE, isWorkingDay)).toEqual({
      dayBefore: '2026-03-09',
      hourBefore: '2026-03-10T00:00:00.000Z',
    });
  });

  it('goes back over a weekend and over the National Day holiday', () => {
    // Monday 16 March: the Friday before.
    expect(
      preEventChecks(
        plan({ startsAt: '2026-03-16T01:00:00.000Z' }),
        ZONE,
        isWorkingDay,
      ).dayBefore,
    ).toBe('2026-03-13');
    // Thursday 8 October 2026, the first working day after the holiday of 1–7 October: the
    // last working day before it is 30 September.
    expect(
      preEventChecks(
        plan({ startsAt: '2026-10-08T01:00:00.000Z' }),
        ZONE,
        isWorkingDay,
      ).dayBefore,
    ).toBe('2026-09-30');
  });

  it('takes the local date in the court: an event at 07:00 local starts the previous UTC day', () => {
    // 07:00 on Wednesday 11 March in the court is 23:00 UTC on the 10th.
    expect(
      preEventChecks(
        plan({ startsAt: '2026-03-10T23:00:00.000Z' }),
        ZONE,
        isWorkingDay,
      ).dayBefore,
    ).toBe('2026-03-10');
  });
});
