import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { DateTime } from 'luxon';
import type { Ticket } from '../types';
import {
  APPROVAL_ACTIONS,
  CARRY_OUT_ACTIONS,
  changeLifecycle,
  changeStatusAfter,
} from './lifecycle';
import type {
  ChangeData,
  ChangeOutcome,
  ChangeStatus,
  ChangeWindow,
  FreezePeriod,
  ParameterChangeRecord,
  ParameterEdit,
} from './model';
import type { ParsedChangeAction } from './schemas';
import {
  blockingFreezes,
  DEFAULT_START_GRACE_MINUTES,
  mayStartAt,
  windowWithin,
} from './windows';

/** The family's record of a change, as far as a step reads it. */
export type ChangeRecord = Pick<
  Ticket,
  | 'number'
  | 'version'
  | 'status'
  | 'createdBy'
  | 'assignee'
  | 'entityRefs'
  | 'systemRefs'
>;

/** Change data a step sets; `null` clears the decision. */
export interface ChangeDataUpdates {
  window?: ChangeWindow;
  outcome?: ChangeOutcome;
  decidedBy?: string | null;
  decidedAt?: string | null;
  decisionComment?: string | null;
  freezeException?: boolean;
  startedAt?: string;
  finishedAt?: string;
}

/** An edit written to the register, and who let it in. */
export type NewRegisterRecord = Omit<ParameterChangeRecord, 'changeNumber'>;

/** An entry a step appends to the change's log. */
export interface ChangeStepEvent {
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

/** Everything one step decides from; gathered by the caller, so the plan does no I/O. */
export interface ChangeStepInput {
  readonly ticket: ChangeRecord;
  readonly change: ChangeData;
  readonly action: ParsedChangeAction;
  readonly actor: string;
  /** The step's instant (UTC). */
  readonly at: string;
  /** The freezes over the step's window (`changeStepWindow`). */
  readonly freezes: readonly FreezePeriod[];
  /** The registers of the devices the pending edits touch, newest first. */
  readonly parameterHistory: readonly ParameterChangeRecord[];
  /** The court's zone, for the window in a refusal. */
  readonly zone: string;
  /** Minutes before its window in which a normal change may start. */
  readonly startGraceMinutes?: number;
}

/** What a step writes: the status, the change's fields, log entries, register entries. */
export interface ChangeStepPlan {
  readonly status: ChangeStatus;
  readonly change: ChangeDataUpdates;
  readonly events: ChangeStepEvent[];
  readonly register: readonly NewRegisterRecord[];
}

/** The window a step works on: a schedule's new one, else the change's. */
export function changeStepWindow(
  change: Pick<ChangeData, 'window'>,
  action: ParsedChangeAction,
): ChangeWindow {
  return action.action === 'schedule' && action.window
    ? action.window
    : change.window;
}

/** Edits not yet in the register. */
export function pendingEdits(change: Pick<ChangeData, 'parameterEdits'>) {
  return change.parameterEdits.filter(edit => !edit.appliedAt);
}

/**
 * One step of the change workflow, decided without I/O (CHG-1 to CHG-4):
 * four eyes, the version the client read, the lifecycle, freezes and the
 * approved window; then what the step writes.
 * @throws NotAllowedError (403) when four eyes forbid the actor the step
 * @throws ConflictError (409) for a stale version, a step the status does
 * not allow, a freeze in the way or a start outside the window
 */
export function planChangeStep(input: ChangeStepInput): ChangeStepPlan {
  const { ticket, change, action, actor, at } = input;
  if (APPROVAL_ACTIONS.includes(action.action)) {
    assertNotOwnChange(ticket, actor);
  } else if (CARRY_OUT_ACTIONS.includes(action.action)) {
    assertNotApprover(ticket, change, actor);
  }
  assertVersion(ticket, action.version);
  const current = ticket.status as ChangeStatus;
  if (!changeLifecycle.isAllowed(current, action.action)) {
    throw new ConflictError(
      `cannot ${action.action} change ${ticket.number}: it is ${current}`,
    );
  }

  const event = (type: string, data: Record<string, unknown> = {}) => ({
    type,
    at,
    actor,
    data,
  });
  const window = changeStepWindow(change, action);
  // The court approved a window: moving out of it asks the court again.
  const reapproval =
    action.action === 'schedule' && !windowWithin(window, change.window);
  let fields: ChangeDataUpdates = {};
  let events: ChangeStepEvent[] = [];
  let register: NewRegisterRecord[] = [];
  let status = changeStatusAfter(change, action.action);

  // A window going back for approval meets the freezes at the approval.
  if (['approve', 'schedule', 'start'].includes(action.action) && !reapproval) {
    const hit = blockingFreezes(
      { ...ticket, ...change, window },
      input.freezes,
    );
    const excepted = action.action === 'approve' && action.freezeException;
    if (hit.length > 0 && !excepted) {
      throw new ConflictError(
        `cannot ${action.action} change ${
          ticket.number
        }: its window falls in the freeze ${hit
          .map(f => `"${f.title}"`)
          .join(', ')}; ${
          action.action === 'approve'
            ? 'approve it with a freeze exception to let it in'
            : 'move its window out of the freeze'
        }`,
      );
    }
    // The exception covers the freezes the court saw when it approved.
    if (action.action === 'approve') fields.freezeException = hit.length > 0;
  }

  switch (action.action) {
    case 'submit':
      events = [event('submitted')];
      break;
    case 'approve':
      fields = {
        ...fields,
        decidedBy: actor,
        decidedAt: at,
        decisionComment: action.comment ?? null,
      };
      events = [
        event('approved', {
          comment: action.comment,
          freezeException: fields.freezeException,
          outcome: change.emergency ? change.outcome : undefined,
        }),
      ];
      // An emergency change was done first: approving it ends it as
      // registered, and its edits were applied by the engineer who did
      // the work, when it was done (its window), not by the approver.
      if (change.emergency) {
        fields.startedAt = change.window.start;
        fields.finishedAt = change.window.end;
        if (change.outcome === 'succeeded') {
          register = registerEntries(
            pendingEdits(change),
            input.parameterHistory,
            {
              appliedBy: ticket.assignee ?? ticket.createdBy,
              appliedAt: change.window.end,
              approvedBy: actor,
              approvedAt: at,
            },
          );
        }
      }
      break;
    case 'reject':
      fields = {
        decidedBy: actor,
        decidedAt: at,
        decisionComment: action.comment,
      };
      events = [event('rejected', { comment: action.comment })];
      break;
    case 'schedule':
      fields = { window };
      if (reapproval) {
        fields = {
          ...fields,
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
          freezeException: false,
        };
        status = 'submitted';
      }
      events = [event('scheduled', { window, reapproval })];
      break;
    case 'start':
      assertInWindow(input);
      fields = { startedAt: at };
      events = [event('change-started')];
      break;
    case 'succeed':
      fields = { finishedAt: at, outcome: 'succeeded' };
      events = [event('succeeded', { note: action.note })];
      register = registerEntries(pendingEdits(change), input.parameterHistory, {
        appliedBy: actor,
        appliedAt: at,
        approvedBy: change.decidedBy,
        approvedAt: change.decidedAt,
      });
      break;
    case 'fail':
    case 'roll-back':
      fields = {
        finishedAt: at,
        outcome: action.action === 'fail' ? 'failed' : 'rolled-back',
      };
      events = [
        event(action.action === 'fail' ? 'failed' : 'rolled-back', {
          note: action.note,
        }),
      ];
      break;
    default:
      throw new InputError(
        `body.action: unknown action ${(action as { action: string }).action}`,
      );
  }
  return {
    status,
    change: fields,
    events: [
      ...events,
      ...register.map(record => parameterAppliedEvent(record, actor, at)),
    ],
    register,
  };
}

/** @throws ConflictError (409) when the client read an older version */
export function assertVersion(
  ticket: Pick<Ticket, 'number' | 'version'>,
  expectedVersion: number,
) {
  if (expectedVersion !== ticket.version) {
    throw new ConflictError(
      `ticket ${ticket.number} is at version ${ticket.version}, not ${expectedVersion}: reload it and try again`,
    );
  }
}

/**
 * Four eyes: whoever files or carries out (or, in an emergency, did) a
 * change does not approve it.
 * @throws NotAllowedError (403) naming the reason
 */
function assertNotOwnChange(
  ticket: Pick<ChangeRecord, 'number' | 'createdBy' | 'assignee'>,
  actor: string,
) {
  if (actor === ticket.createdBy || actor === ticket.assignee) {
    throw new NotAllowedError(
      `${ticket.number}: a change is approved by someone who neither filed nor carries it out`,
    );
  }
}

/**
 * Four eyes: whoever approved a change does not carry it out or write its
 * edits to the register.
 * @throws NotAllowedError (403) naming the reason
 */
export function assertNotApprover(
  ticket: Pick<ChangeRecord, 'number'>,
  change: Pick<ChangeData, 'decidedBy'>,
  actor: string,
) {
  if (change.decidedBy !== undefined && change.decidedBy === actor) {
    throw new NotAllowedError(
      `${ticket.number}: ${actor} approved this change, so someone else carries it out and registers its parameter edits (four eyes)`,
    );
  }
}

/**
 * A normal change starts only in its approved window, from the grace
 * before its start until its end.
 * @throws ConflictError (409) naming the window in the court's zone
 */
function assertInWindow({
  ticket,
  change,
  at,
  zone,
  startGraceMinutes = DEFAULT_START_GRACE_MINUTES,
}: ChangeStepInput) {
  if (change.emergency || mayStartAt(change.window, at, startGraceMinutes)) {
    return;
  }
  const local = (instant: string) => DateTime.fromISO(instant, { zone });
  const start = local(change.window.start);
  const end = local(change.window.end);
  const endFormat = start.hasSame(end, 'day') ? 'HH:mm' : 'yyyy-MM-dd HH:mm';
  throw new ConflictError(
    `cannot start change ${
      ticket.number
    } outside its approved window ${start.toFormat(
      'yyyy-MM-dd HH:mm',
    )}–${end.toFormat(
      endFormat,
    )} (${zone}): it may start from ${startGraceMinutes} min before the window until its end; re-schedule it (a new window goes back for approval)`,
  );
}

/**
 * Register entries for `edits`; the old value is the register's latest
 * (another change may have moved it since filing), else the filed one.
 * @param history the registers of the edited devices, newest first
 */
export function registerEntries(
  edits: readonly ParameterEdit[],
  history: readonly ParameterChangeRecord[],
  by: Pick<
    ParameterChangeRecord,
    'appliedBy' | 'appliedAt' | 'approvedBy' | 'approvedAt'
  >,
): NewRegisterRecord[] {
  return edits.map(edit => {
    const latest = history.find(
      record =>
        record.device === edit.device && record.parameter === edit.parameter,
    );
    return {
      device: edit.device,
      parameter: edit.parameter,
      oldValue: latest?.newValue ?? edit.oldValue,
      newValue: edit.newValue,
      ...by,
    };
  });
}

/**
 * The log entry of a register write, recorded by `actor` at `at`; who applied
 * the edit and when (an emergency change's engineer, in its window) is in it.
 */
export function parameterAppliedEvent(
  record: NewRegisterRecord,
  actor: string,
  at: string,
): ChangeStepEvent {
  return {
    type: 'parameter-applied',
    at,
    actor,
    data: {
      device: record.device,
      parameter: record.parameter,
      from: record.oldValue,
      to: record.newValue,
      appliedBy: record.appliedBy,
      appliedAt: record.appliedAt,
    },
  };
}
