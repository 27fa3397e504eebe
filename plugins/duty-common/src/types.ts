/** The two kinds of shift: the day on site, the night on the phone. */
export type ShiftKind = 'on-site' | 'phone';

/** How the court's calendar classes a day: make-up working days (调休) are working days. */
export type CourtDayKind = 'working' | 'rest' | 'holiday';

/** A shift as the roster rules see it; `engineer` null is a vacancy (e.g. after leave). */
export interface ShiftSlot {
  readonly id: string;
  /** The local date the shift starts on (YYYY-MM-DD). */
  readonly date: string;
  readonly kind: ShiftKind;
  /** The post of an on-site shift; a phone shift has none. */
  readonly post?: string;
  readonly engineer: string | null;
}

/** A stored shift. */
export interface Shift extends ShiftSlot {
  /** YYYY-MM of the roster it belongs to. */
  readonly month: string;
  /** UTC instants, from the config's shift times in the court's zone. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly version: number;
}

export type RosterStatus = 'draft' | 'published';

export interface RosterDay {
  readonly date: string;
  readonly dayKind: CourtDayKind;
}

export interface Roster {
  readonly month: string;
  readonly status: RosterStatus;
  readonly version: number;
  readonly publishedAt?: string;
  readonly publishedBy?: string;
  readonly days: readonly RosterDay[];
  readonly shifts: readonly Shift[];
  /** What the rules say about it now. */
  readonly problems: readonly RosterProblem[];
}

/** One broken rule; `rule` says which, the rest where. */
export type RosterProblem =
  | {
      readonly rule: 'coverage';
      readonly date: string;
      readonly post: string;
      readonly needed: number;
      readonly have: number;
    }
  | { readonly rule: 'phone'; readonly date: string; readonly have: number }
  | { readonly rule: 'vacant'; readonly shiftId: string; readonly date: string }
  | {
      readonly rule: 'double-booking' | 'rest';
      readonly engineer: string;
      readonly shiftIds: readonly [string, string];
    }
  | {
      readonly rule: 'on-leave' | 'not-approved' | 'not-qualified';
      readonly engineer: string;
      readonly shiftId: string;
    };

/** Whole days off, inclusive, of approved leave. */
export interface LeaveSpan {
  readonly engineer: string;
  readonly from: string;
  readonly to: string;
}

export type LeaveStatus = 'requested' | 'approved' | 'refused' | 'withdrawn';

/** One side's answer on a leave request. */
export interface LeaveDecision {
  readonly approved: boolean;
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
}

export interface Leave extends LeaveSpan {
  readonly id: string;
  readonly reason: string;
  readonly status: LeaveStatus;
  readonly requestedAt: string;
  /** The court IT office's decision. */
  readonly court?: LeaveDecision;
  /** The ops manager's (the contractor's) decision. */
  readonly contractor?: LeaveDecision;
  readonly version: number;
}

export type SwapStatus = 'requested' | 'approved' | 'refused';

/** An engineer hands a shift to a colleague, optionally taking one of theirs in return. */
export interface Swap {
  readonly id: string;
  readonly shiftId: string;
  readonly fromEngineer: string;
  readonly toEngineer: string;
  readonly returnShiftId?: string;
  readonly note?: string;
  readonly status: SwapStatus;
  readonly requestedAt: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly reason?: string;
}

/** Who is on call at an instant. */
export interface OnCall {
  readonly at: string;
  /** Whether the instant is in on-site hours (else phone duty is the answer). */
  readonly onSiteHours: boolean;
  readonly onSite: ReadonlyArray<{
    readonly post: string;
    readonly engineer: string;
  }>;
  /** The engineer on phone duty at the instant, if it is phone hours and someone is rostered. */
  readonly phone?: string;
  /** The engineer to call now: phone duty at night; at day, the first on the desk. */
  readonly first?: string;
}

/** Missing: no check-in by the time it would be late; upcoming: not yet that time. */
export type AttendanceFlag = 'on-time' | 'late' | 'missing' | 'upcoming';

export interface AttendanceRecord {
  readonly shift: Shift;
  readonly checkedInAt?: string;
  readonly checkedOutAt?: string;
  readonly method?: 'button' | 'qr';
  readonly flag: AttendanceFlag;
}

/** A personal calendar feed; the token is shown once, when made. */
export interface CalendarFeed {
  readonly url: string;
  readonly createdAt: string;
}
