import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CancelWakeUp, CourtClock } from '@internal/plugin-court-node';
import { courtDate, nextOverdueCheck } from '@internal/plugin-spares-common';
import { SparesStore } from '../database/SparesStore';

/**
 * Looks each day at the repairs out past their promised date and tells the
 * ops managers and the court IT office, once per repair across replicas (a
 * claimed row). Wakes on the court clock.
 */
export class OverdueWatch {
  private cancel?: CancelWakeUp;

  constructor(
    private readonly deps: {
      store: SparesStore;
      notifications: Pick<NotificationService, 'send'>;
      recipients: readonly string[];
      clock: CourtClock;
      zone: string;
      hour: number;
      logger: LoggerService;
    },
  ) {}

  /** Checks now (a start after the hour catches up), then every day at the hour. */
  async start() {
    await this.check();
    this.arm();
  }

  stop() {
    this.cancel?.();
  }

  private arm() {
    const { clock, zone, hour } = this.deps;
    this.cancel = clock.wakeAt(
      nextOverdueCheck(clock.now(), zone, hour),
      async () => {
        await this.check();
        this.arm();
      },
    );
  }

  /** Tells of each newly overdue repair; the numbers it told of. */
  async check(): Promise<string[]> {
    const { store, notifications, recipients, clock, zone, logger } = this.deps;
    const today = courtDate(clock.now(), zone);
    const told: string[] = [];
    try {
      const overdue = await store.listRepairs({ overdueOn: today }, today);
      for (const repair of overdue) {
        if (recipients.length === 0) break;
        const at = clock.now().toUTC().toISO()!;
        if (!(await store.claimOverdueNotice(repair.id, at))) continue;
        try {
          await notifications.send({
            recipients: { type: 'entity', entityRef: [...recipients] },
            payload: {
              title: `送修逾期：${repair.number} · Repair overdue: ${repair.number}`,
              description: `${repair.deviceRef ?? repair.partTypeId} 于 ${
                repair.sentOn
              } 送修（${repair.vendorId}），承诺 ${
                repair.promisedOn
              } 返回。Sent ${repair.sentOn} to ${
                repair.vendorId
              }, promised back ${repair.promisedOn}.`,
              link: '/spares/repairs',
              severity: 'high',
              topic: 'spares-repair-overdue',
              scope: `spares:repair-overdue:${repair.id}`,
            },
          });
          told.push(repair.number);
        } catch (error) {
          // Give the claim back: the next look (any replica) tries again.
          await store.releaseOverdueNotice(repair.id);
          logger.error(
            `could not tell that ${repair.number} is overdue: ${
              (error as Error).message
            }`,
          );
        }
      }
    } catch (error) {
      logger.error(
        `the overdue repairs watch failed: ${(error as Error).message}`,
      );
    }
    return told;
  }
}
