import { DateTime } from 'luxon';
import type { DutyConfig, DutyEngineer, OnSiteHours } from './config';
import type {
  CourtDayKind,
  LeaveSpan,
  OnCall,
  RosterProblem,
  ShiftKind,
  ShiftSlot,
} from './types';

/** What the official calendar says of a date; `OfficialSchedule` of sla-common fits. */
export interface OfficialDays {
  dayKind(date: string): 'holiday' | 'make-up-working-day' | 'ordinary';
}

/** Working, rest or holiday: a make-up Saturday (调休) is a working day, a holiday Monday is not. */
export function courtDayKind(
  calendar: OfficialDays,
  date: string,
): CourtDayKind {
  const official = calendar.dayKind(date);
  if (official === 'holiday') return 'holiday';
  if (official === 'make-up-working-day') return 'working';
  return DateTime.fromISO(date).weekday >= 6 ? 'rest' : 'working';
}

/** The dates (YYYY-MM-DD) of a month (YYYY-MM). */
export function datesOfMonth(month: string): string[] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  return Array.from(
    { length: first.daysInMonth ?? 0 },
    (_, i) => first.plus({ days: i }).toISODate()!,
  );
}

/** The month after (or `delta` months from) a month. */
export function monthPlus(month: string, delta: number): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc' })
    .plus({ months: delta })
    .toFormat('yyyy-MM');
}

/** Start and end of a shift in epoch milliseconds: the config's times in its zone. */
export function shiftSpan(
  config: Pick<DutyConfig, 'zone' | 'onSite' | 'phone'>,
  date: string,
  kind: ShiftKind,
): { start: number; end: number } {
  const at = (day: string, time: string) =>
    DateTime.fromISO(`${day}T${time}`, { zone: config.zone }).toMillis();
  if (kind === 'on-site') {
    return {
      start: at(date, config.onSite.start),
      end: at(date, config.onSite.end),
    };
  }
  const next = DateTime.fromISO(date).plus({ days: 1 }).toISODate()!;
  return {
    start: at(date, config.phone.start),
    end: at(next, config.phone.end),
  };
}

/** `shiftSpan` remembered per date and kind: luxon's zone arithmetic dominates a month's check. */
function spanMemo(config: Pick<DutyConfig, 'zone' | 'onSite' | 'phone'>) {
  const memo = new Map<string, { start: number; end: number }>();
  return (date: string, kind: ShiftKind) => {
    const key = `${date} ${kind}`;
    let span = memo.get(key);
    if (!span) {
      span = shiftSpan(config, date, kind);
      memo.set(key, span);
    }
    return span;
  };
}

/** The same as UTC ISO instants, as shifts are stored. */
export function shiftInstants(
  config: Pick<DutyConfig, 'zone' | 'onSite' | 'phone'>,
  date: string,
  kind: ShiftKind,
): { startsAt: string; endsAt: string } {
  const { start, end } = shiftSpan(config, date, kind);
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO()!;
  return { startsAt: iso(start), endsAt: iso(end) };
}

/** Posts whose coverage a shift at `post` counts toward: its own and those it is shared with. */
function coveredBy(config: Pick<DutyConfig, 'posts'>, post: string): string[] {
  return [post, ...(config.posts.find(p => p.id === post)?.sharedWith ?? [])];
}

function onLeave(leaves: readonly LeaveSpan[], engineer: string, date: string) {
  return leaves.some(
    l => l.engineer === engineer && l.from <= date && date <= l.to,
  );
}

/** What the rules need besides the shifts. */
export interface RosterContext {
  readonly config: DutyConfig;
  /** Approved leave. */
  readonly leaves: readonly LeaveSpan[];
  /** Engineers approved for the court (SEC-2, the access family); all configured ones until then. */
  readonly isApproved: (engineer: string) => boolean;
}

/**
 * Every broken rule of a month's shifts (`dates`: the days the roster covers; shifts of
 * neighbouring days may be passed in so the rest rule sees across the month's edge).
 */
export function checkRoster(
  shifts: readonly ShiftSlot[],
  dates: readonly string[],
  context: RosterContext,
): RosterProblem[] {
  const { config, leaves, isApproved } = context;
  const problems: RosterProblem[] = [];
  const inMonth = new Set(dates);
  const coverage = new Map<string, number>();
  const phones = new Map<string, number>();
  const engineers = new Map(config.engineers.map(e => [e.ref, e]));
  const byEngineer = new Map<
    string,
    Array<ShiftSlot & { start: number; end: number }>
  >();
  const spanOf = spanMemo(config);

  for (const shift of shifts) {
    const mine = inMonth.has(shift.date);
    if (mine && shift.engineer === null) {
      problems.push({ rule: 'vacant', shiftId: shift.id, date: shift.date });
    }
    if (shift.engineer === null) continue;
    if (mine && shift.kind === 'phone') {
      phones.set(shift.date, (phones.get(shift.date) ?? 0) + 1);
    }
    if (mine && shift.kind === 'on-site' && shift.post) {
      for (const post of coveredBy(config, shift.post)) {
        const key = `${shift.date} ${post}`;
        coverage.set(key, (coverage.get(key) ?? 0) + 1);
      }
    }
    if (mine) {
      const who = shift.engineer;
      const engineer = engineers.get(who);
      if (
        !engineer ||
        (shift.kind === 'on-site' &&
          !engineer.posts.includes(shift.post ?? '')) ||
        (shift.kind === 'phone' && !engineer.phone)
      ) {
        problems.push({
          rule: 'not-qualified',
          engineer: who,
          shiftId: shift.id,
        });
      }
      if (!isApproved(who)) {
        problems.push({
          rule: 'not-approved',
          engineer: who,
          shiftId: shift.id,
        });
      }
      if (onLeave(leaves, who, shift.date)) {
        problems.push({ rule: 'on-leave', engineer: who, shiftId: shift.id });
      }
    }
    const list = byEngineer.get(shift.engineer) ?? [];
    list.push({ ...shift, ...spanOf(shift.date, shift.kind) });
    byEngineer.set(shift.engineer, list);
  }

  for (const date of dates) {
    for (const post of config.posts) {
      const have = coverage.get(`${date} ${post.id}`) ?? 0;
      if (have < config.onSite.perPost) {
        problems.push({
          rule: 'coverage',
          date,
          post: post.id,
          needed: config.onSite.perPost,
          have,
        });
      }
    }
    const have = phones.get(date) ?? 0;
    if (have !== 1) problems.push({ rule: 'phone', date, have });
  }

  const restMs = config.restHoursAfterPhone * 3_600_000;
  for (const [engineer, list] of byEngineer) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let latest: (typeof list)[number] | undefined;
    let lastPhone: (typeof list)[number] | undefined;
    for (const shift of list) {
      const reported =
        inMonth.has(shift.date) || (latest && inMonth.has(latest.date));
      if (latest && shift.start < latest.end) {
        if (reported) {
          problems.push({
            rule: 'double-booking',
            engineer,
            shiftIds: [latest.id, shift.id],
          });
        }
      } else if (
        lastPhone &&
        shift.start >= lastPhone.end &&
        shift.start < lastPhone.end + restMs &&
        (inMonth.has(shift.date) || inMonth.has(lastPhone.date))
      ) {
        problems.push({
          rule: 'rest',
          engineer,
          shiftIds: [lastPhone.id, shift.id],
        });
      }
      if (!latest || shift.end > latest.end) latest = shift;
      if (shift.kind === 'phone') lastPhone = shift;
    }
  }
  return problems;
}

/** The id a generated shift gets: readable, and unique for its date, kind, post and place. */
export function shiftIdOf(
  date: string,
  kind: ShiftKind,
  post?: string,
  n = 1,
): string {
  return kind === 'phone' ? `${date}.phone` : `${date}.on-site.${post}.${n}`;
}

/**
 * A month's roster from the rotation: each day the posts are filled in config order, each slot
 * by the qualified engineer with the fewest shifts of that kind of day (so holidays and weekends
 * are shared out evenly), then the fewest shifts, then the rotation (the team's order, turned one
 * place a day); then the night's phone duty, preferring someone not on site that day. Nobody on
 * leave, unapproved, or resting after last night's phone duty is put on; a slot nobody can take
 * stays vacant, so the check shows the gap.
 */
export function generateRoster(options: {
  month: string;
  context: RosterContext;
  dayKindOf: (date: string) => CourtDayKind;
  /** Who was on phone duty the night before the month's first day (for the rest rule). */
  phoneBefore?: string;
}): ShiftSlot[] {
  const { month, context, dayKindOf } = options;
  const { config, leaves, isApproved } = context;
  const team = config.engineers.filter(e => isApproved(e.ref));
  const load = new Map<string, number>();
  const loadByKind = new Map<string, number>();
  const phoneLoad = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) =>
    map.set(key, (map.get(key) ?? 0) + 1);
  const shifts: ShiftSlot[] = [];
  let lastPhone = options.phoneBefore;
  const spanOf = spanMemo(config);

  datesOfMonth(month).forEach((date, dayIndex) => {
    const dayKind = dayKindOf(date);
    const previousDate = DateTime.fromISO(date).minus({ days: 1 }).toISODate()!;
    const phoneEnd = spanOf(previousDate, 'phone').end;
    const dayStart = spanOf(date, 'on-site').start;
    const restUntil = phoneEnd + config.restHoursAfterPhone * 3_600_000;
    const resting = dayStart < restUntil ? lastPhone : undefined;
    const restingAtNight =
      spanOf(date, 'phone').start < restUntil ? lastPhone : undefined;
    const rotation = (engineer: DutyEngineer) =>
      (team.indexOf(engineer) - dayIndex + team.length * 40) %
      Math.max(team.length, 1);
    const order = (
      candidates: DutyEngineer[],
      extra: (e: DutyEngineer) => number,
    ) =>
      candidates.sort(
        (a, b) =>
          extra(a) - extra(b) ||
          (loadByKind.get(`${a.ref} ${dayKind}`) ?? 0) -
            (loadByKind.get(`${b.ref} ${dayKind}`) ?? 0) ||
          (load.get(a.ref) ?? 0) - (load.get(b.ref) ?? 0) ||
          rotation(a) - rotation(b),
      );
    const free = team.filter(e => !onLeave(leaves, e.ref, date));
    const onSiteToday = new Set<string>();
    const coverage = new Map<string, number>();
    const assign = (
      engineer: DutyEngineer | undefined,
      slot: Omit<ShiftSlot, 'engineer'>,
    ) => {
      shifts.push({ ...slot, engineer: engineer?.ref ?? null });
      if (!engineer) return;
      bump(load, engineer.ref);
      bump(loadByKind, `${engineer.ref} ${dayKind}`);
    };

    for (const post of config.posts) {
      const needed = config.onSite.perPost - (coverage.get(post.id) ?? 0);
      for (let n = 1; n <= needed; n++) {
        const [engineer] = order(
          free.filter(
            e =>
              e.posts.includes(post.id) &&
              e.ref !== resting &&
              !onSiteToday.has(e.ref),
          ),
          () => 0,
        );
        assign(engineer, {
          id: shiftIdOf(date, 'on-site', post.id, n),
          date,
          kind: 'on-site',
          post: post.id,
        });
        for (const covered of coveredBy(config, post.id)) {
          coverage.set(covered, (coverage.get(covered) ?? 0) + 1);
        }
        if (engineer) onSiteToday.add(engineer.ref);
      }
    }

    const [phone] = order(
      free.filter(e => e.phone && e.ref !== restingAtNight),
      e =>
        (onSiteToday.has(e.ref) ? 1_000_000 : 0) +
        (phoneLoad.get(e.ref) ?? 0) * 1000,
    );
    assign(phone, { id: shiftIdOf(date, 'phone'), date, kind: 'phone' });
    if (phone) bump(phoneLoad, phone.ref);
    lastPhone = phone?.ref;
  });
  return shifts;
}

/** A shift with its instants, as `onCallAt` reads it. */
export interface TimedShift extends ShiftSlot {
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * Who is on call at `instant`: the on-site shifts and the phone shift running then. In on-site
 * hours the first to call is the first engineer of the first post (the desk); outside them, the
 * engineer on phone duty.
 */
export function onCallAt(
  shifts: readonly TimedShift[],
  instant: string,
  config: {
    readonly zone: string;
    readonly onSite: OnSiteHours;
    readonly posts: ReadonlyArray<{ readonly id: string }>;
  },
): OnCall {
  const at = DateTime.fromISO(instant, { setZone: true });
  const ms = at.toMillis();
  const running = shifts.filter(
    s =>
      s.engineer !== null &&
      Date.parse(s.startsAt) <= ms &&
      ms < Date.parse(s.endsAt),
  );
  const local = at.setZone(config.zone).toFormat('HH:mm');
  const onSiteHours = config.onSite.start <= local && local < config.onSite.end;
  const postOrder = config.posts.map(p => p.id);
  const onSite = running
    .filter(s => s.kind === 'on-site')
    .map(s => ({ post: s.post ?? '', engineer: s.engineer! }))
    .sort((a, b) => postOrder.indexOf(a.post) - postOrder.indexOf(b.post));
  const phone = running.find(s => s.kind === 'phone')?.engineer ?? undefined;
  const first = onSiteHours ? onSite[0]?.engineer : phone;
  return {
    at: at.toUTC().toISO()!,
    onSiteHours,
    onSite,
    ...(phone ? { phone } : {}),
    ...(first ? { first } : {}),
  };
}
