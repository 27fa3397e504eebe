import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type {
  AddShiftRequest,
  CheckInRequest,
  DecisionRequest,
  GenerateRosterRequest,
  LeaveQuery,
  PublishRosterRequest,
  RequestLeaveRequest,
  RequestSwapRequest,
  UpdateShiftRequest,
} from '../schemas';
import type {
  AttendanceRecord,
  Leave,
  OnCall,
  Roster,
  Shift,
  Swap,
} from '../types';
import type { DutyPost } from '../config';
import type {
  FilingDutySpan,
  MajorEventAnswer,
  MajorEventFloor,
  MajorEventInput,
  MajorEventSummaryRequest,
  UpdateMajorEventRequest,
} from '../majorEvents';

/** The duty API (/api/duty); docs/duty.md describes each call. */
export interface DutyApi {
  getSetup(): Promise<{ posts: DutyPost[]; engineers: string[]; zone: string }>;
  getRoster(month: string): Promise<Roster>;
  generateRoster(
    month: string,
    request?: GenerateRosterRequest,
  ): Promise<Roster>;
  updateShift(id: string, request: UpdateShiftRequest): Promise<Shift>;
  addShift(month: string, request: AddShiftRequest): Promise<Shift>;
  publishRoster(month: string, request: PublishRosterRequest): Promise<Roster>;
  myShifts(month: string): Promise<Shift[]>;
  onCall(at?: string): Promise<OnCall>;
  listSwaps(): Promise<Swap[]>;
  requestSwap(request: RequestSwapRequest): Promise<Swap>;
  decideSwap(id: string, decision: DecisionRequest): Promise<Swap>;
  listLeave(query?: LeaveQuery): Promise<Leave[]>;
  requestLeave(request: RequestLeaveRequest): Promise<Leave>;
  decideLeave(id: string, decision: DecisionRequest): Promise<Leave>;
  checkIn(request?: CheckInRequest): Promise<AttendanceRecord>;
  checkOut(): Promise<AttendanceRecord>;
  attendance(month: string): Promise<AttendanceRecord[]>;
  /** Where the month's attendance sheet (xlsx) is downloaded. */
  attendanceSheetUrl(month: string): Promise<string>;
  /** A new personal feed; the previous one stops working. The URL is shown only now. */
  createCalendarFeed(): Promise<{ url: string; createdAt: string }>;
  revokeCalendarFeed(): Promise<void>;
  listMajorEvents(): Promise<MajorEventAnswer[]>;
  getMajorEvent(id: string): Promise<MajorEventAnswer>;
  createMajorEvent(plan: MajorEventInput): Promise<MajorEventAnswer>;
  updateMajorEvent(
    id: string,
    request: UpdateMajorEventRequest,
  ): Promise<MajorEventAnswer>;
  writeMajorEventSummary(
    id: string,
    request: MajorEventSummaryRequest,
  ): Promise<MajorEventAnswer>;
  /** The floor a ticket filed at `at` on `refs` gets from the plans running then (null: none). */
  majorEventFloor(
    at: string,
    refs: readonly string[],
  ): Promise<{ floor: MajorEventFloor | null }>;
  /** The minute of on-call shifts and major-event plans from `from` (`filingDutyIn` reads it). */
  filingDutySpan(from: string): Promise<FilingDutySpan>;
}

/** HTTP client of the duty API; the same in the browser and in Node. */
export class DutyClient implements DutyApi {
  private readonly request: CourtRequest;

  constructor(private readonly options: CourtClientOptions) {
    this.request = courtRequest('duty', options);
  }

  getSetup() {
    return this.request<{
      posts: DutyPost[];
      engineers: string[];
      zone: string;
    }>('GET', '/setup');
  }
  getRoster(month: string) {
    return this.request<Roster>('GET', `/rosters/${encodeURIComponent(month)}`);
  }
  generateRoster(month: string, request: GenerateRosterRequest = {}) {
    return this.request<Roster>(
      'POST',
      `/rosters/${encodeURIComponent(month)}/generate`,
      request,
    );
  }
  updateShift(id: string, request: UpdateShiftRequest) {
    return this.request<Shift>(
      'PUT',
      `/shifts/${encodeURIComponent(id)}`,
      request,
    );
  }
  addShift(month: string, request: AddShiftRequest) {
    return this.request<Shift>(
      'POST',
      `/rosters/${encodeURIComponent(month)}/shifts`,
      request,
    );
  }
  publishRoster(month: string, request: PublishRosterRequest) {
    return this.request<Roster>(
      'POST',
      `/rosters/${encodeURIComponent(month)}/publish`,
      request,
    );
  }
  myShifts(month: string) {
    return this.request<Shift[]>('GET', `/my/shifts${queryOf({ month })}`);
  }
  onCall(at?: string) {
    return this.request<OnCall>('GET', `/on-call${queryOf({ at })}`);
  }
  listSwaps() {
    return this.request<Swap[]>('GET', '/swaps');
  }
  requestSwap(request: RequestSwapRequest) {
    return this.request<Swap>('POST', '/swaps', request);
  }
  decideSwap(id: string, decision: DecisionRequest) {
    return this.request<Swap>(
      'POST',
      `/swaps/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }
  listLeave(query: LeaveQuery = {}) {
    return this.request<Leave[]>('GET', `/leave${queryOf(query)}`);
  }
  requestLeave(request: RequestLeaveRequest) {
    return this.request<Leave>('POST', '/leave', request);
  }
  decideLeave(id: string, decision: DecisionRequest) {
    return this.request<Leave>(
      'POST',
      `/leave/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }
  checkIn(request: CheckInRequest = {}) {
    return this.request<AttendanceRecord>(
      'POST',
      '/attendance/check-in',
      request,
    );
  }
  checkOut() {
    return this.request<AttendanceRecord>('POST', '/attendance/check-out', {});
  }
  attendance(month: string) {
    return this.request<AttendanceRecord[]>(
      'GET',
      `/attendance${queryOf({ month })}`,
    );
  }
  async attendanceSheetUrl(month: string) {
    const base = await this.options.discoveryApi.getBaseUrl('duty');
    return `${base}/attendance/sheet${queryOf({ month })}`;
  }
  createCalendarFeed() {
    return this.request<{ url: string; createdAt: string }>(
      'POST',
      '/my/calendar-feed',
      {},
    );
  }
  revokeCalendarFeed() {
    return this.request<void>('DELETE', '/my/calendar-feed');
  }
  listMajorEvents() {
    return this.request<MajorEventAnswer[]>('GET', '/major-events');
  }
  getMajorEvent(id: string) {
    return this.request<MajorEventAnswer>(
      'GET',
      `/major-events/${encodeURIComponent(id)}`,
    );
  }
  createMajorEvent(plan: MajorEventInput) {
    return this.request<MajorEventAnswer>('POST', '/major-events', plan);
  }
  updateMajorEvent(id: string, request: UpdateMajorEventRequest) {
    return this.request<MajorEventAnswer>(
      'PUT',
      `/major-events/${encodeURIComponent(id)}`,
      request,
    );
  }
  writeMajorEventSummary(id: string, request: MajorEventSummaryRequest) {
    return this.request<MajorEventAnswer>(
      'PUT',
      `/major-events/${encodeURIComponent(id)}/summary`,
      request,
    );
  }
  majorEventFloor(at: string, refs: readonly string[]) {
    return this.request<{ floor: MajorEventFloor | null }>(
      'GET',
      `/major-events/floor${queryOf({ at, refs })}`,
    );
  }
  filingDutySpan(from: string) {
    return this.request<FilingDutySpan>(
      'GET',
      `/filing-duty-span${queryOf({ from })}`,
    );
  }
}
