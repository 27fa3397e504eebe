import { mockServices } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CourtWaker, CourtWakerOptions } from './CourtWaker';
import { ManualCourtClock } from './ManualCourtClock';

const START = '2026-03-03T10:00:00+08:00';

/**
 * A waker over a list of due instants: each sweep takes (and notes the
 * instant of) everything due by then, as a family's store would.
 */
function setUp(options: Partial<CourtWakerOptions> = {}) {
  const clock = new ManualCourtClock(START);
  const due: string[] = [];
  const swept: string[] = [];
  const done: { due: string; at: string }[] = [];
  const logger = mockServices.logger.mock();
  const sweep = jest.fn(async () => {
    const now = clock.now();
    swept.push(now.toISO()!);
    for (const at of [...due]) {
      if (DateTime.fromISO(at) <= now) {
        due.splice(due.indexOf(at), 1);
        done.push({ due: at, at: now.toISO()! });
      }
    }
  });
  const waker = new CourtWaker({
    name: 'test waker',
    logger,
    clock,
    sweep,
    nextDue: async () =>
      [...due].sort(
        (a, b) =>
          DateTime.fromISO(a).toMillis() - DateTime.fromISO(b).toMillis(),
      )[0],
    maxSleep: { hours: 1 },
    ...options,
  });
  return { clock, due, swept, done, logger, sweep, waker };
}

const local = (time: string) => `2026-03-03T${time}+08:00`;
const utc = (time: string) => DateTime.fromISO(local(time)).toUTC().toISO()!;

describe('CourtWaker', () => {
  it('sweeps at start, then sleeps until the next due instant and no longer', async () => {
    const s = setUp();
    s.due.push(local('10:20:00'));
    await s.waker.start();
    expect(s.swept).toEqual([utc('10:00:00')]);

    await s.clock.set(local('10:19:59'));
    expect(s.swept).toHaveLength(1);
    await s.clock.set(local('10:20:00'));
    expect(s.done).toEqual([{ due: local('10:20:00'), at: utc('10:20:00') }]);
    await s.waker.stop();
  });

  it('sleeps at most the longest sleep, to see work another replica stored', async () => {
    const s = setUp();
    await s.waker.start();
    s.due.push(local('10:30:00')); // stored elsewhere: nobody woke this waker
    await s.clock.set(local('10:59:59'));
    expect(s.done).toEqual([]);
    await s.clock.set(local('11:00:00'));
    expect(s.done).toEqual([{ due: local('10:30:00'), at: utc('11:00:00') }]);

    s.due.push(local('16:00:00'));
    await s.clock.set(local('13:00:00'));
    expect(s.swept).toEqual([
      utc('10:00:00'),
      utc('11:00:00'),
      utc('12:00:00'),
      utc('13:00:00'),
    ]);
    await s.waker.stop();
  });

  it('wakes earlier when told of work due sooner, never later', async () => {
    const s = setUp();
    s.due.push(local('10:40:00'));
    await s.waker.start();

    s.due.push(local('10:10:00'));
    s.waker.wakeBy(local('10:10:00'));
    s.waker.wakeBy(DateTime.fromISO(local('10:50:00')));
    s.waker.wakeBy(undefined);
    await s.clock.set(local('10:45:00'));
    expect(s.done).toEqual([
      { due: local('10:10:00'), at: utc('10:10:00') },
      { due: local('10:40:00'), at: utc('10:40:00') },
    ]);
    expect(s.swept).toEqual([
      utc('10:00:00'),
      utc('10:10:00'),
      utc('10:40:00'),
    ]);
    await s.waker.stop();
  });

  it('never sweeps twice at once: a wake-up while sweeping sweeps once more after', async () => {
    const s = setUp();
    let inside = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    s.sweep.mockImplementation(async () => {
      inside++;
      most = Math.max(most, inside);
      s.swept.push(s.clock.now().toISO()!);
      await gate;
      inside--;
    });
    const first = s.waker.start();
    const second = s.waker.wake();
    const third = s.waker.wake();
    expect(s.sweep).toHaveBeenCalledTimes(1);
    release();
    await Promise.all([first, second, third]);
    expect(s.sweep).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
    await s.waker.stop();
  });

  it('waits the shortest sleep before looking again at work still due', async () => {
    const s = setUp({ minSleep: { seconds: 1 } });
    // Held elsewhere: the sweep cannot take it, so it stays due.
    s.sweep.mockImplementation(async () => {
      s.swept.push(s.clock.now().toISO()!);
    });
    s.due.push(local('09:00:00'));
    await s.waker.start();
    await s.clock.set(local('10:00:00.999'));
    expect(s.swept).toEqual([utc('10:00:00')]);
    await s.clock.set(local('10:00:02'));
    expect(s.swept).toEqual([
      utc('10:00:00'),
      utc('10:00:01'),
      utc('10:00:02'),
    ]);
    await s.waker.stop();
  });

  it('logs a failed sweep or look-up and keeps waking', async () => {
    const s = setUp();
    s.sweep.mockRejectedValueOnce(new Error('database gone'));
    const nextDue = jest
      .fn(async (): Promise<string | undefined> => undefined)
      .mockRejectedValueOnce(new Error('still gone'));
    const waker = new CourtWaker({
      name: 'flaky waker',
      logger: s.logger,
      clock: s.clock,
      sweep: s.sweep,
      nextDue,
      maxSleep: { minutes: 5 },
    });
    await waker.start();
    expect(s.logger.error).toHaveBeenCalledWith(
      'flaky waker failed: Error: database gone',
    );
    expect(s.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('still gone'),
    );
    await s.clock.set(local('10:05:00'));
    expect(s.sweep).toHaveBeenCalledTimes(2);
    await waker.stop();
  });

  it('does nothing before start or after stop, and stop waits for the sweep under way', async () => {
    const s = setUp();
    s.waker.wakeBy(local('10:01:00'));
    await s.clock.set(local('10:02:00'));
    expect(s.sweep).not.toHaveBeenCalled();

    let release!: () => void;
    s.sweep.mockImplementationOnce(
      () =>
        new Promise<void>(resolve => {
          release = resolve;
        }),
    );
    void s.waker.start();
    let stopped = false;
    const stopping = s.waker.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    expect(s.waker.stopped).toBe(true);
    release();
    await stopping;

    s.due.push(local('10:03:00'));
    await s.waker.wake();
    s.waker.wakeBy(local('10:03:00'));
    await s.clock.set(local('14:00:00'));
    expect(s.sweep).toHaveBeenCalledTimes(1);
    expect(s.done).toEqual([]);
  });

  it('does all work exactly at its instant, however it falls (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 * 3600 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 6 * 3600 }), { maxLength: 10 }),
        async (stored, told) => {
          const s = setUp();
          const at = (seconds: number) =>
            DateTime.fromISO(START, { setZone: true })
              .plus({ seconds })
              .toISO()!;
          s.due.push(...stored.map(at));
          await s.waker.start();
          // Work told of when stored wakes the waker at once for it.
          for (const seconds of told) {
            s.due.push(at(seconds));
            s.waker.wakeBy(at(seconds));
          }
          await s.clock.advance({ hours: 7 });
          await s.waker.stop();
          expect(s.due).toEqual([]);
          for (const { due, at: doneAt } of s.done) {
            expect(DateTime.fromISO(doneAt).toMillis()).toBe(
              Math.max(
                DateTime.fromISO(due).toMillis(),
                DateTime.fromISO(START).toMillis(),
              ),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
