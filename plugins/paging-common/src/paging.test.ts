import fc from 'fast-check';
import { DateTime } from 'luxon';
import { pagingConfigSchema } from './config';
import {
  escalationPlan,
  EscalationTier,
  firstTier,
  retryDelaySeconds,
} from './escalation';
import { formatPage, PAGE_MAX_CHARS } from './message';
import { PAGE_EVENT_KINDS, PAGE_LEVELS } from './model';
import { pagingRuleFor } from './rules';
import { inDailyWindow, windowEnd } from './window';

const ZONE = 'Asia/Shanghai';
const config = pagingConfigSchema.parse({});

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(
    ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
  );
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) })
  .map(ms => DateTime.fromMillis(ms, { zone: 'utc' }));

describe('what pages', () => {
  const event = (
    kind: (typeof PAGE_EVENT_KINDS)[number],
    level: 'L1' | 'L2' | 'L3',
    at: string,
  ) => pagingRuleFor({ kind, level, at }, config);

  it('an L1 or L2 ticket pages outside on-site hours, on both sides of the edge', () => {
    // Friday 2026-12-04: on site 08:30-18:00 Beijing time.
    expect(
      event('ticket-created', 'L1', '2026-12-04T17:59:59+08:00'),
    ).toBeUndefined();
    expect(
      event('ticket-created', 'L1', '2026-12-04T18:00:00+08:00')?.first,
    ).toBe('on-call');
    expect(
      event('ticket-created', 'L2', '2026-12-04T08:29:59+08:00'),
    ).toBeDefined();
    expect(
      event('ticket-created', 'L2', '2026-12-04T08:30:00+08:00'),
    ).toBeUndefined();
    // Saturday at noon: nobody on site.
    expect(
      event('ticket-created', 'L2', '2026-12-05T12:00:00+08:00'),
    ).toBeDefined();
    // An L3 ticket at 03:00 waits for the morning, in the portal.
    expect(
      event('ticket-created', 'L3', '2026-12-05T03:00:00+08:00'),
    ).toBeUndefined();
  });

  it('an SLA breach, an alert storm and a major event page at any hour', () => {
    for (const kind of ['sla-breach', 'alert-storm', 'major-event'] as const) {
      expect(event(kind, 'L3', '2026-12-04T10:00:00+08:00')).toBeDefined();
      expect(event(kind, 'L3', '2026-12-05T03:00:00+08:00')).toBeDefined();
    }
  });

  it('rules are configurable by level, time of day and role', () => {
    const custom = pagingConfigSchema.parse({
      rules: [
        {
          events: ['ticket-created'],
          levels: ['L3'],
          when: 'on-site-hours',
          first: 'ops-manager',
        },
      ],
    });
    expect(
      pagingRuleFor(
        {
          kind: 'ticket-created',
          level: 'L3',
          at: '2026-12-04T10:00:00+08:00',
        },
        custom,
      )?.first,
    ).toBe('ops-manager');
    expect(
      pagingRuleFor(
        {
          kind: 'ticket-created',
          level: 'L3',
          at: '2026-12-04T20:00:00+08:00',
        },
        custom,
      ),
    ).toBeUndefined();
    expect(
      pagingRuleFor(
        { kind: 'sla-breach', level: 'L1', at: '2026-12-04T20:00:00+08:00' },
        custom,
      ),
    ).toBeUndefined();
  });
});

describe('daily windows (quiet hours)', () => {
  it('a window over midnight holds 23:00 and 06:59 but not 07:00', () => {
    const quiet = { start: '22:00', end: '07:00' };
    const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
    expect(inDailyWindow(at('2026-12-05T23:00:00+08:00'), quiet, ZONE)).toBe(
      true,
    );
    expect(inDailyWindow(at('2026-12-06T06:59:00+08:00'), quiet, ZONE)).toBe(
      true,
    );
    expect(inDailyWindow(at('2026-12-06T07:00:00+08:00'), quiet, ZONE)).toBe(
      false,
    );
    expect(
      windowEnd(at('2026-12-05T23:00:00+08:00'), quiet, ZONE)?.toISO(),
    ).toBe('2026-12-05T23:00:00.000Z');
  });

  it('membership agrees with walking the minutes, and the end is the first minute outside', () => {
    fc.assert(
      fc.property(hhmm, hhmm, instant, (start, end, at) => {
        fc.pre(start !== end);
        const window = { start, end };
        const local = at.setZone(ZONE);
        const minute = local.hour * 60 + local.minute;
        const [sh, sm] = start.split(':').map(Number);
        // Walk back from `minute` to the start: inside iff the start is reached before the end.
        let inside = false;
        for (let back = 0; back < 24 * 60; back++) {
          const m = (minute - back + 24 * 60) % (24 * 60);
          const [eh, em] = end.split(':').map(Number);
          if (
            back > 0 &&
            m === eh * 60 + em - 1 + (eh * 60 + em === 0 ? 24 * 60 : 0)
          )
            break;
          if (m === sh * 60 + sm) {
            inside = true;
            break;
          }
        }
        expect(inDailyWindow(at, window, ZONE)).toBe(inside);
        const ends = windowEnd(at, window, ZONE);
        expect(ends === undefined).toBe(!inside);
        // Inside: the end is later, within a day, outside, and the minute before it inside.
        const endsAt = ends ?? at.plus({ minutes: 1 });
        const checks = [
          endsAt.toMillis() > at.toMillis(),
          endsAt.toMillis() - at.toMillis() <= 24 * 3600_000,
          !inDailyWindow(endsAt, window, ZONE),
          inDailyWindow(endsAt.minus({ minutes: 1 }), window, ZONE),
        ];
        expect(checks).toEqual(inside ? [true, true, true, true] : checks);
      }),
    );
  });
});

describe('the escalation plan', () => {
  const tiers: EscalationTier[] = [
    { role: 'on-call', recipients: ['user:default/zhangwei'] },
    { role: 'on-call', recipients: ['user:default/liuyang'] },
    { role: 'ops-manager', recipients: ['group:default/ops-manager'] },
    { role: 'court-it-office', recipients: ['group:default/court-it-office'] },
  ];
  const start = DateTime.fromISO('2026-12-06T03:00:00+08:00');

  it('an L1 page reaches the second on-call at 10 minutes, the ops manager at 20, the IT office at 30', () => {
    expect(
      escalationPlan(tiers, 0, 'L1', start, config.escalationMinutes).map(s => [
        tiers[s.tier].role,
        s.at.diff(start, 'minutes').minutes,
      ]),
    ).toEqual([
      ['on-call', 0],
      ['on-call', 10],
      ['ops-manager', 20],
      ['court-it-office', 30],
    ]);
  });

  it('starts at the rule role, skipping empty tiers', () => {
    expect(firstTier(tiers, 'ops-manager')).toBe(2);
    expect(
      firstTier(
        [{ role: 'on-call', recipients: [] }, ...tiers.slice(2)],
        'on-call',
      ),
    ).toBe(1);
    expect(
      firstTier([{ role: 'on-call', recipients: [] }], 'on-call'),
    ).toBeUndefined();
  });

  it('visits every non-empty tier from the first once, in order, at the level minutes apart', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role: fc.constantFrom(
              'on-call' as const,
              'ops-manager' as const,
              'court-it-office' as const,
            ),
            recipients: fc.array(fc.constant('user:default/x'), {
              maxLength: 2,
            }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(...PAGE_LEVELS),
        (chain, level) => {
          const first = firstTier(chain, 'on-call');
          fc.pre(first !== undefined);
          const plan = escalationPlan(
            chain,
            first!,
            level,
            start,
            config.escalationMinutes,
          );
          const expected = chain
            .map((tier, index) => ({ tier, index }))
            .filter(
              ({ tier, index }) =>
                index >= first! && tier.recipients.length > 0,
            )
            .map(({ index }) => index);
          expect(plan.map(s => s.tier)).toEqual(expected);
          plan.forEach((step, i) =>
            expect(step.at.diff(start, 'minutes').minutes).toBe(
              i * config.escalationMinutes[level],
            ),
          );
        },
      ),
    );
  });

  it('retries wait the backoff, doubling', () => {
    expect([1, 2, 3].map(n => retryDelaySeconds(n, 30))).toEqual([30, 60, 120]);
  });
});

describe('the page text', () => {
  const options = {
    zone: ZONE,
    language: 'zh' as const,
    ackUrl: 'https://ops.court.gov.cn/api/paging/a/K7Q2M9XD',
    replyCode: '482913',
    escalated: false,
  };

  it('reads as the engineer gets it by SMS', () => {
    expect(
      formatPage(
        {
          kind: 'ticket-created',
          level: 'L1',
          ticketNumber: 'INC-2026-00042',
          title: '第三审判庭庭审音视频中断',
          place: '第三审判庭',
          deadline: '2026-12-05T19:30:00Z',
        },
        options,
      ).text,
    ).toBe(
      '【法院运维】L1 紧急工单 INC-2026-00042 第三审判庭庭审音视频中断 地点:第三审判庭 时限:12-06 03:30 确认:https://ops.court.gov.cn/api/paging/a/K7Q2M9XD 或回复482913',
    );
  });

  it('always fits two SMS segments and keeps number, level, deadline, link and code', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom(...PAGE_EVENT_KINDS),
          level: fc.constantFrom(...PAGE_LEVELS),
          ticketNumber: fc.stringMatching(/^(INC|SR|CHG)-20\d\d-\d{5}$/),
          title: fc.string({ maxLength: 400, unit: 'grapheme' }),
          place: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
          deadline: fc.option(
            instant.map(i => i.toISO()!),
            { nil: undefined },
          ),
        }),
        fc.boolean(),
        fc.constantFrom('zh' as const, 'en' as const),
        // The longest link the config allows: a 48-character base, /a/ and the code.
        fc
          .stringMatching(/^https:\/\/[a-z.]{1,30}\/api\/paging$/)
          .map(base => `${base}/a/K7Q2M9XD`),
        (event, escalated, language, ackUrl) => {
          const { text } = formatPage(event, {
            ...options,
            escalated,
            language,
            ackUrl,
          });
          expect([...text].length).toBeLessThanOrEqual(
            PAGE_MAX_CHARS[language],
          );
          expect(text).toContain(event.ticketNumber);
          expect(text).toContain(event.level);
          expect(text).toContain(ackUrl);
          expect(text).toContain(options.replyCode);
          const due = event.deadline
            ? DateTime.fromISO(event.deadline)
                .setZone(ZONE)
                .toFormat('MM-dd HH:mm')
            : '';
          expect(text).toContain(due);
        },
      ),
    );
  });
});
