import type { GrantDecision, GrantScope, GrantState } from './grants';

/** One recorded use of a grant, or an attempt outside a live grant (refused and flagged). */
export interface AccessUse {
  readonly id: string;
  readonly grantId: string;
  readonly engineer: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  /** Why the use was refused or is suspect, e.g. "the grant is expired, not live". */
  readonly flag?: string;
  /** A refused attempt: no access was recorded as given. */
  readonly refused: boolean;
}

/** An access grant as the API shows it, its state at the time of the answer. */
export interface AccessGrant {
  readonly id: string;
  /** The device or system, a catalog entity ref. */
  readonly entityRef: string;
  /** The device's owner in the catalog (a User for a staff member's PC). */
  readonly ownerRef?: string;
  readonly ticket: string;
  readonly scopes: readonly GrantScope[];
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly decision: GrantDecision;
  readonly state: GrantState;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly note?: string;
  /** Shown once the grant is approved, to those who may see the grant. */
  readonly verificationCode?: string;
  readonly revision: number;
  readonly uses: readonly AccessUse[];
}

/** The monthly list for the IT office. */
export interface MonthlyAccessList {
  readonly month: string;
  readonly zone: string;
  readonly grants: readonly AccessGrant[];
}

/** What reassigning one engineer's open work did, ticket by ticket. */
export interface ReassignmentResult {
  readonly from: string;
  readonly to: string;
  /** Numbers of the tickets moved. */
  readonly moved: readonly string[];
  /** Tickets left with the engineer, and why. */
  readonly failed: ReadonlyArray<{ number: string; message: string }>;
}
