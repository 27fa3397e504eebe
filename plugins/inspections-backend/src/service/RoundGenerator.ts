import type { EngineerApprovalService } from '@internal/plugin-access-node';
import type { DutyService } from '@internal/plugin-duty-node';
import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  addDays,
  assignRoutes,
  ChecklistTemplateVersion,
  dueOccurrences,
  Occurrence,
  Plan,
  planCovers,
  routeKeyOf,
  routeOrderKey,
  toDay,
  WorkingDays,
} from '@internal/plugin-inspections-common';
import { UncoveredYearError } from '@internal/plugin-sla-common';
import { CourtClock } from '@internal/plugin-court-node';
import { InspectionStores } from '../database/InspectionStores';
import { NewCheck, NewRound } from '../database/rows';
import { InspectedEntity } from './DeviceDirectory';
import { TemplateLibrary } from './TemplateLibrary';
import { UncoveredYearAlert } from './UncoveredYearAlert';

/** Who the generator writes down as having created scheduled rounds. */
export const GENERATOR = 'plugin:inspections';

/** What the generator needs to know of the catalog. */
export interface Inventory {
  list(): Promise<InspectedEntity[]>;
  members(groupRef: string): Promise<string[]>;
}

/** One device due under one plan on one date. */
interface Due {
  readonly plan: Plan;
  readonly occurrence: Occurrence;
  readonly entity: InspectedEntity;
  readonly template: ChecklistTemplateVersion;
  readonly key: string;
  readonly routeKey: string;
}

export interface GenerationResult {
  readonly from: string;
  readonly to: string;
  readonly roundsCreated: number;
  readonly checksCreated: number;
  /** Plans that could not be scheduled (an uncovered year, an unknown calendar). */
  readonly failedPlans: readonly string[];
  /** The failed plans that wait for a year's official schedule, by year. */
  readonly uncoveredYears: readonly {
    readonly year: number;
    readonly plans: readonly string[];
  }[];
}

/**
 * Creates the scheduled rounds of a range of days: each plan's devices on
 * each date the plan is due, grouped into one round per day, team and
 * building, and handed out among the engineers on on-site duty for the
 * team's post that day (round robin to the team without one). Idempotent: a check is
 * keyed by plan, device and date, a round by day, team and building, so a
 * second run, another replica or a catch-up over days already done adds
 * nothing.
 */
export class RoundGenerator {
  constructor(
    private readonly deps: {
      stores: Pick<InspectionStores, 'plans' | 'rounds'>;
      templates: TemplateLibrary;
      inventory: Inventory;
      /** The working days of a calendar id. */
      workingDays: (calendarId: string) => WorkingDays;
      logger: LoggerService;
      catchUpDays: number;
      clock: CourtClock;
      /** Tells the ops managers when rounds wait for a missing year. */
      alert: Pick<UncoveredYearAlert, 'raise'>;
      /** SEC-2: rounds go only to engineers the court approved and has not suspended. */
      approvals: Pick<EngineerApprovalService, 'checkMany'>;
      /** The duty roster (DUTY-1): who stands on-site duty for a post on a day. */
      duty: Pick<DutyService, 'onSiteFor'>;
      /** The duty post whose engineers walk a team's rounds. */
      dutyPosts: readonly { readonly team: string; readonly post: string }[];
    },
  ) {}

  /** Of `people`, those who may be assigned work today. */
  private async assignable(people: readonly string[]): Promise<string[]> {
    const decisions = await this.deps.approvals.checkMany(people);
    return people.filter(person => decisions.get(person)?.assignable);
  }

  /**
   * Who walks a team's rounds on a date: the engineers on on-site duty for the team's post that
   * day; without a post, a roster or anyone on it, the team's members in turn, saying why.
   */
  private async walkersOf(team: string, date: string): Promise<string[]> {
    const post = this.deps.dutyPosts.find(p => p.team === team)?.post;
    const rostered = post
      ? await this.deps.duty.onSiteFor(date, post)
      : undefined;
    const walkers = rostered && (await this.assignable(rostered));
    if (walkers && walkers.length > 0) return walkers;
    let reason: string;
    if (!post)
      reason = `no duty post is set for ${team} (inspections.dutyPosts)`;
    else if (!rostered) reason = 'the duty roster did not answer';
    else reason = `nobody assignable is on on-site duty for the ${post} post`;
    this.deps.logger.info(
      `inspection rounds of ${team} on ${date} go round robin to the team: ${reason}`,
    );
    return this.assignable(await this.deps.inventory.members(team));
  }

  /**
   * Everything due from the day after the last run through `today`, at most
   * `catchUpDays` back; on a first run, today only. Today is always redone,
   * so devices added to the catalog since the last run join today's rounds.
   */
  async catchUp(today: string): Promise<GenerationResult> {
    const { stores, catchUpDays } = this.deps;
    const through = await stores.rounds.generatedThrough();
    const earliest = addDays(today, 1 - catchUpDays);
    let from = today;
    if (through !== undefined && toDay(through) < toDay(today)) {
      const next = addDays(through, 1);
      from = toDay(next) < toDay(earliest) ? earliest : next;
    }
    const result = await this.generate(from, today);
    for (const { year, plans } of result.uncoveredYears) {
      await this.deps.alert.raise(year, plans, from);
    }
    // A plan that failed is retried from the same day next time, once its
    // calendar can answer (e.g. next year's official schedule was added).
    if (result.failedPlans.length === 0) {
      await stores.rounds.setGeneratedThrough(
        today,
        this.deps.clock.now().toUTC().toISO()!,
      );
    }
    return result;
  }

  /** Creates the checks and rounds due in [from, to] that do not exist yet. */
  async generate(from: string, to: string): Promise<GenerationResult> {
    const { stores, inventory, logger } = this.deps;
    const plans = (await stores.plans.listPlans()).filter(plan => plan.active);
    const nothing = { from, to, roundsCreated: 0, checksCreated: 0 };
    if (plans.length === 0) {
      return { ...nothing, failedPlans: [], uncoveredYears: [] };
    }
    const entities = await inventory.list();
    const failedPlans: string[] = [];
    const waiting = new Map<number, string[]>();
    const due = plans.flatMap(plan => {
      const occurrences = this.occurrencesOf(plan, from, to);
      if (occurrences instanceof Error) {
        failedPlans.push(plan.id);
        if (occurrences instanceof UncoveredYearError) {
          const { year } = occurrences;
          waiting.set(year, [...(waiting.get(year) ?? []), plan.id]);
        }
        return [];
      }
      return this.dueUnder(plan, occurrences, entities);
    });
    const failures = {
      failedPlans,
      uncoveredYears: [...waiting].map(([year, held]) => ({
        year,
        plans: held,
      })),
    };
    const existing = await stores.rounds.existingOccurrences(from, to);
    const fresh = due.filter(d => !existing.has(d.key));
    if (fresh.length === 0) return { ...nothing, ...failures };

    const rounds = await this.roundsFor(due, fresh);
    const ids = await stores.rounds.ensureRounds([...rounds.values()]);
    const checks: NewCheck[] = fresh.map(d => ({
      id: randomUUID(),
      roundId: ids.get(scheduleKey(d))!,
      planId: d.plan.id,
      occurrenceKey: d.key,
      deviceRef: d.entity.ref,
      deviceTitle: d.entity.title,
      deviceClass: d.entity.deviceClass,
      systemRef: d.entity.systemRef,
      location: d.entity.location,
      routeOrder: routeOrderKey(d.entity.location, d.entity.name),
      templateId: d.template.id,
      templateVersion: d.template.version,
      dueDate: d.occurrence.date,
      dueBy: d.occurrence.dueBy,
    }));
    const checksCreated = await stores.rounds.insertChecks(checks);
    logger.info(
      `inspection rounds ${from}..${to}: ${checksCreated} checks created in ${rounds.size} rounds`,
    );
    return {
      from,
      to,
      roundsCreated: rounds.size,
      checksCreated,
      ...failures,
    };
  }

  /** The plan's dates in [from, to], or why its calendar cannot say. */
  private occurrencesOf(
    plan: Plan,
    from: string,
    to: string,
  ): Occurrence[] | Error {
    try {
      return dueOccurrences(
        plan,
        this.deps.workingDays(plan.calendar),
        from,
        to,
      );
    } catch (error) {
      // An uncovered year or an unknown calendar stops this plan, not the others.
      this.deps.logger.error(
        `inspection plan ${plan.id}: ${(error as Error).message}`,
      );
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private dueUnder(
    plan: Plan,
    occurrences: readonly Occurrence[],
    entities: readonly InspectedEntity[],
  ): Due[] {
    const { templates, logger } = this.deps;
    const covered: {
      entity: InspectedEntity;
      template: ChecklistTemplateVersion;
    }[] = [];
    const untemplated: string[] = [];
    for (const entity of entities.filter(e => planCovers(plan, e))) {
      const template = plan.template
        ? templates.get(plan.template)
        : templates.forProfile(entity.profile);
      if (template) covered.push({ entity, template });
      else untemplated.push(`${entity.ref} (${entity.profile})`);
    }
    if (untemplated.length > 0) {
      logger.warn(
        `inspection plan ${
          plan.id
        }: no checklist template for ${untemplated.join(', ')}`,
      );
    }
    return occurrences.flatMap(occurrence =>
      covered.map(({ entity, template }) => ({
        plan,
        occurrence,
        entity,
        template,
        key: `${plan.id}|${entity.ref}|${occurrence.date}`,
        routeKey: routeKeyOf(entity.location),
      })),
    );
  }

  /**
   * The rounds the fresh checks go into. Who walks a route is decided from
   * all of the day's routes of the team, not only the new ones, so a
   * catch-up hands out the same routes as the day itself would have.
   */
  private async roundsFor(
    due: readonly Due[],
    fresh: readonly Due[],
  ): Promise<Map<string, NewRound>> {
    const routesOfDay = new Map<string, string[]>();
    for (const d of due) {
      const dayTeam = `${d.occurrence.date}|${d.plan.team}`;
      routesOfDay.set(dayTeam, [
        ...(routesOfDay.get(dayTeam) ?? []),
        d.routeKey,
      ]);
    }
    const walkers = new Map<string, string[]>();
    const createdAt = this.deps.clock.now().toUTC().toISO()!;
    const rounds = new Map<string, NewRound>();
    for (const d of fresh) {
      const key = scheduleKey(d);
      if (rounds.has(key)) continue;
      const { team } = d.plan;
      const dayTeam = `${d.occurrence.date}|${team}`;
      if (!walkers.has(dayTeam)) {
        walkers.set(dayTeam, await this.walkersOf(team, d.occurrence.date));
      }
      const assignment = assignRoutes(
        routesOfDay.get(dayTeam)!,
        walkers.get(dayTeam)!,
        toDay(d.occurrence.date),
      );
      rounds.set(key, {
        id: randomUUID(),
        date: d.occurrence.date,
        kind: 'scheduled',
        team,
        routeKey: d.routeKey,
        scheduleKey: key,
        assignee: assignment.get(d.routeKey),
        createdAt,
        createdBy: GENERATOR,
      });
    }
    return rounds;
  }
}

function scheduleKey(d: Due): string {
  return `${d.occurrence.date}|${d.plan.team}|${d.routeKey}`;
}
