import type { TicketClockFact } from '../facts';
import { periodWindow } from '../period';
import { clockOutcome, clockStanding } from './clocks';
import { windowRange } from './window';

// November 2026 in Shanghai: [2026-10-31T16:00Z, 2026-11-30T16:00Z).
const november = windowRange(
  periodWindow({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai'),
);
const START = '2026-10-31T16:00:00.000Z';
const END = '2026-11-30T16:00:00.000Z';
const JUST_BEFORE_END = '2026-11-30T15:59:59.999Z';

const clock = (fields: Partial<TicketClockFact>): TicketClockFact => ({
  clock: 'resolution',
  level: 'L2',
  startedAt: '2026-11-10T01:00:00.000Z',
  elapsedMs: 0,
  pausedMs: 0,
  ...fields,
});

describe('clockOutcome', () => {
  it('is met at the stop, breached at the breach, none while it runs', () => {
    expect(clockOutcome(clock({ stoppedAt: END }))).toEqual({
      kind: 'met',
      at: END,
    });
    expect(clockOutcome(clock({ breachedAt: START }))).toEqual({
      kind: 'breached',
      at: START,
    });
    expect(clockOutcome(clock({}))).toBeUndefined();
  });

  it('is breached when the breach came before the stop or with it, met when after', () => {
    expect(clockOutcome(clock({ breachedAt: START, stoppedAt: END }))).toEqual({
      kind: 'breached',
      at: START,
    });
    expect(clockOutcome(clock({ breachedAt: END, stoppedAt: END }))).toEqual({
      kind: 'breached',
      at: END,
    });
    // The engine cannot breach a stopped clock; such a fact is taken as met.
    expect(clockOutcome(clock({ stoppedAt: START, breachedAt: END }))).toEqual({
      kind: 'met',
      at: START,
    });
  });
});

describe('clockStanding', () => {
  it('counts an outcome at the window’s start in it, at its end in the next period', () => {
    expect(
      clockStanding(clock({ startedAt: START, stoppedAt: START }), november),
    ).toBe('met');
    expect(clockStanding(clock({ stoppedAt: JUST_BEFORE_END }), november)).toBe(
      'met',
    );
    // Stopped at the very end: still running when November ended.
    expect(clockStanding(clock({ stoppedAt: END }), november)).toBe('running');
    expect(clockStanding(clock({ breachedAt: END }), november)).toBe('running');
  });

  it('runs at the end only if it started before the end and had not ended', () => {
    expect(
      clockStanding(clock({ startedAt: '2026-09-01T00:00:00.000Z' }), november),
    ).toBe('running');
    expect(clockStanding(clock({ startedAt: JUST_BEFORE_END }), november)).toBe(
      'running',
    );
    expect(clockStanding(clock({ startedAt: END }), november)).toBeUndefined();
    // An arrival clock waiting for its start (none yet) does not run.
    expect(
      clockStanding(
        clock({ clock: 'arrival', startedAt: undefined }),
        november,
      ),
    ).toBeUndefined();
  });

  it('counts a clock that ended before the period nowhere in it', () => {
    const october = '2026-10-20T00:00:00.000Z';
    expect(
      clockStanding(
        clock({ startedAt: october, stoppedAt: october }),
        november,
      ),
    ).toBeUndefined();
    // Breached in October and still open: counted once, in October.
    expect(
      clockStanding(
        clock({ startedAt: october, breachedAt: october }),
        november,
      ),
    ).toBeUndefined();
    expect(
      clockStanding(
        clock({ startedAt: october, breachedAt: october, stoppedAt: START }),
        november,
      ),
    ).toBeUndefined();
  });
});
