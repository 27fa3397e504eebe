import { randomUUID } from 'node:crypto';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { actorOf, Caller } from '@internal/plugin-court-node';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { EngineerApprovalService } from '@internal/plugin-access-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { LocationRegister } from '@internal/plugin-court-common';
import {
  adHocRoundRequestSchema,
  answerProblem,
  ChecklistItem,
  ChecklistTemplateVersion,
  CoverageReport,
  coverageQuerySchema,
  deviceState,
  EntityInspections,
  evaluateItem,
  FailedItem,
  formatAnswer,
  InspectionCheck,
  inspectionCoverageReadPermission,
  inspectionPlanManagePermission,
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
  isRequired,
  ItemResult,
  NextDue,
  nextOccurrence,
  PlaceInfo,
  Plan,
  planCovers,
  RoundDetail,
  routeKeyOf,
  routeOrderKey,
  compareRouteOrder,
  RoundSummary,
  saveResultRequestSchema,
  SaveResultResponse,
  ScanResponse,
  scanRequestSchema,
  StoredPlan,
  summarizeCoverage,
  summarizeViruses,
  TodayRounds,
  VirusSummary,
  virusSummaryQuerySchema,
  WorkingDays,
  addDays,
  mergeTallies,
  toDay,
} from '@internal/plugin-inspections-common';
import { CourtClock } from '@internal/plugin-court-node';
import { UncoveredYearError } from '@internal/plugin-sla-common';
import { z } from 'zod';
import { EntityScope } from '../database/CoverageStore';
import { InspectionStores } from '../database/InspectionStores';
import { StoredCheck, StoredResult, StoredRound } from '../database/rows';
import { InspectedEntity } from './DeviceDirectory';
import { IncidentFiler } from './IncidentFiler';
import { labelledDevices } from './LabelSheet';
import { Inventory, RoundGenerator } from './RoundGenerator';
import { TemplateLibrary } from './TemplateLibrary';

/** Who is calling: a signed-in user, or another plugin. */
const HISTORY = 20;

/**
 * Inspections: rounds and their answers, scans, coverage, the entity tab.
 * Checks permissions, evaluates answers against the round's template version
 * and files incidents for failing ones.
 */
export class InspectionService {
  private readonly templateCache = new Map<string, ChecklistTemplateVersion>();

  constructor(
    private readonly deps: {
      stores: InspectionStores;
      templates: TemplateLibrary;
      inventory: Inventory & {
        get(ref: string): Promise<InspectedEntity | undefined>;
        /** Whether the catalog has the entity at all (a system, say). */
        exists(ref: string): Promise<boolean>;
      };
      generator: RoundGenerator;
      filer: IncidentFiler;
      permissions: PermissionsService;
      register: LocationRegister;
      /** The working days of a calendar id. */
      workingDays: (calendarId: string) => WorkingDays;
      /** The calendar whose zone and days say what "today" is. */
      calendarId: string;
      zone: string;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
      /** SEC-2: a round named for someone goes only to an engineer the court approves. */
      approvals: Pick<EngineerApprovalService, 'checkMany'>;
    },
  ) {}

  /** Today in the court's zone. */
  today(): string {
    return this.deps.clock.now().setZone(this.deps.zone).toISODate()!;
  }

  private instant(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }

  /** @throws NotAllowedError (403); the router asks this before it reads a request's input. */
  async authorize(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  // --- rounds -------------------------------------------------------------

  async rounds(date: string | undefined, caller: Caller): Promise<TodayRounds> {
    await this.authorize(inspectionRoundReadPermission, caller);
    const today = this.today();
    const day = date ?? today;
    const workingDay = this.deps
      .workingDays(this.deps.calendarId)
      .isWorkingDay(day);
    let rounds = await this.deps.stores.rounds.roundsOn(day);
    // Before the first scheduled run has found the catalog (a fresh start),
    // today's rounds are made on demand; generation is idempotent.
    if (
      day === today &&
      workingDay &&
      !rounds.some(r => r.kind === 'scheduled')
    ) {
      const { checksCreated } = await this.deps.generator.generate(day, day);
      if (checksCreated > 0)
        rounds = await this.deps.stores.rounds.roundsOn(day);
    }
    return {
      date: day,
      workingDay,
      rounds: rounds.map(r => this.presentRound(r)),
    };
  }

  async round(id: string, caller: Caller): Promise<RoundDetail> {
    await this.authorize(inspectionRoundReadPermission, caller);
    const round = await this.deps.stores.rounds.round(id);
    if (!round) throw new NotFoundError(`no inspection round ${id}`);
    const checks = (await this.deps.stores.rounds.checksOfRound(id)).sort(
      (a, b) => compareRouteOrder(a.routeOrder, b.routeOrder),
    );
    const presented = await this.presentChecks(checks);
    return {
      round: this.presentRound(round),
      checks: presented,
      templates: await this.templatesOf(checks),
    };
  }

  /** "Inspect now": a round for a building's devices or for the devices named, today. */
  /**
   * Who walks an ad-hoc round: a user walks their own; only a backend (a service principal)
   * names someone, and only an engineer the court approves.
   */
  private async assigneeOf(
    named: string | undefined,
    caller: Caller,
  ): Promise<string | undefined> {
    if (named === undefined) {
      return caller.principal.type === 'user' ? actorOf(caller) : undefined;
    }
    if (caller.principal.type !== 'service') {
      throw new NotAllowedError(
        'body.assignee: only another family of the portal names who walks a round; yours is your own',
      );
    }
    const decision = (await this.deps.approvals.checkMany([named])).get(named);
    if (!decision?.assignable) {
      throw new ConflictError(
        `body.assignee: ${
          decision?.message ?? `${named} is not an engineer approved for the court`
        }`,
      );
    }
    return named;
  }

  async startAdHoc(
    request: z.output<typeof adHocRoundRequestSchema>,
    caller: Caller,
  ): Promise<RoundSummary> {
    await this.authorize(inspectionRoundRunPermission, caller);
    const assignee = await this.assigneeOf(request.assignee, caller);
    const { inventory, templates } = this.deps;
    let entities: InspectedEntity[];
    if (request.building) {
      entities = (await inventory.list()).filter(
        e =>
          e.kind === 'resource' && routeKeyOf(e.location) === request.building,
      );
    } else {
      const refs = request.devices!;
      const found = await Promise.all(refs.map(ref => inventory.get(ref)));
      const missing = refs.flatMap((ref, i) =>
        found[i]
          ? []
          : [`body.devices[${i}]: ${ref} is not a device in the catalog`],
      );
      if (missing.length) throw new InputError(missing.join('; '));
      entities = found.flatMap(e => e ?? []);
    }
    const withTemplate = entities.flatMap(entity => {
      const template = templates.forProfile(entity.profile);
      return template ? [{ entity, template }] : [];
    });
    if (withTemplate.length === 0) {
      throw new InputError(
        request.building
          ? `body.building: no device with a checklist in building ${request.building}`
          : 'body.devices: none of these devices has a checklist template',
      );
    }
    const today = this.today();
    const actor = actorOf(caller);
    const routeKeys = new Set(
      withTemplate.map(w => routeKeyOf(w.entity.location)),
    );
    const round = {
      id: randomUUID(),
      date: today,
      kind: 'ad-hoc' as const,
      routeKey: routeKeys.size === 1 ? [...routeKeys][0] : 'MIX',
      assignee,
      createdAt: this.instant(),
      createdBy: actor,
    };
    const stored = await this.deps.stores.rounds.insertAdHocRound(
      round,
      withTemplate.map(({ entity, template }) => ({
        id: randomUUID(),
        roundId: round.id,
        deviceRef: entity.ref,
        deviceTitle: entity.title,
        deviceClass: entity.deviceClass,
        systemRef: entity.systemRef,
        location: entity.location,
        routeOrder: routeOrderKey(entity.location, entity.name),
        templateId: template.id,
        templateVersion: template.version,
        dueDate: today,
        dueBy: today,
      })),
    );
    return this.presentRound(stored);
  }

  // --- answers ------------------------------------------------------------

  async saveResult(
    checkId: string,
    itemId: string,
    request: z.output<typeof saveResultRequestSchema>,
    caller: Caller,
  ): Promise<SaveResultResponse> {
    await this.authorize(inspectionRoundRunPermission, caller);
    const { stores, filer } = this.deps;
    const check = await stores.rounds.check(checkId);
    if (!check) throw new NotFoundError(`no inspection check ${checkId}`);
    const template = await this.template(
      check.templateId,
      check.templateVersion,
    );
    const item = template.items.find(i => i.id === itemId);
    if (!item) {
      throw new NotFoundError(
        `checklist ${template.id} v${template.version} has no item ${itemId}`,
      );
    }
    const problem = answerProblem(item, request.value);
    if (problem) throw new InputError(`body.value: ${problem}`);
    const saved = await stores.rounds.saveResult(
      {
        checkId,
        itemId,
        value: request.value,
        verdict: evaluateItem(item, request.value),
        stat: item.stat,
        remark: request.remark,
        idempotencyKey: request.idempotencyKey,
        recordedBy: actorOf(caller),
        recordedAt: this.instant(),
      },
      template.items.filter(isRequired).map(i => i.id),
    );
    const ticketNumber = await filer.fileFor(check, saved.result, item);
    return {
      result: presentResult({ ...saved.result, ticketNumber }),
      check: {
        id: saved.check.id,
        status: saved.check.status,
        completedAt: saved.check.completedAt,
      },
      replayed: saved.replayed,
    };
  }

  /** Files the incidents a desk outage left unfiled; the scheduled run calls it. */
  async fileUnfiled(): Promise<number> {
    const { stores, filer } = this.deps;
    let filed = 0;
    for (const result of await stores.rounds.unfiledFailures(50)) {
      const check = (await stores.rounds.check(result.checkId))!;
      const template = await this.template(
        check.templateId,
        check.templateVersion,
      );
      const item = template.items.find(i => i.id === result.itemId);
      if (item && (await filer.fileFor(check, result, item))) filed++;
    }
    return filed;
  }

  /**
   * A label scanned on site: recorded as evidence on the device's open check
   * (in the round being walked, else in today's rounds), which it returns.
   */
  async scan(
    request: z.output<typeof scanRequestSchema>,
    caller: Caller,
  ): Promise<ScanResponse> {
    await this.authorize(inspectionRoundRunPermission, caller);
    const device = await this.deps.inventory.get(request.device);
    if (!device) {
      throw new InputError(
        `body.device: ${request.device} is not a device in the catalog`,
      );
    }
    const check = await this.deps.stores.rounds.openCheckOf(
      request.device,
      this.today(),
      request.roundId,
    );
    const at = this.instant();
    await this.deps.stores.rounds.recordScan({
      deviceRef: request.device,
      checkId: check?.id,
      by: actorOf(caller),
      at,
    });
    return {
      deviceRef: request.device,
      deviceTitle: device.title,
      scannedAt: at,
      roundId: check?.roundId,
      checkId: check?.id,
    };
  }

  // --- coverage -------------------------------------------------------------

  async coverage(
    query: z.output<typeof coverageQuerySchema>,
    caller: Caller,
  ): Promise<CoverageReport> {
    await this.authorize(inspectionCoverageReadPermission, caller);
    const asOf = this.today();
    const [tallies, overdue] = await Promise.all([
      this.deps.stores.coverage.coverageTallies(
        query.from,
        query.to,
        asOf,
        query.system,
      ),
      this.deps.stores.coverage.overdueChecks(
        query.from,
        query.to,
        asOf,
        query.system,
      ),
    ]);
    return {
      from: query.from,
      to: query.to,
      asOf,
      ...summarizeCoverage(tallies),
      devices: mergeTallies(tallies).map(d => ({
        ...d,
        state: deviceState(d),
      })),
      overdue,
    };
  }

  async virusSummary(
    period: z.output<typeof virusSummaryQuerySchema>,
    caller: Caller,
  ): Promise<VirusSummary> {
    await this.authorize(inspectionCoverageReadPermission, caller);
    return summarizeViruses(
      period,
      await this.deps.stores.coverage.virusAnswers(period.from, period.to),
    );
  }

  // --- entity tab -------------------------------------------------------------

  async entity(ref: string, caller: Caller): Promise<EntityInspections> {
    await this.authorize(inspectionRoundReadPermission, caller);
    const { stores } = this.deps;
    const scope: EntityScope = ref.startsWith('system:')
      ? { system: ref }
      : { device: ref };
    const today = this.today();
    const [history, failures, open] = await Promise.all([
      stores.coverage.checksOf(scope, today, HISTORY),
      stores.coverage.failuresOf(scope, HISTORY),
      stores.coverage.openChecksOf(scope),
    ]);
    const presented = await this.presentChecks(history);
    const failureTemplates = await this.templatesOf(failures.map(f => f.check));
    return {
      entityRef: ref,
      nextDue: await this.nextDue(ref, scope, open, today),
      history: presented,
      failures: failures.map(({ check, result }) =>
        presentFailure(check, result, failureTemplates),
      ),
      templates: await this.templatesOf(history),
    };
  }

  /** Per plan covering the entity: its open check, and the next date it is due. */
  private async nextDue(
    ref: string,
    scope: EntityScope,
    open: readonly StoredCheck[],
    today: string,
  ): Promise<NextDue[]> {
    const { inventory, stores } = this.deps;
    const plans = (await stores.plans.listPlans()).filter(p => p.active);
    const entities =
      'device' in scope
        ? [await inventory.get(ref)].flatMap(e => e ?? [])
        : (await inventory.list()).filter(e => e.systemRef === ref);
    const result: NextDue[] = [];
    for (const plan of plans.filter(p =>
      entities.some(e => planCovers(p, e)),
    )) {
      const title = {
        planId: plan.id,
        planTitle: plan.title,
        planTitleEn: plan.titleEn,
      };
      const openCheck = open.find(c => c.planId === plan.id);
      if (openCheck) {
        result.push({
          ...title,
          date: openCheck.dueDate,
          dueBy: openCheck.dueBy,
          open: {
            checkId: openCheck.id,
            roundId: openCheck.roundId,
            overdue: toDay(openCheck.dueBy) < toDay(today),
          },
        });
        continue;
      }
      try {
        const next = nextOccurrence(
          plan,
          this.deps.workingDays(plan.calendar),
          addDays(today, 1),
        );
        if (next) result.push({ ...title, date: next.date, dueBy: next.dueBy });
      } catch (error) {
        // Never "no plan": the date waits for that year's official schedule.
        if (!(error instanceof UncoveredYearError)) throw error;
        result.push({ ...title, unknownUntil: error.year });
      }
    }
    // Known dates first, in order; the unknown ones (later than any) after them.
    const key = (next: NextDue) => next.date ?? '9999-12-31';
    return result.sort((a, b) => key(a).localeCompare(key(b)));
  }

  // --- templates and plans ------------------------------------------------------

  async templatesInForce(caller: Caller): Promise<ChecklistTemplateVersion[]> {
    await this.authorize(inspectionRoundReadPermission, caller);
    return [...this.deps.templates.current];
  }

  async plans(caller: Caller): Promise<StoredPlan[]> {
    await this.authorize(inspectionRoundReadPermission, caller);
    return this.deps.stores.plans.listPlans();
  }

  async savePlan(plan: Plan, caller: Caller): Promise<StoredPlan> {
    await this.authorize(inspectionPlanManagePermission, caller);
    if (plan.template && !this.deps.templates.get(plan.template)) {
      throw new InputError(
        `body.template: no checklist template ${plan.template}`,
      );
    }
    try {
      this.deps.workingDays(plan.calendar);
    } catch (error) {
      throw new InputError(`body.calendar: ${(error as Error).message}`);
    }
    return this.deps.stores.plans.savePlan(
      plan,
      actorOf(caller),
      this.instant(),
    );
  }

  /** The devices of a label sheet, in walking order. */
  async labelDevices(
    filter: { system?: string; building?: string },
    caller: Caller,
  ): Promise<InspectedEntity[]> {
    await this.authorize(inspectionRoundReadPermission, caller);
    const devices = labelledDevices(await this.deps.inventory.list(), filter);
    // An empty sheet for a system that does not exist would look like one without devices.
    if (
      devices.length === 0 &&
      filter.system &&
      !(await this.deps.inventory.exists(filter.system))
    ) {
      throw new NotFoundError(
        `query.system: ${filter.system} is not in the catalog`,
      );
    }
    return devices;
  }

  // --- presentation -------------------------------------------------------------

  private async template(id: string, version: number) {
    const [template] = await this.templatesOf([
      { templateId: id, templateVersion: version },
    ]);
    if (!template) throw new NotFoundError(`no checklist ${id} v${version}`);
    return template;
  }

  /** The template versions some checks use, each once. */
  private async templatesOf(
    checks: readonly Pick<StoredCheck, 'templateId' | 'templateVersion'>[],
  ): Promise<ChecklistTemplateVersion[]> {
    const keyOf = (id: string, version: number) => `${id}@${version}`;
    const wanted = new Map(
      checks.map(c => [
        keyOf(c.templateId, c.templateVersion),
        { id: c.templateId, version: c.templateVersion },
      ]),
    );
    const missing = [...wanted.entries()].filter(
      ([k]) => !this.templateCache.has(k),
    );
    for (const template of await this.deps.stores.templates.templateVersions(
      missing.map(([, v]) => v),
    )) {
      this.templateCache.set(keyOf(template.id, template.version), template);
    }
    return [...wanted.keys()].flatMap(k => this.templateCache.get(k) ?? []);
  }

  private place(id: string | undefined): PlaceInfo | undefined {
    const location = id ? this.deps.register.get(id) : undefined;
    return (
      location && {
        id: location.id,
        building: location.building,
        buildingEn: location.buildingEn,
        floor: location.floor,
        room: location.room,
        roomEn: location.roomEn,
      }
    );
  }

  private presentRound(round: StoredRound): RoundSummary {
    const building = this.deps.register.locations.find(
      l => routeKeyOf(l.id) === round.routeKey,
    );
    return {
      ...round,
      building: building && {
        name: building.building,
        nameEn: building.buildingEn,
      },
    };
  }

  private async presentChecks(
    checks: readonly StoredCheck[],
  ): Promise<InspectionCheck[]> {
    const results = await this.deps.stores.rounds.resultsOf(
      checks.map(c => c.id),
    );
    return checks.map(check => ({
      id: check.id,
      roundId: check.roundId,
      planId: check.planId,
      deviceRef: check.deviceRef,
      deviceTitle: check.deviceTitle,
      deviceClass: check.deviceClass,
      systemRef: check.systemRef,
      location: this.place(check.location),
      template: { id: check.templateId, version: check.templateVersion },
      dueDate: check.dueDate,
      dueBy: check.dueBy,
      status: check.status,
      scannedAt: check.scannedAt,
      completedAt: check.completedAt,
      completedBy: check.completedBy,
      results: results.filter(r => r.checkId === check.id).map(presentResult),
    }));
  }
}

function presentResult(result: StoredResult): ItemResult {
  return {
    itemId: result.itemId,
    value: result.value,
    verdict: result.verdict,
    remark: result.remark,
    recordedBy: result.recordedBy,
    recordedAt: result.recordedAt,
    incident: result.ticketNumber ? { number: result.ticketNumber } : undefined,
    incidentPending: result.verdict !== 'pass' && !result.ticketNumber,
  };
}

function presentFailure(
  check: StoredCheck,
  result: StoredResult,
  templates: readonly ChecklistTemplateVersion[],
): FailedItem {
  const item: ChecklistItem | undefined = templates
    .find(t => t.id === check.templateId && t.version === check.templateVersion)
    ?.items.find(i => i.id === result.itemId);
  return {
    checkId: check.id,
    roundId: check.roundId,
    deviceRef: check.deviceRef,
    deviceTitle: check.deviceTitle,
    dueDate: check.dueDate,
    itemId: result.itemId,
    label: item?.label ?? result.itemId,
    labelEn: item?.labelEn ?? result.itemId,
    answer: item
      ? formatAnswer(item, result.value)
      : JSON.stringify(result.value),
    verdict: result.verdict,
    recordedAt: result.recordedAt,
    recordedBy: result.recordedBy,
    incident: result.ticketNumber ? { number: result.ticketNumber } : undefined,
  };
}
