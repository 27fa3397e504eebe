import {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { IssuedReport, ReportKind } from '@internal/plugin-reports-common';
import { Caller, CourtClock } from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import { ArchiveConfig, FILED_SUB_CLASSES } from '../config';
import { ArchiveService } from '../service/ArchiveService';
import { changeRecordPdf, inspectionRecordPdf } from './records';
import { FilingSources } from './sources';

const REPORT_SUB_CLASSES: Record<ReportKind, string> = {
  week: FILED_SUB_CLASSES.weekly,
  month: FILED_SUB_CLASSES.monthly,
  quarter: FILED_SUB_CLASSES.quarterly,
  custom: FILED_SUB_CLASSES.serviceReport,
};

const FINISHED = new Set(['succeeded', 'failed', 'rolled-back']);

/** How many ended months back the inspection records are filed, for a portal that was down over a month's end. */
const MONTHS_BACK = 2;

/**
 * Files what the other families produce, by itself: issued reports, finished
 * changes and each ended month's inspection records, exactly once each (the
 * source key is unique in the store, so two replicas, or a rerun, file it
 * once). Runs at start and then every `everyMinutes` on the court clock.
 */
export class Filer {
  private stopped = false;
  private cancel?: () => void;

  constructor(
    private readonly deps: {
      service: ArchiveService;
      sources: FilingSources;
      clock: CourtClock;
      auth: AuthService;
      auditor: AuditorService;
      logger: LoggerService;
      config: ArchiveConfig;
    },
  ) {}

  /** Files now, then at every wake-up until stopped. */
  start(): void {
    const wake = async () => {
      await this.fileAll();
      if (!this.stopped) {
        this.cancel = this.deps.clock.wakeAt(
          this.deps.clock
            .now()
            .plus({ minutes: this.deps.config.filing.everyMinutes }),
          wake,
        );
      }
    };
    this.cancel = this.deps.clock.wakeAt(this.deps.clock.now(), wake);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  /** One pass over every source; a source that fails is logged and tried at the next pass. */
  async fileAll(): Promise<void> {
    const caller = (await this.deps.auth.getOwnServiceCredentials()) as Caller;
    for (const [name, pass] of [
      ['issued reports', () => this.fileReports(caller)],
      ['changes', () => this.fileChanges(caller)],
      ['inspection records', () => this.fileInspections(caller)],
    ] as const) {
      try {
        await pass();
      } catch (error) {
        this.deps.logger.warn(
          `Filing ${name} by itself failed; will try again: ${error}`,
        );
      }
    }
  }

  private today(): DateTime {
    return this.deps.clock.now().setZone(this.deps.config.zone).startOf('day');
  }

  /** Files one source unless it is filed already; audited as the plugin's own change. */
  private async file(
    sourceKey: string,
    build: () => ReturnType<ArchiveService['fileOnce']>,
  ): Promise<void> {
    const event = await this.deps.auditor.createEvent({
      eventId: 'archive-file-by-itself',
      severityLevel: 'low',
      meta: { sourceKey },
    });
    try {
      const { document, created } = await build();
      await event.success({
        meta: { sourceKey, number: document.number, created },
      });
      if (created) {
        this.deps.logger.info(`Filed ${sourceKey} as ${document.number}`);
      }
    } catch (error) {
      await event.fail({ error: error as Error, meta: { sourceKey } });
      throw error;
    }
  }

  private async unfiled(keys: string[]): Promise<Set<string>> {
    const filed = await this.deps.service.filedSourceKeys(keys);
    return new Set(keys.filter(k => !filed.has(k)));
  }

  private async fileReports(caller: Caller) {
    const reports = await this.deps.sources.issuedReports();
    const open = await this.unfiled(reports.map(r => `report:${r.id}`));
    for (const report of reports) {
      const sourceKey = `report:${report.id}`;
      if (!open.has(sourceKey)) continue;
      await this.file(sourceKey, async () =>
        this.deps.service.fileOnce(
          {
            sourceKey,
            title: reportTitle(report),
            documentClass: 'service-report',
            subClass: REPORT_SUB_CLASSES[report.kind],
            date: DateTime.fromISO(report.issuedAt, { zone: 'utc' })
              .setZone(this.deps.config.zone)
              .toISODate()!,
            source: 'contractor',
            systemRefs: report.systemRef ? [report.systemRef] : [],
            entityRefs: [],
            ticketNumbers: [],
            confidentiality: 'public',
            readers: [],
          },
          {
            fileName: `${reportTitle(report)}.docx`,
            content: await this.deps.sources.reportFile(report.id),
          },
          caller,
        ),
      );
    }
  }

  private async fileChanges(caller: Caller) {
    const today = this.today();
    const from = today.minus({ days: this.deps.config.filing.lookBackDays });
    // Through yesterday: the tickets backend answers only for days that have ended (400 for
    // today), so a change finished today is filed on the first run after midnight.
    const { changes } = await this.deps.sources.ticketFigures(
      from.toISODate()!,
      today.minus({ days: 1 }).toISODate()!,
    );
    const finished = changes.filter(
      c => FINISHED.has(c.status) && c.finishedAt,
    );
    const open = await this.unfiled(finished.map(c => `change:${c.number}`));
    for (const fact of finished) {
      const sourceKey = `change:${fact.number}`;
      if (!open.has(sourceKey)) continue;
      const detail = await this.deps.sources.change(fact.number);
      const { change } = detail;
      await this.file(sourceKey, async () =>
        this.deps.service.fileOnce(
          {
            sourceKey,
            title: `变更记录 ${change.number} ${change.title}`.slice(0, 300),
            documentClass: 'om',
            subClass: FILED_SUB_CLASSES.changeRecord,
            date: DateTime.fromISO(fact.finishedAt!, { zone: 'utc' })
              .setZone(this.deps.config.zone)
              .toISODate()!,
            source: 'contractor',
            systemRefs: [...change.systemRefs],
            entityRefs: change.entityRefs.filter(ref =>
              /^(resource|component):/.test(ref),
            ),
            ticketNumbers: [change.number],
            confidentiality: 'public',
            readers: [],
          },
          {
            fileName: `变更记录-${change.number}.pdf`,
            content: await changeRecordPdf(detail, this.deps.config.zone),
          },
          caller,
        ),
      );
    }
  }

  private async fileInspections(caller: Caller) {
    const thisMonth = this.today().startOf('month');
    const months = Array.from({ length: MONTHS_BACK }, (_, i) =>
      thisMonth.minus({ months: i + 1 }),
    );
    const open = await this.unfiled(
      months.map(m => `inspections:${m.toFormat('yyyy-MM')}`),
    );
    for (const start of months) {
      const month = start.toFormat('yyyy-MM');
      const sourceKey = `inspections:${month}`;
      if (!open.has(sourceKey)) continue;
      const last = start.endOf('month');
      const figures = await this.deps.sources.inspectionFigures(
        start.toISODate()!,
        last.toISODate()!,
      );
      // A month before the portal inspected anything has no record to file.
      if (figures.roundsPlanned === 0 && figures.viruses.checks === 0) continue;
      await this.file(sourceKey, async () =>
        this.deps.service.fileOnce(
          {
            sourceKey,
            title: `${start.toFormat('yyyy年M月')} 巡检记录与病毒统计`,
            documentClass: 'om',
            subClass: FILED_SUB_CLASSES.inspectionRecord,
            date: last.toISODate()!,
            source: 'contractor',
            systemRefs: [],
            entityRefs: [],
            ticketNumbers: [],
            confidentiality: 'public',
            readers: [],
          },
          {
            fileName: `巡检记录-${month}.pdf`,
            content: await inspectionRecordPdf(month, figures),
          },
          caller,
        ),
      );
    }
  }
}

const KIND_TITLES: Record<ReportKind, string> = {
  week: '服务周报',
  month: '服务月报',
  quarter: '服务季报',
  custom: '服务报告',
};

function reportTitle(report: IssuedReport): string {
  const version = report.version > 1 ? `（第${report.version}版）` : '';
  return `${KIND_TITLES[report.kind]} ${report.period.from}～${
    report.period.to
  }${version}`;
}
