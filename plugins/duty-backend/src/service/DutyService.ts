import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  Caller,
  CourtClock,
  actorOf,
  parseInput,
} from '@internal/plugin-court-node';
import {
  AttendanceFlag,
  AttendanceRecord,
  CourtDayKind,
  DutyConfig,
  Leave,
  OfficialDays,
  OnCall,
  Roster,
  RosterContext,
  RosterProblem,
  Shift,
  ShiftSlot,
  Swap,
  addShiftSchema,
  checkInSchema,
  checkRoster,
  courtDayKind,
  datesOfMonth,
  decisionSchema,
  dutyAttendanceReadPermission,
  dutyLeaveApproveContractorPermission,
  dutyLeaveApproveCourtPermission,
  dutyRosterManagePermission,
  dutyRosterReadPermission,
  dutyShiftStandPermission,
  generateRoster,
  generateRosterSchema,
  leaveQuerySchema,
  monthQuerySchema,
  monthSchema,
  onCallAt,
  onCallQuerySchema,
  publishRosterSchema,
  requestLeaveSchema,
  requestSwapSchema,
  shiftInstants,
  updateShiftSchema,
  FilingDutySpan,
  filingDutySpanQuerySchema,
} from '@internal/plugin-duty-common';
import { DateTime } from 'luxon';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { DutyStore } from '../database/DutyStore';
import { attendanceWorkbook } from './attendanceSheet';
import { shiftsCalendar } from './ical';

/** What `allowed` is asked: a permission, or deciding leave (either side's permission). */
export type DutyAction = BasicPermission | 'decide-leave';

/** Tells people about changes to their duty (Backstage notifications in the plugin). */
export interface DutyNotifier {
  notify(
    recipients: readonly string[],
    message: { title: string; description: string; link: string },
  ): Promise<void>;
}

/** Rules a change may not break; coverage gaps and vacancies are shown, not refused. */
const HARD_RULES = new Set<RosterProblem['rule']>([
  'double-booking',
  'rest',
  'on-leave',
  'not-approved',
  'not-qualified',
]);

const DAY_MS = 86_400_000;

function describe(problem: RosterProblem): string {
  switch (problem.rule) {
    case 'double-booking':
      return `${
        problem.engineer
      } would be on two shifts at once (${problem.shiftIds.join(', ')})`;
    case 'rest':
      return `${
        problem.engineer
      } would not rest after phone duty (${problem.shiftIds.join(', ')})`;
    case 'on-leave':
      return `${problem.engineer} is on leave on shift ${problem.shiftId}`;
    case 'not-approved':
      return `${problem.engineer} is not approved for the court (shift ${problem.shiftId})`;
    case 'not-qualified':
      return `${problem.engineer} may not stand shift ${problem.shiftId}`;
    case 'coverage':
      return `${problem.date} ${problem.post}: ${problem.have} of ${problem.needed} on site`;
    case 'phone':
      return `${problem.date}: ${problem.have} on phone duty instead of one`;
    default:
      return `shift ${problem.shiftId} on ${problem.date} is vacant`;
  }
}

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
}

/**
 * The duty rules over the store: permissions first, then the input, then the roster rules;
 * published changes are told to those affected.
 */
export class DutyService {
  private readonly team: Set<string>;

  constructor(
    private readonly options: {
      store: DutyStore;
      permissions: PermissionsService;
      config: DutyConfig;
      clock: CourtClock;
      /** The official calendar in effect (years entered in the portal included). */
      officialDays: () => Promise<OfficialDays>;
      notifier: DutyNotifier;
      /** Where the duty API is reached from outside (for calendar feed URLs). */
      externalBaseUrl: () => Promise<string>;
      /** The portal's address, for the duty room's QR code. */
      appBaseUrl: string;
      /** SEC-2: which of the engineers the court approves now (the access family's one check, asked once for all). */
      approvedOf: (
        engineers: readonly string[],
      ) => Promise<ReadonlySet<string>>;
    },
  ) {
    this.team = new Set(options.config.engineers.map(e => e.ref));
  }

  private get store() {
    return this.options.store;
  }

  private get config() {
    return this.options.config;
  }

  private now(): string {
    return this.options.clock.now().toUTC().toISO()!;
  }

  private async allowed(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission }],
      {
        credentials: caller,
      },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** @throws NotAllowedError unless the caller may. */
  async authorize(action: DutyAction, caller: Caller): Promise<void> {
    if (action === 'decide-leave') {
      if ((await this.leaveSides(caller)).length === 0) {
        throw new NotAllowedError('You may not decide leave');
      }
      return;
    }
    if (!(await this.allowed(action, caller))) {
      throw new NotAllowedError(`You may not ${action.name}`);
    }
  }

  private async leaveSides(
    caller: Caller,
  ): Promise<Array<'court' | 'contractor'>> {
    const sides: Array<'court' | 'contractor'> = [];
    if (await this.allowed(dutyLeaveApproveCourtPermission, caller))
      sides.push('court');
    if (await this.allowed(dutyLeaveApproveContractorPermission, caller))
      sides.push('contractor');
    return sides;
  }

  private engineerOf(caller: Caller, field: string): string {
    const who = actorOf(caller);
    if (!this.team.has(who)) {
      throw new InputError(
        `${field}: ${who} is not an engineer of the duty team`,
      );
    }
    return who;
  }

  setup() {
    return {
      posts: this.config.posts,
      engineers: this.config.engineers.map(e => e.ref),
      zone: this.config.zone,
      onSite: this.config.onSite,
      phone: this.config.phone,
    };
  }

  /** Each date's kind on the court's calendar (working, rest, holiday) as it stands now. */
  async dayKindOf(): Promise<(date: string) => CourtDayKind> {
    const official = await this.options.officialDays();
    return date => {
      try {
        return courtDayKind(official, date);
      } catch {
        // A year without its official schedule yet: the weekday decides until it is entered.
        return DateTime.fromISO(date).weekday >= 6 ? 'rest' : 'working';
      }
    };
  }

  /** The team's engineers the court approves now, asked once per check (SEC-2). */
  private approved: ReadonlySet<string> | undefined;

  private async refreshApprovals(): Promise<ReadonlySet<string>> {
    this.approved = await this.options.approvedOf([...this.team]);
    return this.approved;
  }

  private async context(
    from: string,
    to: string,
    store = this.store,
  ): Promise<RosterContext> {
    const leaves = await store.listLeave({
      status: 'approved',
      overlapping: { from, to },
    });
    // Inside a transaction the answer refreshed just before it is used: asking the access plugin
    // then would wait on this plugin's own database (SQLite has one connection) to verify the call.
    const approved =
      store === this.store || !this.approved
        ? await this.refreshApprovals()
        : this.approved;
    return {
      config: this.config,
      leaves,
      isApproved: ref => approved.has(ref),
    };
  }

  private async rosterOf(month: string, store = this.store): Promise<Roster> {
    const row = await store.roster(month);
    if (!row) throw new NotFoundError(`There is no roster for ${month}`);
    const dates = datesOfMonth(month);
    const first = dates[0];
    const last = dates[dates.length - 1];
    // The neighbouring days' shifts, so the rest rule sees across the month's edges.
    const shifts = await store.shiftsBetween(
      plusDays(first, -1),
      plusDays(last, 1),
    );
    const dayKindOf = await this.dayKindOf();
    return {
      month,
      status: row.status,
      version: row.version,
      ...(row.publishedAt
        ? { publishedAt: row.publishedAt, publishedBy: row.publishedBy }
        : {}),
      days: dates.map(date => ({ date, dayKind: dayKindOf(date) })),
      shifts: shifts.filter(s => s.month === month),
      problems: checkRoster(
        shifts,
        dates,
        await this.context(first, last, store),
      ),
    };
  }

  async getRoster(month: string, caller: Caller): Promise<Roster> {
    await this.authorize(dutyRosterReadPermission, caller);
    return this.rosterOf(parseInput(monthSchema, month, 'month'));
  }

  async generate(
    month: string,
    body: unknown,
    caller: Caller,
  ): Promise<Roster> {
    await this.authorize(dutyRosterManagePermission, caller);
    const checkedMonth = parseInput(monthSchema, month, 'month');
    const { replace } = parseInput(generateRosterSchema, body ?? {}, 'body');
    const dates = datesOfMonth(checkedMonth);
    const dayKindOf = await this.dayKindOf();
    await this.refreshApprovals();
    return this.store.transaction(async store => {
      const before = await store.shiftsBetween(
        plusDays(dates[0], -1),
        plusDays(dates[0], -1),
      );
      const slots = generateRoster({
        month: checkedMonth,
        context: await this.context(dates[0], dates[dates.length - 1], store),
        dayKindOf,
        phoneBefore:
          before.find(s => s.kind === 'phone')?.engineer ?? undefined,
      });
      await store.saveGenerated(
        checkedMonth,
        slots.map(slot => ({
          ...slot,
          month: checkedMonth,
          ...shiftInstants(this.config, slot.date, slot.kind),
        })),
        actorOf(caller),
        this.now(),
        replace,
      );
      return this.rosterOf(checkedMonth, store);
    });
  }

  /**
   * The hard rules a change would break, about the changed shifts only: the shifts of the days
   * around them, with the change applied.
   */
  private async refusedChange(store: DutyStore, changed: readonly ShiftSlot[]) {
    const dates = [...new Set(changed.map(s => s.date))].sort();
    const around = await store.shiftsBetween(
      plusDays(dates[0], -1),
      plusDays(dates[dates.length - 1], 1),
    );
    const byId = new Map<string, ShiftSlot>(around.map(s => [s.id, s]));
    for (const shift of changed) byId.set(shift.id, shift);
    const ids = new Set(changed.map(s => s.id));
    const problems = checkRoster(
      [...byId.values()],
      dates,
      await this.context(dates[0], dates[dates.length - 1], store),
    ).filter(
      p =>
        HARD_RULES.has(p.rule) &&
        (('shiftId' in p && ids.has(p.shiftId)) ||
          ('shiftIds' in p && p.shiftIds.some(id => ids.has(id)))),
    );
    if (problems.length > 0) {
      throw new ConflictError(problems.map(describe).join('; '));
    }
  }

  private knownEngineer(engineer: string | null, field: string) {
    if (engineer !== null && !this.team.has(engineer)) {
      throw new InputError(
        `${field}: ${engineer} is not an engineer of the duty team`,
      );
    }
  }

  async updateShift(id: string, body: unknown, caller: Caller): Promise<Shift> {
    await this.authorize(dutyRosterManagePermission, caller);
    const request = parseInput(updateShiftSchema, body, 'body');
    this.knownEngineer(request.engineer, 'body.engineer');
    await this.refreshApprovals();
    const { before, after, published } = await this.store.transaction(
      async store => {
        const shift = await store.shift(id);
        if (!shift) throw new NotFoundError(`There is no shift ${id}`);
        await store.lockMonth(shift.month);
        await this.refusedChange(store, [
          { ...shift, engineer: request.engineer },
        ]);
        return {
          before: shift,
          after: await store.setEngineer(
            id,
            request.engineer,
            request.expectedVersion,
          ),
          published: (await store.roster(shift.month))?.status === 'published',
        };
      },
    );
    if (published) await this.tellChange([before], [after]);
    return after;
  }

  async addShift(month: string, body: unknown, caller: Caller): Promise<Shift> {
    await this.authorize(dutyRosterManagePermission, caller);
    const checkedMonth = parseInput(monthSchema, month, 'month');
    const request = parseInput(addShiftSchema, body, 'body');
    if (!request.date.startsWith(checkedMonth)) {
      throw new InputError(`body.date: is not in ${checkedMonth}`);
    }
    if (
      request.post !== undefined &&
      !this.config.posts.some(p => p.id === request.post)
    ) {
      throw new InputError(
        `body.post: is not a post (${this.config.posts
          .map(p => p.id)
          .join(', ')})`,
      );
    }
    this.knownEngineer(request.engineer, 'body.engineer');
    const shift = {
      id: randomUUID(),
      month: checkedMonth,
      date: request.date,
      kind: request.kind,
      ...(request.post ? { post: request.post } : {}),
      engineer: request.engineer,
      ...shiftInstants(this.config, request.date, request.kind),
    };
    await this.refreshApprovals();
    const { added, published } = await this.store.transaction(async store => {
      await store.lockMonth(checkedMonth);
      await this.refusedChange(store, [shift]);
      await store.insertShifts([shift]);
      return {
        added: (await store.shift(shift.id))!,
        published: (await store.roster(checkedMonth))?.status === 'published',
      };
    });
    if (published) await this.tellChange([], [added]);
    return added;
  }

  async publish(month: string, body: unknown, caller: Caller): Promise<Roster> {
    await this.authorize(dutyRosterManagePermission, caller);
    const checkedMonth = parseInput(monthSchema, month, 'month');
    const { expectedVersion } = parseInput(publishRosterSchema, body, 'body');
    await this.refreshApprovals();
    const roster = await this.store.transaction(async store => {
      await store.lockMonth(checkedMonth);
      const current = await this.rosterOf(checkedMonth, store);
      if (current.version !== expectedVersion + 1) {
        throw new ConflictError(
          `The ${checkedMonth} roster changed since version ${expectedVersion}; check it again before publishing`,
        );
      }
      if (current.problems.length > 0) {
        throw new ConflictError(
          `The ${checkedMonth} roster breaks ${
            current.problems.length
          } rule(s): ${current.problems.slice(0, 5).map(describe).join('; ')}`,
        );
      }
      await store.publish(checkedMonth, actorOf(caller), this.now());
      return this.rosterOf(checkedMonth, store);
    });
    const engineers = [
      ...new Set(
        roster.shifts
          .map(s => s.engineer)
          .filter((e): e is string => e !== null),
      ),
    ];
    await this.options.notifier.notify(engineers, {
      title: `${checkedMonth} 值班表已发布 · The ${checkedMonth} duty roster is published`,
      description: '请查看您的班次。See your shifts.',
      link: `/duty?month=${checkedMonth}`,
    });
    return roster;
  }

  /** Tells the engineers taken off and put on shifts of a published roster. */
  private async tellChange(before: readonly Shift[], after: readonly Shift[]) {
    const people = new Set(
      [...before, ...after]
        .map(s => s.engineer)
        .filter((e): e is string => e !== null),
    );
    const dates = [...new Set([...before, ...after].map(s => s.date))]
      .sort()
      .join(', ');
    if (people.size === 0) return;
    await this.options.notifier.notify([...people], {
      title: `值班变更 ${dates} · Duty changed on ${dates}`,
      description:
        '已发布的值班表有变更，请查看您的班次。A published roster changed; see your shifts.',
      link: `/duty?month=${(after[0] ?? before[0]).month}`,
    });
  }

  async myShifts(query: unknown, caller: Caller): Promise<Shift[]> {
    await this.authorize(dutyShiftStandPermission, caller);
    const { month } = parseInput(monthQuerySchema, query, 'query');
    return (await this.store.shiftsOfMonth(month)).filter(
      s => s.engineer === actorOf(caller),
    );
  }

  /** Who is on call at an instant (for other families, through duty-node). */
  async onCallAt(at: string): Promise<OnCall> {
    const instant = DateTime.fromISO(at, { setZone: true });
    const shifts = await this.shiftsRunning(
      instant,
      instant.plus({ milliseconds: 1 }),
    );
    return onCallAt(shifts, at, this.config);
  }

  /**
   * The roster's part of a filing-duty span (duty-common's `FilingDutySpan`): the shifts running
   * in the minute from `query.from` and the rules `onCallAt` reads them with.
   */
  async onCallSpan(
    query: unknown,
    caller: Caller,
  ): Promise<Omit<FilingDutySpan, 'plans' | 'minimumLevel'>> {
    await this.authorize(dutyRosterReadPermission, caller);
    const { from, to } = parseInput(filingDutySpanQuerySchema, query, 'query');
    const { zone, onSite, posts } = this.config;
    return {
      from,
      to,
      zone,
      onSite: { start: onSite.start, end: onSite.end },
      posts: posts.map(p => ({ id: p.id })),
      shifts: await this.shiftsRunning(
        DateTime.fromISO(from, { zone: 'utc' }),
        DateTime.fromISO(to, { zone: 'utc' }),
      ),
    };
  }

  private shiftsRunning(from: DateTime, to: DateTime): Promise<Shift[]> {
    return this.store.runningDuring(
      from.toUTC().toISO()!,
      to.toUTC().toISO()!,
      from.minus({ milliseconds: DAY_MS }).toUTC().toISO()!,
    );
  }

  async onCall(query: unknown, caller: Caller): Promise<OnCall> {
    await this.authorize(dutyRosterReadPermission, caller);
    const { at } = parseInput(onCallQuerySchema, query, 'query');
    return this.onCallAt(at ?? this.now());
  }

  async listSwaps(caller: Caller): Promise<Swap[]> {
    await this.authorize(dutyRosterReadPermission, caller);
    return (await this.allowed(dutyRosterManagePermission, caller))
      ? this.store.listSwaps()
      : this.store.listSwaps(actorOf(caller));
  }

  async requestSwap(body: unknown, caller: Caller): Promise<Swap> {
    await this.authorize(dutyShiftStandPermission, caller);
    const request = parseInput(requestSwapSchema, body, 'body');
    const me = this.engineerOf(caller, 'caller');
    this.knownEngineer(request.toEngineer, 'body.toEngineer');
    if (request.toEngineer === me) {
      throw new InputError('body.toEngineer: is yourself');
    }
    const shift = await this.store.shift(request.shiftId);
    if (!shift)
      throw new InputError(
        `body.shiftId: there is no shift ${request.shiftId}`,
      );
    if (shift.engineer !== me)
      throw new ConflictError(`Shift ${shift.id} is not yours to swap`);
    if (shift.startsAt <= this.now())
      throw new ConflictError(`Shift ${shift.id} has started`);
    if (request.returnShiftId) {
      const back = await this.store.shift(request.returnShiftId);
      if (!back)
        throw new InputError(
          `body.returnShiftId: there is no shift ${request.returnShiftId}`,
        );
      if (back.engineer !== request.toEngineer) {
        throw new ConflictError(
          `Shift ${back.id} is not ${request.toEngineer}'s`,
        );
      }
    }
    return this.store.insertSwap({
      id: randomUUID(),
      shiftId: shift.id,
      fromEngineer: me,
      toEngineer: request.toEngineer,
      ...(request.returnShiftId
        ? { returnShiftId: request.returnShiftId }
        : {}),
      ...(request.note ? { note: request.note } : {}),
      requestedAt: this.now(),
    });
  }

  async decideSwap(id: string, body: unknown, caller: Caller): Promise<Swap> {
    await this.authorize(dutyRosterManagePermission, caller);
    const decision = parseInput(decisionSchema, body, 'body');
    const at = this.now();
    await this.refreshApprovals();
    const { swap, before, after } = await this.store.transaction(
      async store => {
        const pending = await store.swap(id);
        if (!pending) throw new NotFoundError(`There is no swap ${id}`);
        if (!decision.approve) {
          return {
            swap: await store.decideSwap(
              id,
              'refused',
              actorOf(caller),
              at,
              decision.reason,
            ),
            before: [],
            after: [],
          };
        }
        const moves: Array<[string, string, string]> = [
          [pending.shiftId, pending.fromEngineer, pending.toEngineer],
        ];
        if (pending.returnShiftId)
          moves.push([
            pending.returnShiftId,
            pending.toEngineer,
            pending.fromEngineer,
          ]);
        const shifts: Shift[] = [];
        for (const [shiftId, from] of moves) {
          const shift = await store.shift(shiftId);
          if (!shift || shift.engineer !== from) {
            throw new ConflictError(
              `Shift ${shiftId} is no longer ${from}'s; the swap cannot be made`,
            );
          }
          await store.lockMonth(shift.month);
          shifts.push(shift);
        }
        const moved = shifts.map((s, i) => ({ ...s, engineer: moves[i][2] }));
        await this.refusedChange(store, moved);
        const updated: Shift[] = [];
        for (const s of shifts) {
          updated.push(
            await store.setEngineer(
              s.id,
              moves[shifts.indexOf(s)][2],
              s.version,
            ),
          );
        }
        return {
          swap: await store.decideSwap(
            id,
            'approved',
            actorOf(caller),
            at,
            decision.reason,
          ),
          before: shifts,
          after: updated,
        };
      },
    );
    await this.options.notifier.notify([swap.fromEngineer, swap.toEngineer], {
      title: `换班${swap.status === 'approved' ? '已批准' : '未批准'} · Swap ${
        swap.status
      }`,
      description: swap.reason ?? '',
      link: '/duty',
    });
    if (
      after.length > 0 &&
      (await this.store.roster(after[0].month))?.status === 'published'
    ) {
      await this.tellChange(before, after);
    }
    return swap;
  }

  /** Everyone's leave for the approvers; one's own for everyone else. */
  async listLeave(query: unknown, caller: Caller): Promise<Leave[]> {
    await this.authorize(dutyRosterReadPermission, caller);
    const filter = parseInput(leaveQuerySchema, query, 'query');
    // Reasons are personal: the approvers see everyone's leave, others their own.
    if ((await this.leaveSides(caller)).length > 0) {
      return this.store.listLeave(filter);
    }
    return this.store.listLeave({ ...filter, engineer: actorOf(caller) });
  }

  async requestLeave(body: unknown, caller: Caller): Promise<Leave> {
    await this.authorize(dutyShiftStandPermission, caller);
    const request = parseInput(requestLeaveSchema, body, 'body');
    const me = this.engineerOf(caller, 'caller');
    const overlapping = (
      await this.store.listLeave({ engineer: me, overlapping: request })
    ).filter(l => l.status === 'requested' || l.status === 'approved');
    if (overlapping.length > 0) {
      throw new ConflictError(
        `You already have leave from ${overlapping[0].from} to ${overlapping[0].to} (${overlapping[0].status})`,
      );
    }
    return this.store.insertLeave({
      id: randomUUID(),
      engineer: me,
      from: request.from,
      to: request.to,
      reason: request.reason,
      requestedAt: this.now(),
    });
  }

  /**
   * One side's decision: the court IT office's or the ops manager's. Leave is approved once both
   * approved, refused once either refused; the requester decides neither side, and one person
   * not both. Approved leave takes the engineer off their shifts in it: the vacancies show as
   * gaps until a substitute is named.
   */
  async decideLeave(id: string, body: unknown, caller: Caller): Promise<Leave> {
    await this.authorize('decide-leave', caller);
    const decision = parseInput(decisionSchema, body, 'body');
    const me = actorOf(caller);
    const sides = await this.leaveSides(caller);
    const at = this.now();
    await this.refreshApprovals();
    const { leave, vacated } = await this.store.transaction(async store => {
      const current = await store.leave(id);
      if (!current) throw new NotFoundError(`There is no leave ${id}`);
      if (current.status !== 'requested') {
        throw new ConflictError(`Leave ${id} is already ${current.status}`);
      }
      if (current.engineer === me) {
        throw new ConflictError('The requester cannot decide their own leave');
      }
      const side = sides.find(s => !current[s]);
      if (!side)
        throw new ConflictError(`Leave ${id} already has your side's decision`);
      const other = current[side === 'court' ? 'contractor' : 'court'];
      if (other?.by === me) {
        throw new ConflictError(
          'One person cannot decide for both the court and the contractor',
        );
      }
      let status: Leave['status'] = 'requested';
      if (!decision.approve) status = 'refused';
      else if (other?.approved) status = 'approved';
      const decided = await store.decideLeave(
        current,
        side,
        {
          approved: decision.approve,
          by: me,
          at,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
        status,
      );
      const taken: Shift[] = [];
      if (status === 'approved') {
        const shifts = (
          await store.shiftsBetween(decided.from, decided.to)
        ).filter(s => s.engineer === decided.engineer);
        for (const month of new Set(shifts.map(s => s.month)))
          await store.lockMonth(month);
        for (const shift of shifts)
          taken.push(await store.setEngineer(shift.id, null, shift.version));
      }
      return { leave: decided, vacated: taken };
    });
    if (leave.status !== 'requested') {
      await this.options.notifier.notify([leave.engineer], {
        title: `请假${leave.status === 'approved' ? '已批准' : '未批准'} ${
          leave.from
        }–${leave.to} · Leave ${leave.status}`,
        description: [leave.court?.reason, leave.contractor?.reason]
          .filter(Boolean)
          .join('; '),
        link: '/duty/leave',
      });
    }
    if (vacated.length > 0) {
      await this.tellChange(
        vacated.map(s => ({ ...s, engineer: leave.engineer })),
        [],
      );
    }
    return leave;
  }

  private flagOf(
    shift: Shift,
    checkedInAt: string | undefined,
    nowMs: number,
  ): AttendanceFlag {
    const lateAt =
      Date.parse(shift.startsAt) + this.config.lateAfterMinutes * 60_000;
    if (checkedInAt)
      return Date.parse(checkedInAt) > lateAt ? 'late' : 'on-time';
    return nowMs > lateAt ? 'missing' : 'upcoming';
  }

  private async records(shifts: readonly Shift[]): Promise<AttendanceRecord[]> {
    const rows = await this.store.attendance(shifts.map(s => s.id));
    const nowMs = Date.parse(this.now());
    return shifts.map(shift => {
      const row = rows.get(shift.id);
      return {
        shift,
        ...(row
          ? {
              checkedInAt: row.checkedInAt,
              ...(row.checkedOutAt ? { checkedOutAt: row.checkedOutAt } : {}),
              method: row.method,
            }
          : {}),
        flag: this.flagOf(shift, row?.checkedInAt, nowMs),
      };
    });
  }

  /** Checks the caller in to their shift running now or starting within the hour. */
  async checkIn(body: unknown, caller: Caller): Promise<AttendanceRecord> {
    await this.authorize(dutyShiftStandPermission, caller);
    const { roomCode } = parseInput(checkInSchema, body ?? {}, 'body');
    if (roomCode !== undefined && roomCode !== this.config.roomCode) {
      throw new InputError("body.roomCode: is not the duty room's code");
    }
    const me = actorOf(caller);
    const now = this.options.clock.now().toUTC();
    const nowIso = this.now();
    const candidates = (
      await this.store.shiftsOfEngineer(
        me,
        now.minus({ milliseconds: DAY_MS }).toISO()!,
        now.plus({ hours: 1 }).toISO()!,
      )
    ).filter(s => s.endsAt > nowIso);
    const taken = await this.store.attendance(candidates.map(s => s.id));
    const shift = candidates.find(s => !taken.has(s.id));
    if (!shift) {
      throw new ConflictError(
        candidates.length > 0
          ? 'You are already checked in to your shift'
          : 'You have no shift running or starting within the hour',
      );
    }
    await this.store.checkIn({
      shiftId: shift.id,
      engineer: me,
      checkedInAt: nowIso,
      method: roomCode ? 'qr' : 'button',
    });
    return (await this.records([shift]))[0];
  }

  async checkOut(caller: Caller): Promise<AttendanceRecord> {
    await this.authorize(dutyShiftStandPermission, caller);
    const open = await this.store.openCheckIn(actorOf(caller));
    if (!open) throw new ConflictError('You are not checked in to a shift');
    await this.store.checkOut(open.shiftId, this.now());
    return (await this.records([(await this.store.shift(open.shiftId))!]))[0];
  }

  /** Everyone's records for the attendance readers; an engineer's own otherwise. */
  async attendance(
    query: unknown,
    caller: Caller,
  ): Promise<AttendanceRecord[]> {
    await this.authorize(dutyRosterReadPermission, caller);
    const { month } = parseInput(monthQuerySchema, query, 'query');
    const shifts = await this.store.shiftsOfMonth(month);
    const all = await this.allowed(dutyAttendanceReadPermission, caller);
    return this.records(
      all ? shifts : shifts.filter(s => s.engineer === actorOf(caller)),
    );
  }

  async attendanceSheet(
    query: unknown,
    caller: Caller,
  ): Promise<{ month: string; content: Buffer }> {
    await this.authorize(dutyAttendanceReadPermission, caller);
    const { month } = parseInput(monthQuerySchema, query, 'query');
    const records = await this.records(await this.store.shiftsOfMonth(month));
    return {
      month,
      content: await attendanceWorkbook(month, records, this.config),
    };
  }

  /** A new personal feed token (the previous one stops working); only its hash is kept. */
  async createFeed(
    caller: Caller,
  ): Promise<{ url: string; createdAt: string }> {
    await this.authorize(dutyShiftStandPermission, caller);
    const me = this.engineerOf(caller, 'caller');
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    await this.store.setFeed(me, sha256(token), createdAt);
    return {
      url: `${await this.options.externalBaseUrl()}/calendar/${token}.ics`,
      createdAt,
    };
  }

  async revokeFeed(caller: Caller): Promise<void> {
    await this.authorize(dutyShiftStandPermission, caller);
    if (!(await this.store.deleteFeed(actorOf(caller)))) {
      throw new NotFoundError('You have no calendar feed');
    }
  }

  /** The feed of a token: the shifts of the last month and the next three. */
  async feed(token: string): Promise<string> {
    const engineer = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await this.store.feedEngineer(sha256(token))
      : undefined;
    if (!engineer) throw new NotFoundError('There is no such calendar feed');
    const now = this.options.clock.now().toUTC();
    const shifts = await this.store.shiftsOfEngineer(
      engineer,
      now.minus({ months: 1 }).toISO()!,
      now.plus({ months: 3 }).toISO()!,
    );
    return shiftsCalendar({
      engineer,
      shifts,
      posts: this.config.posts,
      stamp: this.now(),
      host: new URL(this.options.appBaseUrl).host,
    });
  }

  /** The duty room's QR code (SVG): scanning it opens the portal's check-in with the room's code. */
  async roomQrCode(caller: Caller): Promise<string> {
    await this.authorize(dutyRosterManagePermission, caller);
    const url = `${
      this.options.appBaseUrl
    }/duty/check-in?room=${encodeURIComponent(this.config.roomCode)}`;
    return QRCode.toString(url, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
  }
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
