import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
} from '@internal/plugin-court-common';
import type { YearSchedule } from '../schedule';
import type {
  CalendarStatus,
  CoveredYears,
  EnteredSchedules,
  EnteredYear,
  SaveYearRequest,
} from '../types';

/** The official calendar API (/api/calendar). */
export interface CalendarApi {
  listYears(): Promise<CoveredYears>;
  /** A year entered in the portal; 404 for one that was not. */
  getYear(year: number): Promise<EnteredYear>;
  /** The package's or config's data for a year, as a form would hold it; 404 if uncovered. */
  getBuiltInYear(year: number): Promise<YearSchedule>;
  saveYear(year: number, request: SaveYearRequest): Promise<EnteredYear>;
  getStatus(): Promise<CalendarStatus>;
  getEnteredSchedules(): Promise<EnteredSchedules>;
  getRevision(): Promise<{ revision: number }>;
}

export type CalendarClientOptions = CourtClientOptions;

/** HTTP client of the calendar API; the same in the browser and in Node. */
export class CalendarClient implements CalendarApi {
  private readonly request: CourtRequest;

  constructor(options: CalendarClientOptions) {
    this.request = courtRequest('calendar', options);
  }

  listYears(): Promise<CoveredYears> {
    return this.request('GET', '/years');
  }

  getYear(year: number): Promise<EnteredYear> {
    return this.request('GET', `/years/${year}`);
  }

  getBuiltInYear(year: number): Promise<YearSchedule> {
    return this.request('GET', `/years/${year}/built-in`);
  }

  saveYear(year: number, request: SaveYearRequest): Promise<EnteredYear> {
    return this.request('PUT', `/years/${year}`, request);
  }

  getStatus(): Promise<CalendarStatus> {
    return this.request('GET', '/status');
  }

  getEnteredSchedules(): Promise<EnteredSchedules> {
    return this.request('GET', '/schedules');
  }

  getRevision(): Promise<{ revision: number }> {
    return this.request('GET', '/revision');
  }
}
