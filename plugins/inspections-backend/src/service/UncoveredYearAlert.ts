import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CourtClock } from '@internal/plugin-court-node';
import { RoundStore } from '../database/RoundStore';

/**
 * Tells the ops managers that round generation waits for a year's official
 * schedule: the log on every run, a notification once per year across all
 * replicas (a claimed row), so nobody learns of it from empty rounds.
 */
export class UncoveredYearAlert {
  constructor(
    private readonly deps: {
      rounds: RoundStore;
      notifications: Pick<NotificationService, 'send'>;
      /** Entity refs (the ops managers' groups) to notify. */
      recipients: readonly string[];
      logger: LoggerService;
      clock: CourtClock;
    },
  ) {}

  /** Logs the held-back plans; true if this call sent the year's notification. */
  async raise(
    year: number,
    plans: readonly string[],
    heldFrom: string,
  ): Promise<boolean> {
    const { rounds, notifications, recipients, logger, clock } = this.deps;
    logger.warn(
      `inspection rounds from ${heldFrom} wait for the ${year} official schedule (plans ${plans.join(
        ', ',
      )}); they are caught up once it is entered on /calendar`,
    );
    if (recipients.length === 0) return false;
    const at = clock.now().toUTC().toISO()!;
    if (!(await rounds.claimUncoveredYearAlert(year, at))) return false;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: [...recipients] },
        payload: {
          title: `巡检轮次等待 ${year} 年法定节假日安排 · Inspection rounds wait for the ${year} official schedule`,
          description: `${year} 年的工作日无法确定，自 ${heldFrom} 起未生成巡检轮次（计划：${plans.join(
            '、',
          )}）。录入该年安排后会补生成。No rounds were generated from ${heldFrom}: ${year}'s working days are not known (plans ${plans.join(
            ', ',
          )}). They are caught up once the year is entered.`,
          link: '/calendar',
          severity: 'high',
          topic: 'inspection-rounds',
          scope: `inspections:uncovered-year:${year}`,
        },
      });
      return true;
    } catch (error) {
      // Give the claim back: the next run (any replica) tries again.
      await rounds.releaseUncoveredYearAlert(year);
      logger.error(
        `could not notify that rounds wait for the ${year} official schedule: ${
          (error as Error).message
        }`,
      );
      return false;
    }
  }
}
