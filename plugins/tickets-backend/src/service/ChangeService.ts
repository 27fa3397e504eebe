import { randomUUID } from 'node:crypto';
import { actorOf, Caller } from '@internal/plugin-court-node';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  APPROVAL_ACTIONS,
  assessRisk,
  blockingFreezes,
  CARRY_OUT_ACTIONS,
  CatalogParameter,
  Change,
  ChangeAction,
  ChangeData,
  changeLifecycle,
  ChangePage,
  changePriority,
  ChangeStatus,
  changeStatusAfter,
  ChangeSuccessRate,
  changeWarnings,
  ChangeDetail,
  ChangeFilter,
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  currentParameters,
  DEFAULT_START_GRACE_MINUTES,
  FreezePeriod,
  mayStartAt,
  ParameterChangeRecord,
  ParameterEdit,
  ParameterRegister,
  ParsedChangeAction,
  ParsedChangeRequest,
  successRate,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketWorkPermission,
  windowWithin,
} from '@internal/plugin-tickets-common';
import type {
  createFreezeRequestSchema,
  listFreezesQuerySchema,
  parameterRegisterRequestSchema,
  successRateQuerySchema,
} from '@internal/plugin-tickets-common';
import { CourtClock } from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  ChangeDataChanges,
  DatabaseChangeStore,
  NewRegisterRecord,
} from '../database/DatabaseChangeStore';
import { DatabaseTicketStore } from '../database/DatabaseTicketStore';
import { NewTicketEvent, StoredTicket } from '../database/rows';
import { CatalogEntities } from './CatalogEntities';
import { TicketAccess } from './TicketAccess';
import {
  assertVersion,
  presentTicket,
  TicketService,
  toRecord,
} from './TicketService';
import { TicketSla } from './TicketSla';

/** Told of every stored change to a change, to refresh pages and tell people. */
export interface ChangeListener {
  changeChanged(
    ticket: StoredTicket,
    happened: { step: ChangeAction | 'filed' | 'registered'; by: string },
  ): void;
}

/** Where an approved change may write its parameter edits to the register. */
const APPROVED_STATUSES: readonly ChangeStatus[] = [
  'approved',
  'scheduled',
  'in-progress',
];

/**
 * Change management (CHG-1 to CHG-5): files change requests, takes them
 * through approval, windows and outcome, applies their key-parameter edits
 * to the device register, and keeps freezes and the success rate.
 * Changes are records of the ticket family: same numbers, log and access.
 */
export class ChangeService {
  constructor(
    private readonly deps: {
      tickets: TicketService;
      store: DatabaseTicketStore;
      changes: DatabaseChangeStore;
      access: TicketAccess;
      catalog: CatalogEntities;
      /** For the family's priority matrix and policy, which every record carries. */
      sla: TicketSla;
      listener: ChangeListener;
      zone: string;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
      /** Minutes before its window in which a normal change may start (default 15). */
      startGraceMinutes?: number;
    },
  ) {}

  /**
   * Files a change request; `created` is false when its `sourceRef` was
   * filed before (a retried template step) and that change is returned.
   */
  async file(
    request: ParsedChangeRequest,
    caller: Caller,
  ): Promise<{ detail: ChangeDetail; created: boolean }> {
    const { access, catalog, changes, store } = this.deps;
    await access.require(changeCreatePermission, caller);
    const actor = actorOf(caller);
    if (request.sourceRef) {
      const filed = await store.getBySourceRef(request.sourceRef, actor);
      if (filed) return this.refiled(filed, caller);
    }
    const at = this.now();
    if (request.emergency && request.window.start > at) {
      throw new InputError(
        'body.window.start: an emergency change is registered after it was done, so its window cannot start in the future',
      );
    }
    const implementer = request.implementer ?? actor;
    if (implementer !== actor) {
      await catalog.assertUser(implementer, caller, 'body.implementer');
    }
    const edits = await this.editsAtFiling(request.parameterEdits, caller);
    const named = await catalog.resolve(
      request.entityRefs,
      caller,
      'body.entityRefs',
    );
    const editedDevices = [...new Set(edits.map(edit => edit.device))].filter(
      device => !request.entityRefs.includes(device),
    );
    const entities = [
      ...named,
      ...(await catalog.resolve(editedDevices, caller, 'body.parameterEdits')),
    ];
    const riskLevel = assessRisk(request.risk);
    const { urgency, impact } = changePriority(request.risk, request.emergency);
    const policy = this.deps.sla.engine.activePolicy();
    const events: NewTicketEvent[] = [
      {
        type: 'created',
        at,
        actor,
        data: {
          urgency,
          impact,
          title: request.title,
          risk: riskLevel,
          emergency: request.emergency,
        },
      },
      ...(request.submit ? [{ type: 'submitted', at, actor, data: {} }] : []),
    ];
    const { ticket, created } = await changes.file(
      {
        id: randomUUID(),
        type: 'change',
        status: request.submit ? 'submitted' : 'draft',
        title: request.title,
        description: request.description,
        channel: 'portal',
        reporter: actor,
        createdBy: actor,
        sourceRef: request.sourceRef,
        urgency,
        impact,
        level: policy.matrix[urgency][impact],
        // The family's assignee is the change's implementer.
        assignee: implementer,
        entities,
        policy: { id: policy.id, version: policy.version },
        createdAt: at,
        year: DateTime.fromISO(at, { zone: this.deps.zone }).year,
      },
      {
        emergency: request.emergency,
        reason: request.reason,
        risk: request.risk,
        riskLevel,
        rollbackPlan: request.rollbackPlan,
        window: request.window,
        outcome: request.outcome,
        parameterEdits: edits,
        release: request.release,
      },
      events,
    );
    if (!created) return this.refiled(ticket, caller);
    this.deps.listener.changeChanged(ticket, { step: 'filed', by: actor });
    return { detail: await this.detail(ticket), created: true };
  }

  async get(ref: string, caller: Caller): Promise<ChangeDetail> {
    return this.detail(await this.readableChange(ref, caller));
  }

  async list(filter: ChangeFilter, caller: Caller): Promise<ChangePage> {
    const access = await this.deps.access.readFilter(caller);
    const page = await this.deps.changes.list({
      filter: {
        ...filter,
        implementer:
          filter.implementer === 'me' ? actorOf(caller) : filter.implementer,
      },
      access,
    });
    const data = await this.deps.changes.read(page.items.map(t => t.id));
    const now = this.now();
    return {
      items: page.items.map(ticket =>
        toChange(ticket, data.get(ticket.id)!, now),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** One step of the workflow; a stale `version` or a step the status does not allow is 409. */
  async act(
    ref: string,
    action: ParsedChangeAction,
    caller: Caller,
  ): Promise<ChangeDetail> {
    const ticket = await this.readableChange(ref, caller);
    const actor = actorOf(caller);
    const change = (await this.deps.changes.read([ticket.id])).get(ticket.id)!;
    if (APPROVAL_ACTIONS.includes(action.action)) {
      await this.deps.access.require(changeApprovePermission, caller);
      // Four eyes: whoever files or carries out (or, in an emergency, did) a change does not approve it.
      if (actor === ticket.createdBy || actor === ticket.assignee) {
        throw new NotAllowedError(
          `${ticket.number}: a change is approved by someone who neither filed nor carries it out`,
        );
      }
    } else {
      await this.deps.access.requireOn(ticketWorkPermission, ticket, caller);
      if (CARRY_OUT_ACTIONS.includes(action.action)) {
        assertNotApprover(ticket, change, actor);
      }
    }
    assertVersion(ticket, action.version);
    const status = ticket.status as ChangeStatus;
    if (!changeLifecycle.isAllowed(status, action.action)) {
      throw new ConflictError(
        `cannot ${action.action} change ${ticket.number}: it is ${status}`,
      );
    }
    const at = this.now();
    const step = await this.step(ticket, change, action, actor, at);
    const stored = await this.deps.changes.update(ticket, action.version, {
      ...step,
      at,
    });
    this.deps.listener.changeChanged(stored, {
      step: action.action,
      by: actor,
    });
    return this.detail(stored);
  }

  /**
   * Writes one parameter edit to a device's register while its change is
   * carried out. Refused unless the named change is approved and carries
   * this very edit (CHG-3): the register never holds an unapproved value.
   */
  async registerEdit(
    device: string,
    request: z.output<typeof parameterRegisterRequestSchema>,
    caller: Caller,
  ): Promise<ParameterRegister> {
    const ticket = await this.deps.store.get(request.change);
    if (
      !ticket ||
      ticket.type !== 'change' ||
      !(await this.deps.access.allowsOn(ticketWorkPermission, ticket, caller))
    ) {
      throw new InputError(
        `body.change: ${request.change} is not a change you carry out`,
      );
    }
    if (!APPROVED_STATUSES.includes(ticket.status as ChangeStatus)) {
      throw new ConflictError(
        `${ticket.number} is ${ticket.status}: a key parameter is changed only under an approved change`,
      );
    }
    const change = (await this.deps.changes.read([ticket.id])).get(ticket.id)!;
    assertNotApprover(ticket, change, actorOf(caller));
    const edit = change.parameterEdits.find(
      e => e.device === device && e.parameter === request.parameter,
    );
    if (!edit || edit.newValue !== request.value) {
      throw new ConflictError(
        `${ticket.number} does not carry an edit of ${request.parameter} on ${device} to "${request.value}": a key parameter is changed only as its approved change says`,
      );
    }
    const at = this.now();
    const actor = actorOf(caller);
    const [record] = await this.toRegister([edit], {
      appliedBy: actor,
      appliedAt: at,
      approvedBy: change.decidedBy,
      approvedAt: change.decidedAt,
    });
    await this.deps.changes.register(
      ticket,
      appliedEvent(record, actor, at),
      record,
    );
    this.deps.listener.changeChanged(ticket, { step: 'registered', by: actor });
    return this.parameters(device);
  }

  /** A device's parameter register, newest first: readable like its catalog entry. */
  async parameters(device: string): Promise<ParameterRegister> {
    return {
      device,
      history: await this.deps.changes.parameterHistory(device),
    };
  }

  async freezes(
    query: z.output<typeof listFreezesQuerySchema>,
    caller: Caller,
  ): Promise<FreezePeriod[]> {
    await this.deps.access.require(ticketReadAllPermission, caller);
    return this.deps.changes.freezes({ after: query.after ?? this.now() });
  }

  async declareFreeze(
    request: z.output<typeof createFreezeRequestSchema>,
    caller: Caller,
  ): Promise<FreezePeriod> {
    await this.deps.access.require(changeFreezeManagePermission, caller);
    await this.deps.catalog.resolve(
      request.entityRefs,
      caller,
      'body.entityRefs',
    );
    const freeze: FreezePeriod = {
      id: randomUUID(),
      title: request.title,
      reason: request.reason,
      window: request.window,
      entityRefs: request.entityRefs,
      createdBy: actorOf(caller),
      createdAt: this.now(),
    };
    await this.deps.changes.addFreeze(freeze);
    return freeze;
  }

  async liftFreeze(id: string, caller: Caller): Promise<FreezePeriod> {
    await this.deps.access.require(changeFreezeManagePermission, caller);
    return this.deps.changes.removeFreeze(id);
  }

  /** Changes that ended in the period, and the share that succeeded (CHG-4). */
  async successRate(
    query: z.output<typeof successRateQuerySchema>,
    caller: Caller,
  ): Promise<ChangeSuccessRate> {
    await this.deps.access.require(ticketReadAllPermission, caller);
    const counts = await this.deps.changes.outcomes(query);
    const count = (status: ChangeStatus, emergencyOnly: boolean) =>
      counts
        .filter(c => c.status === status && (!emergencyOnly || c.emergency))
        .reduce((sum, c) => sum + c.count, 0);
    const all = {
      succeeded: count('succeeded', false),
      failed: count('failed', false),
      rolledBack: count('rolled-back', false),
    };
    return {
      from: query.from,
      to: query.to,
      ...all,
      emergency: {
        succeeded: count('succeeded', true),
        failed: count('failed', true),
        rolledBack: count('rolled-back', true),
      },
      rate: successRate(all),
    };
  }

  /** What a step writes: the status, the change's fields, log entries, register entries. */
  private async step(
    ticket: StoredTicket,
    change: ChangeData,
    action: ParsedChangeAction,
    actor: string,
    at: string,
  ) {
    const event = (type: string, data: Record<string, unknown> = {}) => ({
      type,
      at,
      actor,
      data,
    });
    const window =
      action.action === 'schedule' && action.window
        ? action.window
        : change.window;
    // The court approved a window: moving out of it asks the court again.
    const reapproval =
      action.action === 'schedule' && !windowWithin(window, change.window);
    let fields: ChangeDataChanges = {};
    let events: NewTicketEvent[] = [];
    let register: NewRegisterRecord[] = [];
    let status = changeStatusAfter(change, action.action);

    // A window going back for approval meets the freezes at the approval.
    if (
      ['approve', 'schedule', 'start'].includes(action.action) &&
      !reapproval
    ) {
      const hit = blockingFreezes(
        { ...ticket, ...change, window },
        await this.deps.changes.freezes(window),
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
            register = await this.toRegister(pending(change), {
              appliedBy: ticket.assignee ?? ticket.createdBy,
              appliedAt: change.window.end,
              approvedBy: actor,
              approvedAt: at,
            });
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
        this.assertInWindow(ticket, change, at);
        fields = { startedAt: at };
        events = [event('change-started')];
        break;
      case 'succeed':
        fields = { finishedAt: at, outcome: 'succeeded' };
        events = [event('succeeded', { note: action.note })];
        register = await this.toRegister(pending(change), {
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
          `body.action: unknown action ${
            (action as { action: string }).action
          }`,
        );
    }
    return {
      fields: { status },
      change: fields,
      events: [...events, ...register.map(r => appliedEvent(r, actor, at))],
      register,
    };
  }

  /**
   * A normal change starts only in its approved window, from the grace
   * before its start until its end.
   * @throws ConflictError (409) naming the window in the court's zone
   */
  private assertInWindow(ticket: StoredTicket, change: ChangeData, at: string) {
    const grace = this.deps.startGraceMinutes ?? DEFAULT_START_GRACE_MINUTES;
    if (change.emergency || mayStartAt(change.window, at, grace)) return;
    const local = (instant: string) =>
      DateTime.fromISO(instant, { zone: this.deps.zone });
    const start = local(change.window.start);
    const end = local(change.window.end);
    const endFormat = start.hasSame(end, 'day') ? 'HH:mm' : 'yyyy-MM-dd HH:mm';
    throw new ConflictError(
      `cannot start change ${
        ticket.number
      } outside its approved window ${start.toFormat(
        'yyyy-MM-dd HH:mm',
      )}–${end.toFormat(endFormat)} (${
        this.deps.zone
      }): it may start from ${grace} min before the window until its end; re-schedule it (a new window goes back for approval)`,
    );
  }

  /**
   * Register entries for `edits`; the old value is the register's latest
   * (another change may have moved it since filing), else the filed one.
   */
  private async toRegister(
    edits: readonly ParameterEdit[],
    by: Pick<
      ParameterChangeRecord,
      'appliedBy' | 'appliedAt' | 'approvedBy' | 'approvedAt'
    >,
  ): Promise<NewRegisterRecord[]> {
    const histories = new Map<string, ParameterChangeRecord[]>();
    const records: NewRegisterRecord[] = [];
    for (const edit of edits) {
      if (!histories.has(edit.device)) {
        histories.set(
          edit.device,
          await this.deps.changes.parameterHistory(edit.device),
        );
      }
      const latest = histories
        .get(edit.device)!
        .find(record => record.parameter === edit.parameter);
      records.push({
        device: edit.device,
        parameter: edit.parameter,
        oldValue: latest?.newValue ?? edit.oldValue,
        newValue: edit.newValue,
        ...by,
      });
    }
    return records;
  }

  /**
   * The edits as filed: each names a key parameter the device has, its old
   * value is the current one (filled in when left out), and it changes it.
   * @throws InputError naming every bad edit
   */
  private async editsAtFiling(
    edits: ParsedChangeRequest['parameterEdits'],
    caller: Caller,
  ): Promise<ParameterEdit[]> {
    const devices = new Map<string, CatalogParameter[] | undefined>();
    for (const device of new Set(edits.map(edit => edit.device))) {
      devices.set(
        device,
        await this.deps.catalog.keyParameters(device, caller),
      );
    }
    const problems: string[] = [];
    const checked: ParameterEdit[] = [];
    for (const [i, edit] of edits.entries()) {
      const field = `body.parameterEdits.${i}`;
      const catalogParameters = devices.get(edit.device);
      if (!catalogParameters) {
        problems.push(`${field}.device: ${edit.device} is not in the catalog`);
        continue;
      }
      const current = currentParameters(
        catalogParameters,
        await this.deps.changes.parameterHistory(edit.device),
      ).find(parameter => parameter.name === edit.parameter);
      if (!current) {
        problems.push(
          `${field}.parameter: ${edit.device} has no key parameter ${edit.parameter}`,
        );
      } else if (
        edit.oldValue !== undefined &&
        edit.oldValue !== current.value
      ) {
        problems.push(
          `${field}.oldValue: is "${current.value}" in the register, not "${edit.oldValue}"`,
        );
      } else if (edit.newValue === current.value) {
        problems.push(`${field}.newValue: is already the current value`);
      } else {
        checked.push({
          device: edit.device,
          parameter: edit.parameter,
          oldValue: current.value,
          newValue: edit.newValue,
        });
      }
    }
    if (problems.length > 0) throw new InputError(problems.join('; '));
    return checked;
  }

  /** The change a retried filing finds, if the caller may see it. */
  private async refiled(ticket: StoredTicket, caller: Caller) {
    if (
      ticket.type !== 'change' ||
      !(await this.deps.access.allowsOn(ticketReadPermission, ticket, caller))
    ) {
      throw new ConflictError(
        'body.sourceRef: is already used by another ticket',
      );
    }
    return { detail: await this.detail(ticket), created: false };
  }

  /** A change the caller may read; anything else answers 404. */
  private async readableChange(
    ref: string,
    caller: Caller,
  ): Promise<StoredTicket> {
    // Unknown, unreadable or not a change: one answer, so none is an oracle.
    const ticket = await this.deps.tickets
      .readable(ref, caller)
      .catch(error => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
    if (ticket?.type !== 'change') {
      throw new NotFoundError(`no change ${ref}`);
    }
    return ticket;
  }

  private async detail(ticket: StoredTicket): Promise<ChangeDetail> {
    const { changes, store } = this.deps;
    const [data, events, links] = await Promise.all([
      changes.read([ticket.id]),
      store.events(ticket.id),
      store.links(ticket.id),
    ]);
    const change = toChange(ticket, data.get(ticket.id)!, this.now());
    const window = change.change.window;
    const [others, freezes] = await Promise.all([
      changes.scheduledDuring(window),
      changes.freezes(window),
    ]);
    return {
      change,
      events: events.map(toRecord),
      links,
      warnings: changeWarnings(
        {
          id: ticket.id,
          window,
          entityRefs: ticket.entityRefs,
          systemRefs: ticket.systemRefs,
          emergency: change.change.emergency,
          freezeException: change.change.freezeException,
        },
        others,
        freezes,
      ),
    };
  }

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/** Edits not yet in the register. */
function pending(change: ChangeData): ParameterEdit[] {
  return change.parameterEdits.filter(edit => !edit.appliedAt);
}

/**
 * The log entry of a register write, recorded by `actor` at `at`; who applied
 * the edit and when (an emergency change's engineer, in its window) is in it.
 */
function appliedEvent(
  record: NewRegisterRecord,
  actor: string,
  at: string,
): NewTicketEvent {
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

/**
 * Four eyes: whoever approved a change does not carry it out or write its
 * edits to the register.
 * @throws NotAllowedError (403) naming the reason
 */
function assertNotApprover(
  ticket: StoredTicket,
  change: ChangeData,
  actor: string,
) {
  if (change.decidedBy !== undefined && change.decidedBy === actor) {
    throw new NotAllowedError(
      `${ticket.number}: ${actor} approved this change, so someone else carries it out and registers its parameter edits (four eyes)`,
    );
  }
}

function toChange(ticket: StoredTicket, data: ChangeData, now: string): Change {
  return { ...presentTicket(ticket, undefined, now), change: data };
}
