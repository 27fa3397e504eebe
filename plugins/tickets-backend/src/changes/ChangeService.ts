import { randomUUID } from 'node:crypto';
import { actorOf, Caller } from '@internal/plugin-court-node';
import {
  describeKeyParameterValueProblem,
  keyParameterValueProblem,
} from '@internal/plugin-court-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  APPROVAL_ACTIONS,
  assertNotApprover,
  assessRisk,
  CatalogParameter,
  Change,
  ChangeAction,
  ChangeData,
  ChangePage,
  changePriority,
  ChangeStatus,
  changeStepWindow,
  ChangeSuccessRate,
  changeWarnings,
  ChangeDetail,
  ChangeFilter,
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  currentParameters,
  FreezePeriod,
  ParameterChangeRecord,
  ParameterEdit,
  ParameterRegister,
  parameterAppliedEvent,
  ParsedChangeAction,
  ParsedChangeRequest,
  pendingEdits,
  planChangeStep,
  registerEntries,
  successRate,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import type {
  createFreezeRequestSchema,
  listFreezesQuerySchema,
  parameterRegisterRequestSchema,
  successRateQuerySchema,
} from '@internal/plugin-tickets-common';
import { CourtClock } from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import type { EngineerApprovalService } from '@internal/plugin-access-node';
import { z } from 'zod';
import { DatabaseChangeStore } from './DatabaseChangeStore';
import { TicketHistoryStore } from '../database/TicketHistoryStore';
import { TicketRecordStore } from '../database/TicketRecordStore';
import { NewTicketEvent, StoredTicket } from '../database/rows';
import { CatalogEntities } from '../service/CatalogEntities';
import { TicketAccess } from '../service/TicketAccess';
import {
  presentTicket,
  TicketService,
  toRecord,
} from '../service/TicketService';
import { TicketSla } from '../service/TicketSla';

/** Told of every stored update of a change, to refresh pages and tell people. */
export interface ChangeListener {
  changeUpdated(
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
      records: Pick<TicketRecordStore, 'get' | 'getBySourceRef'>;
      history: Pick<TicketHistoryStore, 'events' | 'links'>;
      changes: DatabaseChangeStore;
      access: TicketAccess;
      catalog: CatalogEntities;
      /** For the family's priority matrix and policy, which every record carries. */
      sla: TicketSla;
      listener: ChangeListener;
      zone: string;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
      /** SEC-2: the implementer is approved by the court and not suspended. */
      approvals: Pick<EngineerApprovalService, 'requireAssignable'>;
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
    const { access, catalog, changes, records } = this.deps;
    await access.require(changeCreatePermission, caller);
    const actor = actorOf(caller);
    if (request.sourceRef) {
      const filed = await records.getBySourceRef(request.sourceRef, actor);
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
    await this.deps.approvals.requireAssignable(
      implementer,
      'body.implementer',
    );
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
    this.deps.listener.changeUpdated(ticket, { step: 'filed', by: actor });
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
    } else {
      await this.deps.access.requireOn(ticketWorkPermission, ticket, caller);
    }
    const at = this.now();
    // Read what a step may need; planChangeStep decides without I/O.
    const plan = planChangeStep({
      ticket,
      change,
      action,
      actor,
      at,
      freezes: await this.deps.changes.freezes(
        changeStepWindow(change, action),
      ),
      parameterHistory: await this.histories(pendingEdits(change)),
      zone: this.deps.zone,
      startGraceMinutes: this.deps.startGraceMinutes,
    });
    const stored = await this.deps.changes.update(ticket, action.version, {
      fields: { status: plan.status },
      change: plan.change,
      events: plan.events,
      register: plan.register,
      at,
    });
    this.deps.listener.changeUpdated(stored, {
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
    const ticket = await this.deps.records.get(request.change);
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
    const [record] = registerEntries([edit], await this.histories([edit]), {
      appliedBy: actor,
      appliedAt: at,
      approvedBy: change.decidedBy,
      approvedAt: change.decidedAt,
    });
    await this.deps.changes.register(
      ticket,
      parameterAppliedEvent(record, actor, at),
      record,
    );
    this.deps.listener.changeUpdated(ticket, { step: 'registered', by: actor });
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

  /** The registers of the devices `edits` touch, newest first. */
  private async histories(
    edits: readonly ParameterEdit[],
  ): Promise<ParameterChangeRecord[]> {
    const devices = [...new Set(edits.map(edit => edit.device))];
    const histories = [];
    for (const device of devices) {
      histories.push(await this.deps.changes.parameterHistory(device));
    }
    return histories.flat();
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
      } else if (keyParameterValueProblem(current, edit.newValue)) {
        // The catalog states the value's type or range (CAT-4): the new value keeps to it.
        const problem = keyParameterValueProblem(current, edit.newValue)!;
        problems.push(
          `${field}.newValue: ${describeKeyParameterValueProblem(problem)}${
            current.unit ? ` (${current.unit})` : ''
          }`,
        );
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
    const { changes, history } = this.deps;
    const [data, events, links] = await Promise.all([
      changes.read([ticket.id]),
      history.events(ticket.id),
      history.links(ticket.id),
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

function toChange(ticket: StoredTicket, data: ChangeData, now: string): Change {
  return { ...presentTicket(ticket, undefined, now), change: data };
}
