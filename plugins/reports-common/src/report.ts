import { z } from 'zod';
import type { TicketFigures } from './figures';
import type { ChangeFact, TicketFact } from './facts';
import {
  REPORT_KINDS,
  ReportKind,
  ReportPeriod,
  reportPeriodSchema,
} from './period';

/** The inspections family's figures of a period (INSP-1..3). */
export interface InspectionFigures {
  readonly roundsPlanned: number;
  readonly roundsDone: number;
  /** Devices due a check in the period, and those inspected. */
  readonly deviceCoverage: {
    readonly devices: number;
    readonly inspected: number;
    readonly percent?: number;
  };
  readonly failedItems: number;
  /** Incidents filed from failed items in the period. */
  readonly incidentsOpened: number;
  /** The monthly virus-handling statistics (INSP-3) over the period. */
  readonly viruses: {
    readonly checks: number;
    readonly pcs: number;
    readonly infectedPcs: number;
    readonly virusesFound: number;
  };
}

/** The knowledge base's figures of a period. */
export interface KbFigures {
  readonly articlesAdded: number;
  readonly articlesUpdated: number;
  readonly knownErrorsFromProblems: number;
}

/**
 * The spares family's figures of a period (`GET /api/spares/figures`): parts
 * issued, per court month and per system (`''` for an issue about no
 * system); repairs returned in the period, per vendor, with their days out;
 * devices sent for repair more than once in the period.
 */
export interface SparesFigures {
  readonly partsUsed: {
    readonly total: number;
    readonly byMonth: ReadonlyArray<{ month: string; quantity: number }>;
    readonly bySystem: ReadonlyArray<{ system: string; quantity: number }>;
  };
  readonly repairTurnaround: ReadonlyArray<{
    vendorId: string;
    vendorName: string;
    returned: number;
    averageDays: number;
    longestDays: number;
  }>;
  readonly repeatedRepairs: ReadonlyArray<{
    deviceRef: string;
    repairs: number;
  }>;
}

/** What the tickets backend answers for a period: its figures and the rows behind them. */
export interface TicketFiguresResponse {
  readonly period: ReportPeriod;
  readonly systemRef?: string;
  readonly figures: TicketFigures;
  readonly tickets: readonly TicketFact[];
  readonly changes: readonly ChangeFact[];
}

/** The tickets backend's answer to `facts=none`: the figures alone. */
export type TicketFiguresOnly = Omit<
  TicketFiguresResponse,
  'tickets' | 'changes'
>;

/** The families' figures of one period. */
export interface PeriodFigures {
  readonly period: ReportPeriod;
  readonly tickets: TicketFigures;
  readonly inspections: InspectionFigures;
  readonly kb: KbFigures;
  /**
   * Absent, no data, when the portal runs without the spares plugin (and in reports issued
   * before the spares figures were composed).
   */
  readonly spares?: SparesFigures;
}

/** A report's figures for a period and scope, beside the previous period's. */
export interface ReportFigures {
  readonly kind: ReportKind;
  readonly systemRef?: string;
  readonly zone: string;
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
}

/** The query of the figures, rows and issuing endpoints. */
export const reportQuerySchema = z
  .object({
    kind: z
      .enum(REPORT_KINDS as [ReportKind, ...ReportKind[]])
      .default('custom'),
    system: z.string().min(1).max(255).optional(),
  })
  .and(reportPeriodSchema);

export type ReportQuery = z.output<typeof reportQuerySchema>;

export type ReportLanguage = 'zh' | 'en';

export const issueReportSchema = z
  .object({
    kind: z.enum(REPORT_KINDS as [ReportKind, ...ReportKind[]]),
    system: z.string().min(1).max(255).optional(),
    language: z.enum(['zh', 'en']).default('zh'),
  })
  .and(reportPeriodSchema);

export type IssueReportRequest = z.output<typeof issueReportSchema>;

export interface ReportFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: number;
  /** Hex SHA-256 of the file as issued. */
  readonly sha256: string;
}

/** A figure that differs from the previous version of the same report. */
export interface FigureChange {
  /** Dotted path in `ReportFigures.current`, e.g. `tickets.services.total`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** An issued report: a frozen snapshot. Never changes once issued, but for its acknowledgement. */
export interface IssuedReport {
  readonly id: string;
  readonly kind: ReportKind;
  readonly period: ReportPeriod;
  readonly systemRef?: string;
  readonly language: ReportLanguage;
  /** 1 for the first issue of this kind, period and scope; each reissue adds one. */
  readonly version: number;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly files: readonly ReportFile[];
  readonly changesFromPrevious: readonly FigureChange[];
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
}

export interface IssuedReportWithFigures extends IssuedReport {
  readonly figures: ReportFigures;
}

/** A draft the schedule prepared for the ops managers: the court's figures of a past week or month. */
export interface ReportDraft {
  readonly kind: Extract<ReportKind, 'week' | 'month'>;
  readonly period: ReportPeriod;
  readonly figures: ReportFigures;
  readonly preparedAt: string;
}
