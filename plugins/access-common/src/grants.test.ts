import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  GrantDecision,
  GrantLifecycle,
  GrantStep,
  grantEnd,
  grantStateAt,
  grantWindowProblem,
  newVerificationCode,
  planGrantStep,
  useRefusal,
} from './grants';

const ENGINEER = 'user:default/liuyang';
const IT_OFFICE = 'user:default/wuxia';
const BASE = DateTime.fromISO('2026-12-05T10:00:00+08:00');

/** An instant within a few days of the base, in UTC or Beijing time. */
const instantArb = fc
  .tuple(fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), fc.boolean())
  .map(([minutes, utc]) => {
    const at = BASE.plus({ minutes });
    return (utc ? at.toUTC() : at).toISO()!;
  });

const grantArb = fc
  .record({
    decision: fc.constantFrom<GrantDecision>(
      'requested',
      'approved',
      'refused',
      'revoked',
    ),
    requestedBy: fc.constantFrom(ENGINEER, IT_OFFICE),
    startsAt: instantArb,
    minutes: fc.integer({ min: 1, max: 240 }),
  })
  .map(
    ({ minutes, ...g }): GrantLifecycle => ({
      ...g,
      endsAt: grantEnd(g.startsAt, minutes),
    }),
  );

const ms = (iso: string) => DateTime.fromISO(iso).toMillis();

describe('grant lifecycle', () => {
  it('is live exactly from its start to its end once approved', () => {
    fc.assert(
      fc.property(grantArb, instantArb, (grant, now) => {
        const live = grantStateAt(grant, now) === 'live';
        expect(live).toBe(
          grant.decision === 'approved' &&
            ms(now) >= ms(grant.startsAt) &&
            ms(now) < ms(grant.endsAt),
        );
      }),
    );
  });

  it('never comes back once expired, refused or revoked', () => {
    fc.assert(
      fc.property(grantArb, instantArb, instantArb, (grant, a, b) => {
        const [early, late] = ms(a) <= ms(b) ? [a, b] : [b, a];
        const before = grantStateAt(grant, early);
        expect(
          !['expired', 'refused', 'revoked'].includes(before) ||
            grantStateAt(grant, late) === before,
        ).toBe(true);
      }),
    );
  });

  it('is decided only while requested, and never by its requester', () => {
    fc.assert(
      fc.property(
        grantArb,
        fc.constantFrom<GrantStep>('approve', 'refuse'),
        fc.constantFrom(ENGINEER, IT_OFFICE),
        instantArb,
        (grant, step, actor, now) => {
          const state = grantStateAt(grant, now);
          const plan = planGrantStep(grant, step, actor, now);
          let expected: object = {
            ok: true,
            decision: step === 'approve' ? 'approved' : 'refused',
          };
          if (state !== 'requested') {
            expected = { ok: false, refusal: 'not-requested' };
          } else if (actor === grant.requestedBy) {
            expected = { ok: false, refusal: 'requester-cannot-decide' };
          }
          expect(plan).toEqual(expected);
        },
      ),
    );
  });

  it('is live at its start once approved, unless over', () => {
    fc.assert(
      fc.property(grantArb, instantArb, (grant, now) => {
        const plan = planGrantStep(grant, 'approve', IT_OFFICE, now);
        expect(
          !plan.ok ||
            grant.requestedBy === IT_OFFICE ||
            grantStateAt(
              { ...grant, decision: plan.decision },
              grant.startsAt,
            ) === 'live',
        ).toBe(true);
      }),
    );
  });

  it('is revoked only while approved or live, and is revoked after', () => {
    fc.assert(
      fc.property(grantArb, instantArb, (grant, now) => {
        const state = grantStateAt(grant, now);
        const plan = planGrantStep(grant, 'revoke', IT_OFFICE, now);
        const revocable = state === 'approved' || state === 'live';
        expect(plan.ok).toBe(revocable);
        expect(
          !plan.ok ||
            grantStateAt({ ...grant, decision: plan.decision }, now) ===
              'revoked',
        ).toBe(true);
      }),
    );
  });

  it('takes a use only while live', () => {
    fc.assert(
      fc.property(grantArb, instantArb, (grant, now) => {
        expect(useRefusal(grant, now) === undefined).toBe(
          grantStateAt(grant, now) === 'live',
        );
      }),
    );
  });

  it('names the end instant, the last live minute and the first expired one', () => {
    const grant: GrantLifecycle = {
      decision: 'approved',
      requestedBy: ENGINEER,
      startsAt: '2026-12-05T10:00:00+08:00',
      endsAt: grantEnd('2026-12-05T10:00:00+08:00', 240),
    };
    expect(grant.endsAt).toBe('2026-12-05T06:00:00.000Z');
    expect(grantStateAt(grant, '2026-12-05T09:59:59+08:00')).toBe('approved');
    expect(grantStateAt(grant, '2026-12-05T10:00:00+08:00')).toBe('live');
    expect(grantStateAt(grant, '2026-12-05T13:59:59+08:00')).toBe('live');
    expect(grantStateAt(grant, '2026-12-05T14:00:00+08:00')).toBe('expired');
    expect(useRefusal(grant, '2026-12-05T14:00:00+08:00')).toBe(
      'the grant is expired, not live',
    );
  });

  it('lets a request nobody decided lapse at its end', () => {
    const grant: GrantLifecycle = {
      decision: 'requested',
      requestedBy: ENGINEER,
      startsAt: '2026-12-05T10:00:00+08:00',
      endsAt: '2026-12-05T11:00:00+08:00',
    };
    expect(grantStateAt(grant, '2026-12-05T11:00:00+08:00')).toBe('expired');
    expect(
      planGrantStep(grant, 'approve', IT_OFFICE, '2026-12-05T11:00:00+08:00'),
    ).toEqual({ ok: false, refusal: 'not-requested' });
  });
});

describe('grant window', () => {
  const now = '2026-12-05T10:00:00+08:00';

  it('refuses a window longer than the maximum, on both sides of it', () => {
    expect(
      grantWindowProblem({ startsAt: now, durationMinutes: 240 }, now, 240),
    ).toBe(undefined);
    expect(
      grantWindowProblem({ startsAt: now, durationMinutes: 241 }, now, 240),
    ).toEqual({
      field: 'durationMinutes',
      message: 'is longer than the longest grant, 240 minutes',
    });
  });

  it('refuses a start in the past beyond a minute of slack', () => {
    const window = (startsAt: string) => ({ startsAt, durationMinutes: 60 });
    expect(
      grantWindowProblem(window('2026-12-05T09:59:00+08:00'), now, 240),
    ).toBe(undefined);
    expect(
      grantWindowProblem(window('2026-12-05T01:58:59Z'), now, 240)?.field,
    ).toBe('startsAt');
  });
});

describe('verification code', () => {
  it('is six digits from the random source', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), {
          minLength: 6,
          maxLength: 6,
        }),
        digits => {
          let i = 0;
          expect(newVerificationCode(() => digits[i++])).toBe(digits.join(''));
        },
      ),
    );
  });
});
