import type { OfficialYearSchedule } from '@internal/plugin-sla-common';
import type { YearSchedule } from './schedule';

/**
 * Where the portal takes a year from, strongest first: entered in the portal,
 * `sla.officialSchedules` in app-config, the `chinese-days` package's data.
 */
export type ScheduleSource = 'portal' | 'config' | 'chinese-days';

/** One saved version of a year entered in the portal. */
export interface YearVersionInfo {
  readonly version: number;
  readonly savedAt: string;
  /** User entity ref. */
  readonly savedBy: string;
  readonly comment?: string;
}

export interface CoveredYear {
  readonly year: number;
  readonly source: ScheduleSource;
  /** The current version, for a year entered in the portal. */
  readonly latest?: YearVersionInfo;
}

export interface CoveredYears {
  readonly years: readonly CoveredYear[];
  /** Changes whenever a year is saved in the portal. */
  readonly revision: number;
}

/** A year entered in the portal: its current schedule and every saved version. */
export interface EnteredYear {
  readonly schedule: YearSchedule;
  readonly latest: YearVersionInfo;
  /** Newest first. */
  readonly history: readonly YearVersionInfo[];
}

/** PUT /years/:year */
export interface SaveYearRequest {
  readonly schedule: YearSchedule;
  /** The version the form was opened at; 0 for a year not entered before. */
  readonly expectedVersion: number;
  readonly comment?: string;
}

/** What the home banner and the daily warning need. */
export interface CalendarStatus {
  /** Today in the court's zone (YYYY-MM-DD). */
  readonly today: string;
  readonly nextYear: number;
  readonly nextYearCovered: boolean;
  /** The day (YYYY-MM-DD) from which a missing next year is warned about. */
  readonly warnFrom: string;
  /** Warn now: today is on or after `warnFrom` and next year is not covered. */
  readonly warning: boolean;
  /** Whether this year itself is covered (false only when a year was missed). */
  readonly thisYearCovered: boolean;
  /** The year to load now: this year if uncovered, else next year once warned about. */
  readonly missingYear?: number;
}

/** What other backends read: the portal's years in the engine's form. */
export interface EnteredSchedules {
  readonly revision: number;
  readonly schedules: readonly OfficialYearSchedule[];
}
