import { LoggerService } from '@backstage/backend-plugin-api';
import { CancelWakeUp, CourtClock } from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import { AuditService } from './AuditService';

/** The next `HH:mm` in `zone` strictly after `now`. */
export function nextCheckAt(now: DateTime, at: string, zone: string): DateTime {
  const [hour, minute] = at.split(':').map(Number);
  const local = now.setZone(zone);
  const today = local.set({ hour, minute, second: 0, millisecond: 0 });
  return today > local ? today : today.plus({ days: 1 });
}

/** Wakes on the court clock at the configured hour each day and runs the service's daily check. */
export class DailyCheck {
  private cancel?: CancelWakeUp;

  constructor(
    private readonly deps: {
      service: AuditService;
      clock: CourtClock;
      logger: LoggerService;
      at: string;
      zone: string;
    },
  ) {}

  start(): void {
    const { clock, at, zone } = this.deps;
    this.cancel = clock.wakeAt(nextCheckAt(clock.now(), at, zone), () =>
      this.run(),
    );
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private async run(): Promise<void> {
    try {
      await this.deps.service.dailyCheck();
    } catch (error) {
      this.deps.logger.error('The daily audit check failed', {
        error: String(error),
      });
    }
    if (this.cancel) this.start();
  }
}
