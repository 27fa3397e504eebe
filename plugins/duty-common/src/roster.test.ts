import { OfficialSchedule } from '@internal/plugin-sla-common';
import fc from 'fast-check';
import { DutyConfig, defaultDutyConfig } from './config';
import {
  checkRoster,
  courtDayKind,
  datesOfMonth,
  generateRoster,
  onCallAt,
  RosterContext,
  shiftInstants,
} from './roster';
import { requestLeaveSchema } from './schemas';
import type { ShiftSlot } from './types';

const official = OfficialSchedule.fromChineseDays();
const dayKindOf = (date: string) => courtDayKind(official, date);

/** A team with `perPost + spare` engineers of their own for every post. */
function teamConfig(spare: number, perPost = 2): DutyConfig {
  const posts = ['desk', 'hardware', 'software'];
  return defaultDutyConfig({
    onSite: { perPost },
    engineers: posts.flatMap(post =>
      Array.from({ length: perPost + spare }, (_, i) => ({
        ref: `user:default/${post}-${i}`,
        posts: [post],
      })),
    ),
  });
}

function contextOf(
  config: DutyConfig,
  overrides: Partial<RosterContext> = {},
): RosterContext {
  return { config, leaves: [], isApproved: () => true, ...overrides };
}

describe('the court day of a date', () => {
  it('follows the official calendar: make-up Saturdays work, holiday weekdays rest', () => {
    expect(dayKindOf('2026-02-14')).toBe('working'); // Saturday, 调休 for 春节
    expect(dayKindOf('2026-02-16')).toBe('holiday'); // Monday in 春节
    expect(dayKindOf('2026-02-07')).toBe('rest'); // an ordinary Saturday
    expect(dayKindOf('2026-02-13')).toBe('working');
    expect(dayKindOf('2026-10-10')).toBe('working'); // Saturday, 调休 for 国庆
    expect(dayKindOf('2026-10-05')).toBe('holiday');
  });
});

describe.each([
  [
    '2026-02',
    'Spring Festival',
    ['2026-02-14', '2026-02-28'],
    '2026-02-15',
    '2026-02-23',
  ],
  ['2026-10', 'National Day', ['2026-10-10'], '2026-10-01', '2026-10-07'],
])('generating %s (%s)', (month, _name, makeUpDays, holidayFrom, holidayTo) => {
  const config = teamConfig(2);
  const shifts = generateRoster({
    month,
    context: contextOf(config),
    dayKindOf,
  });
  const dates = datesOfMonth(month);

  it('staffs every day of the month, holidays and make-up days alike, breaking no rule', () => {
    expect(checkRoster(shifts, dates, contextOf(config))).toEqual([]);
    for (const date of [...makeUpDays, holidayFrom, holidayTo]) {
      const day = shifts.filter(s => s.date === date);
      expect(day.filter(s => s.kind === 'phone')).toHaveLength(1);
      // The desk is shared with hardware: its two count for both.
      expect(day.filter(s => s.kind === 'on-site')).toHaveLength(4);
    }
  });

  it('shares holiday duty out evenly among the engineers of a post', () => {
    const holidays = dates.filter(d => d >= holidayFrom && d <= holidayTo);
    for (const post of ['desk', 'software']) {
      const counts = config.engineers
        .filter(e => e.posts.includes(post))
        .map(
          e =>
            shifts.filter(
              s =>
                s.engineer === e.ref &&
                holidays.includes(s.date) &&
                s.kind === 'on-site',
            ).length,
        );
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2 * holidays.length);
    }
  });
});

describe('the roster rules', () => {
  const month = '2026-02';
  const dates = datesOfMonth(month);
  const arbitraryConfig = fc
    .record({
      spare: fc.integer({ min: 2, max: 4 }),
      perPost: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ spare, perPost }) => teamConfig(spare, perPost));

  it('a generated roster of a large enough team breaks no rule', () => {
    fc.assert(
      fc.property(arbitraryConfig, config => {
        const shifts = generateRoster({
          month,
          context: contextOf(config),
          dayKindOf,
        });
        expect(checkRoster(shifts, dates, contextOf(config))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('generation keeps engineers on leave off the roster for their days', () => {
    fc.assert(
      fc.property(
        arbitraryConfig,
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 5 }),
        (config, start, length) => {
          const engineer =
            config.engineers[start % config.engineers.length].ref;
          const leave = {
            engineer,
            from: dates[start],
            to: dates[Math.min(start + length, 27)],
          };
          const context = contextOf(config, { leaves: [leave] });
          const shifts = generateRoster({ month, context, dayKindOf });
          expect(
            shifts.filter(
              s =>
                s.engineer === engineer &&
                s.date >= leave.from &&
                s.date <= leave.to,
            ),
          ).toEqual([]);
          expect(checkRoster(shifts, dates, context)).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  const config = teamConfig(2);
  const clean = generateRoster({
    month,
    context: contextOf(config),
    dayKindOf,
  });
  const onSite = clean.filter(s => s.kind === 'on-site');
  const phones = clean.filter(s => s.kind === 'phone');

  it('a shift taken away shows as a vacancy and a coverage gap of its post and day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...onSite), removed => {
        const shifts = clean.map(s =>
          s.id === removed.id ? { ...s, engineer: null } : s,
        );
        const problems = checkRoster(shifts, dates, contextOf(config));
        expect(problems).toContainEqual({
          rule: 'vacant',
          shiftId: removed.id,
          date: removed.date,
        });
        expect(problems).toContainEqual({
          rule: 'coverage',
          date: removed.date,
          post: removed.post,
          needed: 2,
          have: 1,
        });
        // The desk covers hardware too, so hardware's gap shows with it.
        expect(problems).toHaveLength(removed.post === 'desk' ? 3 : 2);
      }),
    );
  });

  it('an engineer on two posts at once is double booked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...onSite),
        fc.constantFrom('desk', 'hardware', 'software'),
        (shift, post) => {
          const extra: ShiftSlot = {
            id: 'extra',
            date: shift.date,
            kind: 'on-site',
            post,
            engineer: shift.engineer,
          };
          const problems = checkRoster(
            [...clean, extra],
            dates,
            contextOf(config),
          );
          expect(problems).toContainEqual({
            rule: 'double-booking',
            engineer: shift.engineer,
            shiftIds: expect.arrayContaining([shift.id, 'extra']),
          });
        },
      ),
    );
  });

  it('the day after a night of phone duty is rest, and a second night is allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...phones.slice(0, -1)), phone => {
        const next = dates[dates.indexOf(phone.date) + 1];
        const dayShift = onSite.find(
          s => s.date === next && s.engineer !== phone.engineer,
        )!;
        const withDay = clean.map(s =>
          s.id === dayShift.id ? { ...s, engineer: phone.engineer } : s,
        );
        expect(checkRoster(withDay, dates, contextOf(config))).toContainEqual({
          rule: 'rest',
          engineer: phone.engineer,
          shiftIds: [phone.id, dayShift.id],
        });
        const secondNight = clean.map(s =>
          s.id === `${next}.phone` ? { ...s, engineer: phone.engineer } : s,
        );
        expect(
          checkRoster(secondNight, dates, contextOf(config)).filter(
            p => p.rule === 'rest' && p.shiftIds[0] === phone.id,
          ),
        ).toEqual([]);
      }),
    );
  });

  it('a rest period longer than the day names the next night too', () => {
    const longRest = { ...config, restHoursAfterPhone: 12 };
    const [first, second] = phones;
    const shifts = clean.map(s =>
      s.id === second.id ? { ...s, engineer: first.engineer } : s,
    );
    expect(checkRoster(shifts, dates, contextOf(longRest))).toContainEqual({
      rule: 'rest',
      engineer: first.engineer,
      shiftIds: [first.id, second.id],
    });
  });

  it('shifts during approved leave, of unapproved or unqualified engineers are named', () => {
    fc.assert(
      fc.property(fc.constantFrom(...clean), shift => {
        const who = shift.engineer!;
        const leave = { engineer: who, from: shift.date, to: shift.date };
        const problems = checkRoster(
          clean,
          dates,
          contextOf(config, {
            leaves: [leave],
            isApproved: ref => ref !== who,
          }),
        );
        const mine = clean.filter(s => s.engineer === who);
        expect(problems.filter(p => p.rule === 'not-approved')).toHaveLength(
          mine.length,
        );
        expect(problems.filter(p => p.rule === 'on-leave')).toEqual(
          mine
            .filter(s => s.date === shift.date)
            .map(s => ({ rule: 'on-leave', engineer: who, shiftId: s.id })),
        );
      }),
      { numRuns: 30 },
    );
    const stranger = clean.map((s, i) =>
      i === 0 ? { ...s, engineer: 'user:default/stranger' } : s,
    );
    expect(checkRoster(stranger, dates, contextOf(config))).toContainEqual({
      rule: 'not-qualified',
      engineer: 'user:default/stranger',
      shiftId: clean[0].id,
    });
  });

  it('no phone duty, or two on one night, is a problem of that night', () => {
    const [night] = phones;
    const none = clean.filter(s => s.id !== night.id);
    expect(checkRoster(none, dates, contextOf(config))).toEqual([
      { rule: 'phone', date: night.date, have: 0 },
    ]);
  });
});

describe('who is on call', () => {
  const config = teamConfig(2);
  const shifts = generateRoster({
    month: '2026-02',
    context: contextOf(config),
    dayKindOf,
  }).map(s => ({
    ...s,
    ...shiftInstants(config, s.date, s.kind),
  }));
  const phoneOf = (date: string) =>
    shifts.find(s => s.date === date && s.kind === 'phone')!.engineer;
  const deskOf = (date: string) =>
    shifts.find(s => s.date === date && s.post === 'desk')!.engineer;

  it('at night is the phone-duty engineer of the evening, also after midnight', () => {
    // 21:00 on Spring Festival's eve and 03:00 the next morning: the same night.
    const late = onCallAt(shifts, '2026-02-16T21:00:00+08:00', config);
    expect(late).toMatchObject({
      onSiteHours: false,
      first: phoneOf('2026-02-16'),
      onSite: [],
    });
    expect(onCallAt(shifts, '2026-02-17T03:00:00+08:00', config).first).toBe(
      phoneOf('2026-02-16'),
    );
  });

  it('changes at 07:30 and 18:30 exactly', () => {
    expect(onCallAt(shifts, '2026-02-14T07:29:59+08:00', config)).toMatchObject(
      {
        onSiteHours: false,
        first: phoneOf('2026-02-13'),
      },
    );
    const morning = onCallAt(shifts, '2026-02-14T07:30:00+08:00', config);
    expect(morning).toMatchObject({
      onSiteHours: true,
      first: deskOf('2026-02-14'),
    });
    expect(morning.phone).toBeUndefined();
    expect(morning.onSite).toHaveLength(4);
    expect(
      onCallAt(shifts, '2026-02-14T10:29:59.999Z', config).onSiteHours,
    ).toBe(true);
    expect(onCallAt(shifts, '2026-02-14T10:30:00Z', config)).toMatchObject({
      onSiteHours: false,
      first: phoneOf('2026-02-14'),
    });
  });
});

describe('leave requests', () => {
  it('refuse leave that ends before it starts, naming the field', () => {
    const result = requestLeaveSchema.safeParse({
      from: '2026-02-10',
      to: '2026-02-09',
      reason: '探亲',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(i => i.path.join('.'))).toEqual(['to']);
  });
});
