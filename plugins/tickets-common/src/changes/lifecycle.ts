import { defineLifecycle } from '../lifecycle';
import type { ChangeOutcome, ChangeStatus } from './model';

/** What can be done to a change; comments and links are the family's appends. */
export type ChangeAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'schedule'
  | 'start'
  | 'succeed'
  | 'fail'
  | 'roll-back';

/**
 * The change workflow (CHG-1, CHG-2, CHG-4):
 *
 * ```
 * draft ─submit→ submitted ─approve→ approved ─schedule→ scheduled ─start→ in-progress
 *                    └─reject→ rejected        └────────start────────┘        │
 * in-progress ─succeed→ succeeded   ─fail→ failed ─roll-back→ rolled-back     │
 * in-progress ─roll-back→ rolled-back ←───────────────────────────────────────┘
 * ```
 *
 * An emergency change is registered after it was done, as `submitted` with
 * its outcome; approving it ends it with that outcome.
 */
export const changeLifecycle = defineLifecycle<ChangeStatus, ChangeAction>({
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  // Moving the window of an approved change is allowed; freezes are checked again.
  schedule: ['approved', 'scheduled'],
  start: ['approved', 'scheduled'],
  succeed: ['in-progress'],
  fail: ['in-progress'],
  'roll-back': ['in-progress', 'failed'],
});

export const CHANGE_ACTIONS: readonly ChangeAction[] = changeLifecycle.actions;

/** The court IT office's decisions; every other action is the O&M team's. */
export const APPROVAL_ACTIONS: readonly ChangeAction[] = ['approve', 'reject'];

/**
 * The steps that carry a change out; four eyes: never by whoever approved
 * it (nor is its parameter register written by them).
 */
export const CARRY_OUT_ACTIONS: readonly ChangeAction[] = [
  'start',
  'succeed',
  'fail',
  'roll-back',
];

/** How a change ended, for the success rate. */
export const ENDED_CHANGE_STATUSES: readonly ChangeStatus[] = [
  'succeeded',
  'failed',
  'rolled-back',
];

/** The status `action` takes a change to. */
export function changeStatusAfter(
  change: { readonly emergency: boolean; readonly outcome?: ChangeOutcome },
  action: ChangeAction,
): ChangeStatus {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'approve':
      // Approved afterwards: the emergency change ends as it was registered.
      return change.emergency && change.outcome ? change.outcome : 'approved';
    case 'reject':
      return 'rejected';
    case 'schedule':
      return 'scheduled';
    case 'start':
      return 'in-progress';
    case 'succeed':
      return 'succeeded';
    case 'fail':
      return 'failed';
    case 'roll-back':
      return 'rolled-back';
    default:
      throw new Error(`unknown change action ${action as string}`);
  }
}
