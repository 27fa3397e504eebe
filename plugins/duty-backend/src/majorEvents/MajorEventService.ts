import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Caller,
  CourtClock,
  actorOf,
  parseInput,
} from '@internal/plugin-court-node';
import {
  CourtDayKind,
  MajorEventAnswer,
  MajorEventFloor,
  MajorEventPlan,
  TicketLevel,
  dutyMajorEventManagePermission,
  dutyMajorEventReadPermission,
  majorEventFloor,
  majorEventFloorQuerySchema,
  majorEventInputSchema,
  majorEventSummarySchema,
  preEventChecks,
  summaryRefusal,
  updateMajorEventSchema,
  FilingDutySpan,
  filingDutySpanQuerySchema,
} from '@internal/plugin-duty-common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MajorEventFields, MajorEventStore } from './MajorEventStore';
import { PreEventRoundStore } from './PreEventRoundStore';

const idSchema = z.uuid('is not a plan id');

function utc(instant: string): string {
  return DateTime.fromISO(instant, { setZone: true }).toUTC().toISO()!;
}

/**
 * Major-event assurance (重点保障, DUTY-3): plans with their place, scope and engineers, checked
 * against the location register, the catalog and the court's engineer approvals; the floor a
 * ticket on the scope gets during the event.
 */
export class MajorEventService {
  constructor(
    private readonly deps: {
      store: MajorEventStore;
      /** @throws NotAllowedError unless the caller holds the permission (duty's role check). */
      authorize(permission: BasicPermission, caller: Caller): Promise<void>;
      catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
      /** The ids of the court's location register (`A-3F-T01`). */
      rooms: ReadonlySet<string>;
      clock: CourtClock;
      /** SEC-2: only an engineer the court approved, not suspended, guards an event. */
      isApproved(ref: string): Promise<boolean>;
      minimumLevel: TicketLevel;
      /** The court's zone, for the local date of the day before. */
      zone: string;
      /** The court's calendar as it stands now. */
      dayKindOf(): Promise<(date: string) => CourtDayKind>;
      /** The checklist rounds started for the plans. */
      preEventRounds: Pick<PreEventRoundStore, 'ofPlans'>;
      /** A plan was made or moved: its checklist may fall due sooner than planned. */
      onPlanned(): void;
    },
  ) {}

  /** Plans with when their checklist is walked, on the calendar as it stands now. */
  private async answer(plans: MajorEventPlan[]): Promise<MajorEventAnswer[]> {
    const dayKind = await this.deps.dayKindOf();
    const isWorkingDay = (date: string) => dayKind(date) === 'working';
    const rounds = await this.deps.preEventRounds.ofPlans(plans.map(p => p.id));
    return plans.map(plan => ({
      ...plan,
      preEventChecks: preEventChecks(plan, this.deps.zone, isWorkingDay),
      preEventRounds: rounds.get(plan.id) ?? [],
    }));
  }

  private async answerOne(plan: MajorEventPlan): Promise<MajorEventAnswer> {
    return (await this.answer([plan]))[0];
  }

  async list(caller: Caller): Promise<MajorEventAnswer[]> {
    await this.deps.authorize(dutyMajorEventReadPermission, caller);
    return this.answer(await this.deps.store.list());
  }

  async get(id: string, caller: Caller): Promise<MajorEventAnswer> {
    await this.deps.authorize(dutyMajorEventReadPermission, caller);
    return this.answerOne(await this.existing(id));
  }

  async create(body: unknown, caller: Caller): Promise<MajorEventAnswer> {
    await this.deps.authorize(dutyMajorEventManagePermission, caller);
    const fields = await this.checked(
      parseInput(majorEventInputSchema, body, 'body'),
      'body',
      caller,
    );
    const plan = await this.deps.store.insert(
      randomUUID(),
      fields,
      actorOf(caller),
      this.now(),
    );
    this.deps.onPlanned();
    return this.answerOne(plan);
  }

  async update(
    id: string,
    body: unknown,
    caller: Caller,
  ): Promise<MajorEventAnswer> {
    await this.deps.authorize(dutyMajorEventManagePermission, caller);
    const request = parseInput(updateMajorEventSchema, body, 'body');
    await this.existing(id);
    const fields = await this.checked(request.plan, 'body.plan', caller);
    const plan = await this.deps.store.update(
      id,
      fields,
      request.revision,
      actorOf(caller),
      this.now(),
    );
    this.deps.onPlanned();
    return this.answerOne(plan);
  }

  async writeSummary(
    id: string,
    body: unknown,
    caller: Caller,
  ): Promise<MajorEventAnswer> {
    await this.deps.authorize(dutyMajorEventManagePermission, caller);
    const request = parseInput(majorEventSummarySchema, body, 'body');
    const plan = await this.existing(id);
    const now = this.now();
    const refusal = summaryRefusal(plan, now);
    if (refusal) throw new ConflictError(`body.text: ${refusal}`);
    return this.answerOne(
      await this.deps.store.writeSummary(
        id,
        request.text,
        request.revision,
        actorOf(caller),
        now,
      ),
    );
  }

  /** The floor for a ticket filed at `at` on `refs` (its devices and their systems). */
  async floor(
    query: unknown,
    caller: Caller,
  ): Promise<{ floor: MajorEventFloor | null }> {
    await this.deps.authorize(dutyMajorEventReadPermission, caller);
    const { at, refs } = parseInput(majorEventFloorQuerySchema, query, 'query');
    const instant = utc(at);
    const plans = await this.deps.store.runningDuring(
      instant,
      DateTime.fromISO(instant).plus({ milliseconds: 1 }).toUTC().toISO()!,
    );
    return {
      floor:
        majorEventFloor(plans, instant, refs, this.deps.minimumLevel) ?? null,
    };
  }

  /** The plans' part of a filing-duty span: the plans running in the minute from `query.from`. */
  async floorSpan(
    query: unknown,
    caller: Caller,
  ): Promise<Pick<FilingDutySpan, 'plans' | 'minimumLevel'>> {
    await this.deps.authorize(dutyMajorEventReadPermission, caller);
    const { from, to } = parseInput(filingDutySpanQuerySchema, query, 'query');
    const plans = await this.deps.store.runningDuring(from, to);
    return {
      plans: plans.map(
        ({ id, title, startsAt, endsAt, scope, onSite, standby }) => ({
          id,
          title,
          startsAt,
          endsAt,
          scope,
          onSite,
          standby,
        }),
      ),
      minimumLevel: this.deps.minimumLevel,
    };
  }

  private async existing(id: string): Promise<MajorEventPlan> {
    const plan = await this.deps.store.get(parseInput(idSchema, id, 'path.id'));
    if (!plan) throw new NotFoundError(`There is no major-event plan ${id}`);
    return plan;
  }

  /** The place, scope and engineers checked; 400 or 409 naming the first bad ones. */
  private async checked(
    plan: z.output<typeof majorEventInputSchema>,
    where: string,
    caller: Caller,
  ): Promise<MajorEventFields> {
    if (!this.deps.rooms.has(plan.place)) {
      throw new InputError(
        `${where}.place: ${plan.place} is not a room of the court's location register`,
      );
    }
    const scope = [...new Set(plan.scope)];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: scope, fields: ['kind', 'metadata.name'] },
      { credentials: caller },
    );
    const unknown = scope.flatMap((ref, i) =>
      items[i]
        ? []
        : [
            `${where}.scope[${plan.scope.indexOf(
              ref,
            )}]: ${ref} is not in the catalog`,
          ],
    );
    if (unknown.length > 0) throw new InputError(unknown.join('; '));
    const named = [
      ...plan.onSite.map((ref, i) => ({ ref, field: `onSite[${i}]` })),
      ...plan.standby.map((ref, i) => ({ ref, field: `standby[${i}]` })),
    ];
    const approved = await Promise.all(
      named.map(({ ref }) => this.deps.isApproved(ref)),
    );
    const refused = named.filter((_, i) => !approved[i]);
    if (refused.length > 0) {
      throw new ConflictError(
        refused
          .map(
            ({ ref, field }) =>
              `${where}.${field}: ${ref} is not an engineer approved for the court`,
          )
          .join('; '),
      );
    }
    return {
      title: plan.title,
      kind: plan.kind,
      startsAt: utc(plan.startsAt),
      endsAt: utc(plan.endsAt),
      place: plan.place,
      scope,
      onSite: plan.onSite,
      standby: plan.standby,
      communicationPlan: plan.communicationPlan,
    };
  }

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}
