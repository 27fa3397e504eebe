import { compareClocks, PRIORITY_LEVELS } from '@internal/plugin-sla-common';
import type {
  ClockName,
  Instant,
  PriorityLevel,
} from '@internal/plugin-sla-common';
import type { TicketClockFact, TicketFact } from '../facts';
import type { Breach, ComplianceCounts, TicketFigures } from '../figures';
import { compareText, distinct, durationStats, rate } from './stats';
import { WindowRange, beforeEnd, within } from './window';

/**
 * How a clock ended, if it did: breached when its target ran out while it ran (a breach after
 * the stop cannot happen in the engine, so the stop wins), else met at its stop.
 */
export function clockOutcome(
  clock: TicketClockFact,
): { readonly kind: 'met' | 'breached'; readonly at: Instant } | undefined {
  const { stoppedAt, breachedAt } = clock;
  if (
    breachedAt !== undefined &&
    (stoppedAt === undefined || Date.parse(breachedAt) <= Date.parse(stoppedAt))
  ) {
    return { kind: 'breached', at: breachedAt };
  }
  return stoppedAt === undefined ? undefined : { kind: 'met', at: stoppedAt };
}

/** Where a clock stands for the period: its outcome counts there, or it was still running at the end. */
export function clockStanding(
  clock: TicketClockFact,
  range: WindowRange,
): 'met' | 'breached' | 'running' | undefined {
  const outcome = clockOutcome(clock);
  if (outcome && within(range, outcome.at)) return outcome.kind;
  const endedBeforeEnd = outcome !== undefined && beforeEnd(range, outcome.at);
  return beforeEnd(range, clock.startedAt) && !endedBeforeEnd
    ? 'running'
    : undefined;
}

interface Counts {
  met: number;
  breached: number;
  running: number;
}

function complianceOf({ met, breached, running }: Counts): ComplianceCounts {
  const { percent } = rate(met, met + breached);
  return percent === undefined
    ? { met, breached, running }
    : { met, breached, running, percent };
}

/** Compliance counts per key (clock × level, system × clock): only the keys that occurred. */
class CountsBy<K extends object> {
  private readonly entries = new Map<string, { key: K; counts: Counts }>();

  constructor(private readonly keyOf: (key: K) => string) {}

  add(key: K, standing: keyof Counts): void {
    const id = this.keyOf(key);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { key, counts: { met: 0, breached: 0, running: 0 } };
      this.entries.set(id, entry);
    }
    entry.counts[standing] += 1;
  }

  list(compare: (a: K, b: K) => number): Array<K & ComplianceCounts> {
    return [...this.entries.values()]
      .sort((a, b) => compare(a.key, b.key))
      .map(({ key, counts }) => ({ ...key, ...complianceOf(counts) }));
  }
}

const levelRank = (level: PriorityLevel) => PRIORITY_LEVELS.indexOf(level);

function compareClockLevel(
  a: { clock: ClockName; level: PriorityLevel },
  b: { clock: ClockName; level: PriorityLevel },
): number {
  return (
    compareClocks(a.clock, b.clock) || levelRank(a.level) - levelRank(b.level)
  );
}

/**
 * SLA compliance of the period (SLA-5): each clock counts once, in the period of its outcome,
 * under the level it ended at; clocks still running at the period's end are counted apart.
 */
export function complianceFigures(
  tickets: readonly TicketFact[],
  range: WindowRange,
): TicketFigures['compliance'] {
  const total: Counts = { met: 0, breached: 0, running: 0 };
  const byLevel = new CountsBy<{ clock: ClockName; level: PriorityLevel }>(
    k => `${k.clock} ${k.level}`,
  );
  const bySystem = new CountsBy<{ systemRef: string; clock: ClockName }>(
    k => `${k.systemRef} ${k.clock}`,
  );
  const breaches: Breach[] = [];
  for (const ticket of tickets) {
    const systemRefs = distinct(ticket.systemRefs);
    for (const clock of ticket.clocks) {
      const standing = clockStanding(clock, range);
      if (!standing) continue;
      total[standing] += 1;
      byLevel.add({ clock: clock.clock, level: clock.level }, standing);
      for (const systemRef of systemRefs) {
        bySystem.add({ systemRef, clock: clock.clock }, standing);
      }
      if (standing === 'breached' && clock.breachedAt) {
        breaches.push({
          ticketId: ticket.id,
          number: ticket.number,
          title: ticket.title,
          clock: clock.clock,
          level: clock.level,
          systemRefs: ticket.systemRefs,
          breachedAt: clock.breachedAt,
        });
      }
    }
  }
  return {
    total: complianceOf(total),
    byLevel: byLevel.list(compareClockLevel),
    bySystem: bySystem.list(
      (a, b) =>
        compareText(a.systemRef, b.systemRef) ||
        compareClocks(a.clock, b.clock),
    ),
    breaches: breaches.sort(
      (a, b) =>
        Date.parse(a.breachedAt) - Date.parse(b.breachedAt) ||
        compareText(a.number, b.number) ||
        compareClocks(a.clock, b.clock),
    ),
  };
}

/**
 * How long the clocks that stopped in the period ran (open time, pauses excluded), per clock ×
 * level, and how long they were paused.
 */
export function timeFigures(
  tickets: readonly TicketFact[],
  range: WindowRange,
): TicketFigures['times'] {
  const groups = new Map<
    string,
    {
      clock: ClockName;
      level: PriorityLevel;
      elapsed: number[];
      pausedMs: number;
    }
  >();
  for (const ticket of tickets) {
    for (const clock of ticket.clocks) {
      if (!within(range, clock.stoppedAt)) continue;
      const id = `${clock.clock} ${clock.level}`;
      let group = groups.get(id);
      if (!group) {
        group = {
          clock: clock.clock,
          level: clock.level,
          elapsed: [],
          pausedMs: 0,
        };
        groups.set(id, group);
      }
      group.elapsed.push(clock.elapsedMs);
      group.pausedMs += clock.pausedMs;
    }
  }
  return [...groups.values()]
    .sort(compareClockLevel)
    .map(({ clock, level, elapsed, pausedMs }) => ({
      clock,
      level,
      elapsed: durationStats(elapsed),
      pausedMs,
    }));
}
