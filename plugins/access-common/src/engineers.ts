import { DateTime } from 'luxon';

/** A qualification an engineer holds, e.g. a vendor certificate. */
export interface Qualification {
  readonly name: string;
  readonly number?: string;
  /** ISO date; absent for one that does not lapse. */
  readonly validUntil?: string;
}

/** An engineer's record at the court (SEC-2). */
export interface EngineerRecord {
  /** The catalog User, `user:default/liuyang`. */
  readonly userRef: string;
  readonly name: string;
  readonly employer: string;
  readonly posts: readonly string[];
  readonly qualifications: readonly Qualification[];
  /** ISO date the confidentiality agreement was signed. */
  readonly confidentialitySignedOn?: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly suspendedBy?: string;
  readonly suspendedAt?: string;
  readonly suspensionReason?: string;
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** Why an engineer may not be assigned work. */
export type AssignmentRefusal =
  | 'no-record'
  | 'no-confidentiality-agreement'
  | 'not-approved'
  | 'suspended';

export const ASSIGNMENT_REFUSALS: Record<AssignmentRefusal, string> = {
  'no-record': 'has no engineer record at the court',
  'no-confidentiality-agreement':
    'has not signed the confidentiality agreement',
  'not-approved': 'is not approved by the court IT office',
  suspended: 'is suspended',
};

export type AssignmentDecision =
  | { readonly assignable: true }
  | {
      readonly assignable: false;
      readonly reason: AssignmentRefusal;
      /** `user:default/x is suspended (reason)`: what a 409 says. */
      readonly message: string;
    };

/**
 * "May be assigned": a record, a signed confidentiality agreement on or
 * before `today`, the IT office's approval, no suspension. No record means
 * no: the court has not vetted the person (the example court's engineers
 * are seeded as approved from config).
 */
export function mayBeAssigned(
  userRef: string,
  record: EngineerRecord | undefined,
  today: string,
): AssignmentDecision {
  const refuse = (reason: AssignmentRefusal, detail?: string) => ({
    assignable: false as const,
    reason,
    message: `${userRef} ${ASSIGNMENT_REFUSALS[reason]}${
      detail ? ` (${detail})` : ''
    }`,
  });
  if (!record) return refuse('no-record');
  if (record.suspendedAt) {
    return refuse('suspended', record.suspensionReason);
  }
  if (
    !record.confidentialitySignedOn ||
    record.confidentialitySignedOn > today
  ) {
    return refuse('no-confidentiality-agreement');
  }
  if (!record.approvedAt) return refuse('not-approved');
  return { assignable: true };
}

/** The court's date of an instant. */
export function courtDate(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { setZone: true })
    .setZone(zone)
    .toISODate()!;
}
