import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';

/** Cancels a wake-up that has not happened yet. */
export type CancelWakeUp = () => void;

/**
 * The court's one notion of "now". Every backend family reads the current
 * instant and schedules its wake-ups here, never on the wall clock, so a test
 * names the instant it runs at and moves time on by itself.
 */
export interface CourtClock {
  /** The current instant, in UTC. */
  now(): DateTime;
  /**
   * Calls `wake` once the clock has reached `at` (as soon as it can when it
   * already has). The wake-up never keeps the process alive on its own.
   */
  wakeAt(at: DateTime, wake: () => unknown): CancelWakeUp;
}

/** Node's timers can wait at most this long (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/** The machine's clock: what production runs on. */
export class SystemCourtClock implements CourtClock {
  now(): DateTime {
    return DateTime.utc();
  }

  wakeAt(at: DateTime, wake: () => unknown): CancelWakeUp {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const delay = at.toMillis() - this.now().toMillis();
      // Waits again when the instant is not reached yet: a far instant is reached in steps (a
      // longer delay would fire at once), and a timer may fire a millisecond before the wall
      // clock reads its instant (a CI run caught it: woke 1 ms early).
      timer = setTimeout(
        () => (at.toMillis() > this.now().toMillis() ? arm() : wake()),
        Math.max(0, Math.min(delay, MAX_TIMER_MS)),
      );
      timer.unref?.();
    };
    arm();
    return () => clearTimeout(timer);
  }
}

/**
 * The court clock, one per backend. Tests replace it with
 * `courtClockFactory(new ManualCourtClock(...))`.
 */
export const courtClockServiceRef = createServiceRef<CourtClock>({
  id: 'courtops.clock',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => new SystemCourtClock(),
    }),
});

/** A factory that makes `clock` the backend's court clock. */
export function courtClockFactory(clock: CourtClock) {
  return createServiceFactory({
    service: courtClockServiceRef,
    deps: {},
    factory: () => clock,
  });
}
