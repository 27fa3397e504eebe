import { randomUUID } from 'node:crypto';
import { actorOf, Caller } from '@internal/plugin-court-node';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  CLOCK_NAMES,
  InvalidEventSequenceError,
  PRIORITY_LEVELS,
  PriorityLevel,
  raiseLevel,
  SlaConfig,
} from '@internal/plugin-sla-common';
import { CourtClock } from '@internal/plugin-court-node';
import {
  assertVersion,
  ComplianceReport,
  ComplianceRow,
  AwaitedPart,
  Ticket,
  TicketDetail,
  TicketEventRecord,
  TicketFilter,
  TicketPage,
  WorkLog,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import type {
  createTicketRequestSchema,
  editTicketRequestSchema,
  commentRequestSchema,
  complianceQuerySchema,
  linkRequestSchema,
  ParsedTicketAction,
  workLogRequestSchema,
} from '@internal/plugin-tickets-common';
import type { EngineerApprovalService } from '@internal/plugin-access-node';
import { Knex } from 'knex';
import type { PartRegisterService } from '@internal/plugin-tickets-node';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SlaProjectionStore } from '../database/SlaProjectionStore';
import { TicketHistoryStore } from '../database/TicketHistoryStore';
import { TicketChange, TicketRecordStore } from '../database/TicketRecordStore';
import {
  NewTicketEvent,
  SlaProjection,
  StoredEvent,
  StoredTicket,
} from '../database/rows';
import { applyAction } from './actions';
import { CatalogEntities } from './CatalogEntities';
import { TicketAccess } from './TicketAccess';
import { TicketSla } from './TicketSla';

/** Statuses in which the reporter may still edit what they filed. */
const EDITABLE_BY_REPORTER: readonly string[] = ['new', 'draft'];

/** Told of every stored update, to push it to open pages and the watch. */
export interface TicketListener {
  ticketUpdated(
    ticket: StoredTicket,
    projection: SlaProjection,
    happened: {
      kind: 'created' | 'updated';
      by: string;
      /** Filed on a major event's scope during it: the plan's engineers are paged. */
      majorEvent?: MajorEventRaise;
    },
  ): void;
}

/** Why a new ticket was raised at filing, and whom the plan names (duty's major events). */
export interface MajorEventRaise {
  readonly level: PriorityLevel;
  /** "重点保障：<plan title>", recorded in the ticket's history. */
  readonly reason: string;
  readonly engineers: readonly string[];
}

/** What an update records: fields, log entries, and the entities when they change. */
interface RecordedUpdate {
  fields: TicketChange['fields'];
  events: NewTicketEvent[];
  entities?: TicketChange['entities'];
}

/**
 * The service desk: files and works tickets. Checks permissions, applies
 * the lifecycle, keeps the SLA projection in step with the log.
 */
export class TicketService {
  constructor(
    private readonly deps: {
      records: TicketRecordStore;
      history: TicketHistoryStore;
      /** For compliance: the clocks' outcomes. */
      projection: Pick<SlaProjectionStore, 'clockOutcomes'>;
      sla: TicketSla;
      access: TicketAccess;
      catalog: CatalogEntities;
      /** SEC-2: only an engineer the court approved, not suspended, is assigned. */
      approvals: Pick<EngineerApprovalService, 'requireAssignable'>;
      /** The spares register, to check the part a ticket pauses for. */
      parts: PartRegisterService;
      listener: TicketListener;
      /**
       * Writes what a new ticket announces (notifications, the signal) to the outbox, in the
       * filing's transaction: delivered after the commit, off the request, and not lost to a crash.
       */
      announceCreated: (
        trx: Knex.Transaction,
        ticket: StoredTicket,
        projection: SlaProjection,
      ) => Promise<void>;
      /** The court's zone, for ticket-number years. */
      zone: string;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
      /**
       * What duty says of a ticket filed at an instant on these entities and systems, asked once
       * per filing: the engineer on phone duty when it is outside on-site hours (SLA-3), and the
       * floor from a major event running then (DUTY-3). Nothing without a roster, without an
       * event, or without the duty plugin.
       */
      dutyAtFiling?: (
        at: string,
        refs: readonly string[],
      ) => Promise<{ phoneDuty?: string; majorEvent?: MajorEventRaise }>;
    },
  ) {}

  /**
   * Authorize first: the router asks this before it reads a request's input.
   * @throws NotAllowedError when the caller may not do this to any ticket
   */
  async authorize(
    permission: Parameters<TicketAccess['requireSome']>[0],
    caller: Caller,
  ): Promise<void> {
    await this.deps.access.requireSome(permission, caller);
  }

  slaConfig(): SlaConfig {
    return this.deps.sla.engine.config;
  }

  /**
   * Files a ticket; `created` is false when its `sourceRef` was filed before
   * and that ticket is returned instead (a retried filing).
   */
  async create(
    request: z.output<typeof createTicketRequestSchema>,
    caller: Caller,
  ): Promise<{ ticket: Ticket; created: boolean }> {
    const { access, catalog, sla, records } = this.deps;
    await access.require(ticketCreatePermission, caller);
    const actor = actorOf(caller);
    if (request.sourceRef) {
      const filed = await records.getBySourceRef(request.sourceRef, actor);
      if (filed) return this.refiled(filed, caller);
    }
    const reporter = request.reporter ?? actor;
    // Filing for someone else, or routing the ticket, is the desk's work.
    if (
      reporter !== actor ||
      request.assignee !== undefined ||
      request.group !== undefined
    ) {
      if (!(await access.allows(ticketWorkPermission, caller))) {
        throw new InputError(
          'body.reporter: only the service desk may file for someone else or assign a ticket',
        );
      }
    }
    if (reporter.startsWith('user:') && request.reporter) {
      await catalog.assertUser(reporter, caller, 'body.reporter');
    }
    if (request.assignee) {
      await catalog.assertUser(request.assignee, caller, 'body.assignee');
      await this.deps.approvals.requireAssignable(
        request.assignee,
        'body.assignee',
      );
    }
    const entities = await catalog.resolve(
      request.entityRefs,
      caller,
      'body.entityRefs',
    );
    const at = this.now();
    const duty =
      (await this.deps.dutyAtFiling?.(
        at,
        entities.flatMap(e =>
          e.systemRef ? [e.entityRef, e.systemRef] : [e.entityRef],
        ),
      )) ?? {};
    // Outside on-site hours a ticket nobody routed goes to the engineer on phone duty.
    const phoneDuty =
      request.assignee || request.group ? undefined : duty.phoneDuty;
    const assignee = request.assignee ?? phoneDuty;
    const policy = sla.engine.activePolicy();
    const matrixLevel = policy.matrix[request.urgency][request.impact];
    const majorEvent = duty.majorEvent;
    const level = raiseLevel(matrixLevel, majorEvent?.level);
    const events: NewTicketEvent[] = [
      {
        type: 'created',
        at,
        actor,
        data: {
          urgency: request.urgency,
          impact: request.impact,
          title: request.title,
          // Routed at filing: a later `assigned` is a hand-over (reports count them).
          ...(assignee ? { assignee } : {}),
          // The ticket page shows the on-call engineer and the arrival clock for these.
          ...(phoneDuty ? { phoneDuty: true } : {}),
          ...(request.group ? { group: request.group } : {}),
        },
      },
      // The history says why it is above what the matrix gives; the floor keeps the SLA clocks on it.
      ...(level !== matrixLevel && majorEvent
        ? [
            {
              type: 'priority-changed' as const,
              at,
              actor: 'plugin:duty',
              data: {
                urgency: request.urgency,
                impact: request.impact,
                level,
                floor: majorEvent.level,
                reason: majorEvent.reason,
              },
            },
          ]
        : []),
    ];
    const draft = {
      type: request.type,
      number: '(new)',
      policy: { id: policy.id, version: policy.version },
    };
    const projection = sla.project(sla.clocks(draft, withSeq(events), at));
    const { ticket: stored, created } = await records.insert(
      {
        id: randomUUID(),
        type: request.type,
        category: request.category,
        title: request.title,
        description: request.description,
        channel: request.channel,
        reporter,
        createdBy: actor,
        sourceRef: request.sourceRef,
        urgency: request.urgency,
        impact: request.impact,
        level,
        assignee,
        group: request.group,
        entities,
        policy: draft.policy,
        createdAt: at,
        year: DateTime.fromISO(at, { zone: this.deps.zone }).year,
      },
      events,
      projection,
      (trx, filed) => this.deps.announceCreated(trx, filed, projection),
    );
    if (!created) return this.refiled(stored, caller);
    this.deps.listener.ticketUpdated(stored, projection, {
      kind: 'created',
      by: actor,
      ...(majorEvent ? { majorEvent } : {}),
    });
    return { ticket: this.present(stored, withSeq(events), at), created };
  }

  /** The ticket a retried filing finds, if the caller may see it. */
  private async refiled(ticket: StoredTicket, caller: Caller) {
    if (
      !(await this.deps.access.allowsOn(ticketReadPermission, ticket, caller))
    ) {
      throw new ConflictError(
        'body.sourceRef: is already used by another ticket',
      );
    }
    const events = await this.deps.history.events(ticket.id);
    return { ticket: this.present(ticket, events, this.now()), created: false };
  }

  async get(idOrNumber: string, caller: Caller): Promise<TicketDetail> {
    const ticket = await this.readable(idOrNumber, caller);
    const { history } = this.deps;
    const [events, workLogs, links, works] = await Promise.all([
      history.events(ticket.id),
      history.workLogs(ticket.id),
      history.links(ticket.id),
      this.deps.access.allowsOn(ticketWorkPermission, ticket, caller),
    ]);
    // Work-log notes are the team's internal notes: the reporter sees hours only.
    return {
      ticket: this.present(ticket, events, this.now()),
      events: events.map(event =>
        works ? toRecord(event) : withoutInternalNotes(toRecord(event)),
      ),
      workLogs: works ? workLogs : workLogs.map(({ note: _, ...log }) => log),
      links,
    };
  }

  async list(filter: TicketFilter, caller: Caller): Promise<TicketPage> {
    const accessFilter = await this.deps.access.readFilter(caller);
    const actor = actorOf(caller);
    const now = this.now();
    const page = await this.deps.records.list({
      filter: {
        ...filter,
        assignee: filter.assignee === 'me' ? actor : filter.assignee,
        reporter: filter.reporter === 'me' ? actor : filter.reporter,
      },
      access: accessFilter,
      now,
    });
    const events = await this.deps.history.eventsOf(page.items.map(t => t.id));
    return {
      items: page.items.map(t => this.present(t, events.get(t.id) ?? [], now)),
      nextCursor: page.nextCursor,
    };
  }

  async edit(
    id: string,
    request: z.output<typeof editTicketRequestSchema>,
    caller: Caller,
  ): Promise<Ticket> {
    const ticket = await this.readable(id, caller);
    const { access } = this.deps;
    await access.requireOn(ticketUpdatePermission, ticket, caller);
    // What the court approved is what gets done: a change is edited only as a draft.
    if (ticket.type === 'change' && ticket.status !== 'draft') {
      throw new ConflictError(
        `change ${ticket.number} is ${ticket.status}: only a draft can be edited`,
      );
    }
    const { version, reason, ...fields } = request;
    if (!EDITABLE_BY_REPORTER.includes(ticket.status)) {
      // Once acknowledged, the reporter comments; the desk edits, saying why.
      if (!(await access.allowsOn(ticketWorkPermission, ticket, caller))) {
        throw new NotAllowedError(
          `ticket ${ticket.number} is ${ticket.status}: its reporter edits it only while it is new and may comment on it now; the service desk edits it`,
        );
      }
      if (!reason) {
        throw new InputError(
          `body.reason: is required: say why ticket ${ticket.number} is edited after it was acknowledged`,
        );
      }
    }
    if (
      fields.entityRefs !== undefined &&
      ['resolved', 'closed'].includes(ticket.status)
    ) {
      throw new ConflictError(
        `ticket ${ticket.number} is ${ticket.status}: its affected entities change only by reopening it`,
      );
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(fields)) {
      const from = ticket[key as keyof typeof fields];
      if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) {
        changes[key] = { from, to };
      }
    }
    if (Object.keys(changes).length === 0) {
      throw new InputError('body: nothing to change');
    }
    const entities = fields.entityRefs
      ? await this.deps.catalog.resolve(
          fields.entityRefs,
          caller,
          'body.entityRefs',
        )
      : undefined;
    return this.record(ticket, version, caller, {
      fields: {
        title: fields.title,
        description: fields.description,
        category: fields.category,
      },
      events: [
        {
          type: 'edited',
          at: '',
          actor: actorOf(caller),
          data: reason ? { changes, reason } : { changes },
        },
      ],
      entities,
    });
  }

  async act(
    id: string,
    action: ParsedTicketAction,
    caller: Caller,
  ): Promise<Ticket> {
    const ticket = await this.readable(id, caller);
    await this.deps.access.requireOn(ticketWorkPermission, ticket, caller);
    if (action.action === 'assign' && action.assignee) {
      await this.deps.catalog.assertUser(
        action.assignee,
        caller,
        'body.assignee',
      );
      await this.deps.approvals.requireAssignable(
        action.assignee,
        'body.assignee',
      );
    }
    const awaitedPart =
      action.action === 'pause' && action.part
        ? await this.awaitedPart(action.part)
        : undefined;
    const policy = this.deps.sla.engine.policy(
      ticket.policy.id,
      ticket.policy.version,
    );
    // The action's instants (resolvedAt, closedAt) are the record's own.
    return this.record(ticket, action.version, caller, at =>
      applyAction(ticket, action, policy, actorOf(caller), at, awaitedPart),
    );
  }

  /**
   * A stocked part is checked against the spares register and keeps its name
   * as it is now; a part the court does not stock is the engineer's words.
   * @throws InputError naming `body.part.partTypeId` for a part type the register does not have
   */
  private async awaitedPart(
    part: { partTypeId: string } | { text: string },
  ): Promise<AwaitedPart> {
    if ('text' in part) return { name: part.text };
    let found;
    try {
      found = await this.deps.parts.partType(part.partTypeId);
    } catch (error) {
      throw new ServiceUnavailableError(
        `the spares register could not be read to check body.part.partTypeId: ${
          (error as Error).message
        }`,
      );
    }
    if (!found) {
      throw new InputError(
        `body.part.partTypeId: no part type ${part.partTypeId} in the spares register; name a part the court does not stock as text`,
      );
    }
    return { partTypeId: found.id, name: found.name };
  }

  async comment(
    id: string,
    request: z.output<typeof commentRequestSchema>,
    caller: Caller,
  ): Promise<TicketEventRecord> {
    const ticket = await this.readable(id, caller);
    await this.deps.access.requireOn(ticketUpdatePermission, ticket, caller);
    const event = await this.deps.history.append(ticket.id, {
      type: 'commented',
      at: this.now(),
      actor: actorOf(caller),
      data: { body: request.body },
    });
    this.touched(ticket, caller);
    return toRecord(event);
  }

  async logWork(
    id: string,
    request: z.output<typeof workLogRequestSchema>,
    caller: Caller,
  ): Promise<WorkLog> {
    const ticket = await this.readable(id, caller);
    await this.deps.access.requireOn(ticketWorkPermission, ticket, caller);
    const actor = actorOf(caller);
    const engineer = request.engineer ?? actor;
    if (engineer !== actor) {
      await this.deps.catalog.assertUser(engineer, caller, 'body.engineer');
    }
    const at = this.now();
    const log: WorkLog = {
      id: randomUUID(),
      engineer,
      minutes: request.minutes,
      workDate: request.workDate,
      note: request.note,
      loggedBy: actor,
      loggedAt: at,
    };
    await this.deps.history.addWorkLog(
      ticket.id,
      {
        type: 'work-logged',
        at,
        actor,
        data: {
          engineer,
          minutes: log.minutes,
          workDate: log.workDate,
          note: log.note,
        },
      },
      log,
    );
    this.touched(ticket, caller);
    return log;
  }

  async link(
    id: string,
    request: z.output<typeof linkRequestSchema>,
    caller: Caller,
  ): Promise<TicketDetail> {
    const ticket = await this.readable(id, caller);
    await this.deps.access.requireOn(ticketUpdatePermission, ticket, caller);
    if (request.kind === 'ticket') {
      if (request.target === ticket.number) {
        throw new InputError('body.target: a ticket cannot link itself');
      }
      // A ticket the caller may not read answers as one that does not exist.
      const target = await this.deps.records.get(request.target);
      if (
        !target ||
        !(await this.deps.access.allowsOn(ticketReadPermission, target, caller))
      ) {
        throw new InputError(`body.target: no ticket ${request.target}`);
      }
    }
    const at = this.now();
    const actor = actorOf(caller);
    await this.deps.history.addLink(
      ticket.id,
      { type: 'linked', at, actor, data: { ...request } },
      { ...request, createdBy: actor, createdAt: at },
    );
    this.touched(ticket, caller);
    return this.get(ticket.id, caller);
  }

  /**
   * Clocks that started in the period, met, breached or still running, per
   * clock and level.
   */
  async compliance(
    query: z.output<typeof complianceQuerySchema>,
    caller: Caller,
  ): Promise<ComplianceReport> {
    await this.deps.access.require(ticketReadAllPermission, caller);
    const from = new Date(query.from).toISOString();
    const to = new Date(query.to).toISOString();
    const counts = await this.deps.projection.clockOutcomes({
      from,
      to,
      entity: query.entity,
      system: query.system,
    });
    const rows: ComplianceRow[] = [];
    for (const clock of CLOCK_NAMES) {
      for (const level of PRIORITY_LEVELS) {
        const of = (states: string[]) =>
          counts
            .filter(
              c =>
                c.clock === clock &&
                c.level === level &&
                states.includes(c.state),
            )
            .reduce((sum, c) => sum + c.count, 0);
        const row = {
          clock,
          level,
          met: of(['met']),
          breached: of(['breached']),
          running: of(['running', 'paused', 'not-started']),
        };
        if (row.met + row.breached + row.running > 0) rows.push(row);
      }
    }
    return { from, to, rows };
  }

  /** The ticket if the caller may read it; otherwise as if it did not exist. */
  async readable(idOrNumber: string, caller: Caller): Promise<StoredTicket> {
    const ticket = await this.deps.records.get(idOrNumber);
    if (
      !ticket ||
      !(await this.deps.access.allowsOn(ticketReadPermission, ticket, caller))
    ) {
      throw new NotFoundError(`no ticket ${idOrNumber}`);
    }
    return ticket;
  }

  /** Records a versioned update with its events and the clocks after it. */
  private async record(
    ticket: StoredTicket,
    expectedVersion: number,
    caller: Caller,
    planned: RecordedUpdate | ((at: string) => RecordedUpdate),
  ): Promise<Ticket> {
    assertVersion(ticket, expectedVersion);
    const { records, history, sla } = this.deps;
    const logged = await history.events(ticket.id);
    // Keep the log in time order even if clocks of replicas disagree.
    const at = latest(this.now(), logged[logged.length - 1]?.at);
    const update = typeof planned === 'function' ? planned(at) : planned;
    const events = update.events.map(e => ({ ...e, at }));
    const all = [...logged, ...withSeq(events, logged.length)];
    let clocks;
    try {
      clocks = sla.clocks(ticket, all, at);
    } catch (error) {
      if (error instanceof InvalidEventSequenceError) {
        throw new ConflictError(`ticket ${ticket.number}: ${error.message}`);
      }
      throw error;
    }
    const projection = sla.project(clocks);
    const stored = await records.update(ticket.id, expectedVersion, {
      fields: update.fields,
      events,
      projection,
      entities: update.entities,
      at,
    });
    this.deps.listener.ticketUpdated(stored, projection, {
      kind: 'updated',
      by: actorOf(caller),
    });
    return this.present(stored, all, at);
  }

  /** An append changed what the page shows, not the clocks. */
  private touched(ticket: StoredTicket, caller: Caller) {
    this.deps.listener.ticketUpdated(
      ticket,
      { clocks: [] },
      {
        kind: 'updated',
        by: actorOf(caller),
      },
    );
  }

  private present(
    ticket: StoredTicket,
    events: readonly StoredEvent[],
    now: string,
  ): Ticket {
    const { clocks, unknownUntil } = this.deps.sla.assess(ticket, events, now);
    return presentTicket(ticket, clocks, now, unknownUntil);
  }

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/** A log entry as those who do not work the ticket see it: no work-log notes. */
function withoutInternalNotes(record: TicketEventRecord): TicketEventRecord {
  if (record.type !== 'work-logged') return record;
  const { note: _, ...rest } = record;
  return rest;
}

/** A stored ticket as the API shows it, with its clocks as of `now`. */
export function presentTicket(
  ticket: StoredTicket,
  clocks: Ticket['clocks'],
  now: string,
  slaUnknownUntil?: number,
): Ticket {
  const { resumeStatus: _internal, ...fields } = ticket;
  return {
    ...fields,
    clocks,
    asOf: now,
    ...(slaUnknownUntil !== undefined ? { slaUnknownUntil } : {}),
  };
}

/** The entity ref a change is recorded under. */
function withSeq(events: readonly NewTicketEvent[], after = 0): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: after + i + 1 }));
}

/** A stored log entry as the API shows it. */
export function toRecord(event: StoredEvent): TicketEventRecord {
  return {
    ...event.data,
    type: event.type,
    seq: event.seq,
    at: event.at,
    actor: event.actor,
  } as TicketEventRecord;
}

function latest(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}
