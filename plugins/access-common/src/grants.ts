import { DateTime } from 'luxon';

/** What an engineer may do on the device while the grant is live. */
export const GRANT_SCOPES = [
  /** Look at the screen with its user present. */
  'view-screen',
  /** A remote session to the device. */
  'remote-session',
  /** Copy files off or onto the device. */
  'copy-files',
  /** Read a database on the device or system. */
  'read-database',
] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

/** What the store records; the rest of a grant's state follows from the clock. */
export type GrantDecision = 'requested' | 'approved' | 'refused' | 'revoked';

/**
 * A grant's state at an instant: `approved` is waiting for its start, `live`
 * between start and end, `expired` after its end (or a request nobody decided
 * before its end).
 */
export type GrantState =
  | 'requested'
  | 'approved'
  | 'live'
  | 'expired'
  | 'refused'
  | 'revoked';

export const GRANT_STATES: readonly GrantState[] = [
  'requested',
  'approved',
  'live',
  'expired',
  'refused',
  'revoked',
];

/** The part of a grant its lifecycle reads. Instants are ISO 8601 (UTC in the store). */
export interface GrantLifecycle {
  readonly decision: GrantDecision;
  readonly requestedBy: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

const millis = (iso: string) =>
  DateTime.fromISO(iso, { setZone: true }).toMillis();

/** The grant's state at `now`: grants start and expire by the clock alone, no job flips them. */
export function grantStateAt(grant: GrantLifecycle, now: string): GrantState {
  if (grant.decision === 'refused' || grant.decision === 'revoked') {
    return grant.decision;
  }
  const at = millis(now);
  if (at >= millis(grant.endsAt)) return 'expired';
  if (grant.decision === 'requested') return 'requested';
  return at >= millis(grant.startsAt) ? 'live' : 'approved';
}

/** What the IT office (or the system) does to a grant. */
export type GrantStep = 'approve' | 'refuse' | 'revoke';

/** Why a step is refused; the backend answers 409 with the sentence. */
export type GrantStepRefusal =
  | 'requester-cannot-decide'
  | 'not-requested'
  | 'not-revocable';

export const GRANT_STEP_REFUSALS: Record<GrantStepRefusal, string> = {
  'requester-cannot-decide':
    'the engineer who requested a grant cannot approve or refuse it',
  'not-requested': 'only a requested grant can be approved or refused',
  'not-revocable': 'only an approved or live grant can be revoked',
};

/**
 * The lifecycle as one pure decision: the decision a step records, or why
 * it may not be taken. Approval is four-eyes: never by the requester.
 */
export function planGrantStep(
  grant: GrantLifecycle,
  step: GrantStep,
  actor: string,
  now: string,
):
  | { ok: true; decision: GrantDecision }
  | { ok: false; refusal: GrantStepRefusal } {
  const state = grantStateAt(grant, now);
  switch (step) {
    case 'approve':
    case 'refuse':
      if (state !== 'requested') return { ok: false, refusal: 'not-requested' };
      if (actor === grant.requestedBy) {
        return { ok: false, refusal: 'requester-cannot-decide' };
      }
      return {
        ok: true,
        decision: step === 'approve' ? 'approved' : 'refused',
      };
    case 'revoke':
      if (state !== 'approved' && state !== 'live') {
        return { ok: false, refusal: 'not-revocable' };
      }
      return { ok: true, decision: 'revoked' };
    default:
      throw new Error(`Unknown grant step ${step satisfies never}`);
  }
}

/** Why a request's window is refused; undefined when it is acceptable. */
export function grantWindowProblem(
  window: { startsAt: string; durationMinutes: number },
  now: string,
  maxMinutes: number,
): { field: 'startsAt' | 'durationMinutes'; message: string } | undefined {
  if (window.durationMinutes > maxMinutes) {
    return {
      field: 'durationMinutes',
      message: `is longer than the longest grant, ${maxMinutes} minutes`,
    };
  }
  // A minute's slack: "now" on the engineer's phone and on the server differ a little.
  if (millis(window.startsAt) < millis(now) - 60_000) {
    return { field: 'startsAt', message: 'is in the past' };
  }
  return undefined;
}

/** The end of a window, in UTC. */
export function grantEnd(startsAt: string, durationMinutes: number): string {
  return DateTime.fromISO(startsAt, { setZone: true })
    .plus({ minutes: durationMinutes })
    .toUTC()
    .toISO()!;
}

/** Digits only, no look-alikes to confuse at a desk: read aloud in pairs, e.g. `48 27 19`. */
export const VERIFICATION_CODE_LENGTH = 6;

/** A verification code from a random source (`randomInt(10)` gives 0..9). */
export function newVerificationCode(
  randomInt: (below: number) => number,
): string {
  return Array.from({ length: VERIFICATION_CODE_LENGTH }, () =>
    String(randomInt(10)),
  ).join('');
}

/** A use is recorded only while its grant is live. */
export function useRefusal(
  grant: GrantLifecycle,
  now: string,
): string | undefined {
  const state = grantStateAt(grant, now);
  return state === 'live' ? undefined : `the grant is ${state}, not live`;
}
