import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DatabaseCalendarStore } from '../database/DatabaseCalendarStore';
import { CalendarService } from './CalendarService';

/**
 * The daily notification that a year's official schedule is missing: from
 * `warnFrom` until next year is covered (and every day of a year that is not),
 * once per court day across all replicas.
 */
export class MissingYearWarning {
  constructor(
    private readonly deps: {
      service: CalendarService;
      store: DatabaseCalendarStore;
      notifications: NotificationService;
      logger: LoggerService;
      recipients: readonly string[];
      now: () => Date;
    },
  ) {}

  /** Sends today's warning if one is due and no replica sent it; true if sent. */
  async check(): Promise<boolean> {
    const { service, store, notifications, logger, recipients } = this.deps;
    const status = await service.currentStatus();
    if (status.missingYear === undefined) return false;
    const year = status.missingYear;
    logger.warn(
      `the official schedule for ${year} is not loaded; enter it on /calendar (warning since ${status.warnFrom})`,
    );
    if (recipients.length === 0) return false;
    const claimed = await store.claimWarning(
      status.today,
      year,
      this.deps.now().toISOString(),
    );
    if (!claimed) return false;
    await notifications.send({
      recipients: { type: 'entity', entityRef: [...recipients] },
      payload: {
        title: `${year} 年法定节假日安排尚未录入 · The ${year} official schedule is not loaded`,
        description:
          year === Number(status.today.slice(0, 4))
            ? `工作日日历无法判断 ${year} 年的日期：巡检轮次和按工作日计时的 SLA 会暂停，直到录入。The working-day calendar cannot tell ${year}'s dates: rounds and working-day SLA clocks wait until it is entered.`
            : `请法院信息中心在 ${year} 年 1 月 1 日前录入国务院办公厅发布的放假安排。Enter the State Council's ${year} holiday notice before 1 January.`,
        link: '/calendar',
        severity: 'high',
        topic: 'official-calendar',
        scope: `calendar:missing:${year}`,
      },
    });
    return true;
  }
}
