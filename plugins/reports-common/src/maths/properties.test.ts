import fc from 'fast-check';
import {
  changeFacts,
  SYSTEMS,
  ticketFacts,
} from '../__testUtils__/arbitraries';
import type { ComplianceCounts, TicketFigures } from '../figures';
import { factsCountingIn, factsOfSystem, ticketFigures } from '../figures';
import { periodOf, periodWindow, ReportPeriod } from '../period';

const ZONE = 'Asia/Shanghai';
const windowOf = (period: ReportPeriod) => periodWindow(period, ZONE);
const ms = (instant: string) => Date.parse(instant);

// Facts from mid-September 2026 to mid-January 2027: the fourth quarter and a margin either side.
const around = {
  fromMs: ms('2026-09-10T00:00:00Z'),
  toMs: ms('2027-01-20T00:00:00Z'),
};
const quarter = periodOf('quarter', '2026-11-15');
const months = ['2026-10-01', '2026-11-01', '2026-12-01'].map(day =>
  periodOf('month', day),
);

type Row = {
  clock: string;
  level?: string;
  systemRef?: string;
} & ComplianceCounts;
const rowKey = (row: Row) => `${row.clock} ${row.level ?? row.systemRef}`;

/** The compliance rows of figures by key, for comparing lists that list only what occurred. */
function complianceRows(figures: TicketFigures): Map<string, Row> {
  const rows = [...figures.compliance.byLevel, ...figures.compliance.bySystem];
  return new Map(rows.map(row => [rowKey(row), row]));
}

/** Every count that adds up over consecutive periods, by name. */
function additiveCounts(figures: TicketFigures): Map<string, number> {
  const counts = new Map<string, number>();
  const put = (key: string, value: number) =>
    counts.set(key, (counts.get(key) ?? 0) + value);
  put('services', figures.services.total);
  Object.entries(figures.services.byType).forEach(([k, v]) =>
    put(`type ${k}`, v),
  );
  Object.entries(figures.services.byChannel).forEach(([k, v]) =>
    put(`channel ${k}`, v),
  );
  figures.services.bySystem.forEach(r => put(`system ${r.systemRef}`, r.count));
  put('met', figures.compliance.total.met);
  put('breached', figures.compliance.total.breached);
  for (const [key, row] of complianceRows(figures)) {
    put(`met ${key}`, row.met);
    put(`breached ${key}`, row.breached);
  }
  put('breaches', figures.compliance.breaches.length);
  figures.times.forEach(t =>
    put(`timed ${t.clock} ${t.level}`, t.elapsed.count),
  );
  put('minutes', figures.workMinutes.total);
  figures.workMinutes.byEngineer.forEach(r =>
    put(`minutes ${r.engineer}`, r.minutes),
  );
  Object.entries(figures.changes).forEach(([k, v]) => {
    if (typeof v === 'number') put(`changes ${k}`, v);
  });
  put('satisfaction', figures.satisfaction.count);
  return counts;
}

function sumOf(maps: Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const map of maps) {
    for (const [key, value] of map) sum.set(key, (sum.get(key) ?? 0) + value);
  }
  return sum;
}

/** Drops zero counts, so a row listed in one and absent from the other compares equal. */
const nonZero = (map: Map<string, number>) =>
  new Map([...map].filter(([, v]) => v !== 0));

const facts = (systems?: readonly [number, number]) =>
  fc.tuple(
    ticketFacts({ ...around, systems }),
    changeFacts({ ...around, systems }),
  );

describe('the report maths over periods', () => {
  it('adds the three months up to their quarter: met, breached, services, minutes, changes', () => {
    fc.assert(
      fc.property(facts(), ([tickets, changes]) => {
        const ofQuarter = additiveCounts(
          ticketFigures(tickets, changes, windowOf(quarter)),
        );
        const ofMonths = sumOf(
          months.map(month =>
            additiveCounts(ticketFigures(tickets, changes, windowOf(month))),
          ),
        );
        expect(nonZero(ofMonths)).toEqual(nonZero(ofQuarter));
      }),
    );
  });

  it('counts as running at the quarter’s end what runs at its last month’s end', () => {
    fc.assert(
      fc.property(facts(), ([tickets, changes]) => {
        const ofQuarter = ticketFigures(tickets, changes, windowOf(quarter));
        const ofDecember = ticketFigures(tickets, changes, windowOf(months[2]));
        expect(ofQuarter.compliance.total.running).toBe(
          ofDecember.compliance.total.running,
        );
        const running = (f: TicketFigures) =>
          nonZero(
            new Map([...complianceRows(f)].map(([k, row]) => [k, row.running])),
          );
        expect(running(ofQuarter)).toEqual(running(ofDecember));
      }),
    );
  });

  it('changes nothing for facts wholly after the period or wholly over before it', () => {
    const november = windowOf(months[1]);
    const after = {
      fromMs: ms(november.end),
      toMs: ms(november.end) + 60 * 86_400_000,
    };
    const before = {
      fromMs: ms(november.start) - 60 * 86_400_000,
      toMs: ms(november.start),
      endedClocksOnly: true,
    };
    fc.assert(
      fc.property(
        facts(),
        ticketFacts(after),
        changeFacts(after),
        ticketFacts(before),
        changeFacts(before),
        (
          [tickets, changes],
          laterTickets,
          laterChanges,
          earlierTickets,
          earlierChanges,
        ) => {
          const alone = ticketFigures(tickets, changes, november);
          const withOthers = ticketFigures(
            [...earlierTickets, ...tickets, ...laterTickets],
            [...laterChanges, ...changes, ...earlierChanges],
            november,
          );
          expect(withOthers).toEqual(alone);
        },
      ),
    );
  });

  it('gives the same figures on the rows that count in the period alone', () => {
    fc.assert(
      fc.property(facts(), ([tickets, changes]) => {
        const november = windowOf(months[1]);
        const rows = factsCountingIn(tickets, changes, november);
        expect(ticketFigures(rows.tickets, rows.changes, november)).toEqual(
          ticketFigures(tickets, changes, november),
        );
      }),
    );
  });

  it('keeps every percentage within 0..100', () => {
    const percents = (value: unknown, out: number[] = []): number[] => {
      if (Array.isArray(value)) value.forEach(v => percents(v, out));
      else if (typeof value === 'object' && value !== null) {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'percent' && typeof v === 'number') out.push(v);
          else percents(v, out);
        }
      }
      return out;
    };
    fc.assert(
      fc.property(facts(), ([tickets, changes]) => {
        for (const p of percents(
          ticketFigures(tickets, changes, windowOf(quarter)),
        )) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('per-system figures and the court’s', () => {
  const november = windowOf(months[1]);
  const perSystem = (
    tickets: Parameters<typeof ticketFigures>[0],
    changes: Parameters<typeof ticketFigures>[1],
  ) =>
    SYSTEMS.map(system =>
      ticketFigures(
        factsOfSystem(tickets, system),
        factsOfSystem(changes, system),
        november,
      ),
    );

  it('adds up to at least the court’s when every fact names a system (more with two-system facts)', () => {
    fc.assert(
      fc.property(facts([1, 3]), ([tickets, changes]) => {
        const court = ticketFigures(tickets, changes, november);
        const systems = perSystem(tickets, changes);
        const total = (pick: (f: TicketFigures) => number) =>
          systems.reduce((sum, f) => sum + pick(f), 0);
        expect(total(f => f.services.total)).toBeGreaterThanOrEqual(
          court.services.total,
        );
        expect(total(f => f.workMinutes.total)).toBeGreaterThanOrEqual(
          court.workMinutes.total,
        );
        expect(total(f => f.compliance.total.met)).toBeGreaterThanOrEqual(
          court.compliance.total.met,
        );
        expect(total(f => f.changes.filed)).toBeGreaterThanOrEqual(
          court.changes.filed,
        );
      }),
    );
  });

  it('adds up to the court’s exactly when every fact is about one system', () => {
    fc.assert(
      fc.property(facts([1, 1]), ([tickets, changes]) => {
        const court = additiveCounts(ticketFigures(tickets, changes, november));
        const systems = sumOf(perSystem(tickets, changes).map(additiveCounts));
        // Per-system rows of the court's figures are the same rows again; the rest adds up.
        const courtWide = (map: Map<string, number>) =>
          nonZero(
            new Map([...map].filter(([key]) => !key.includes('system:'))),
          );
        expect(courtWide(systems)).toEqual(courtWide(court));
      }),
    );
  });

  it('lists in the court’s per-system rows what the system’s own figures count', () => {
    fc.assert(
      fc.property(facts(), ([tickets, changes]) => {
        const court = ticketFigures(tickets, changes, november);
        SYSTEMS.forEach((systemRef, i) => {
          const own = perSystem(tickets, changes)[i];
          const services =
            court.services.bySystem.find(r => r.systemRef === systemRef)
              ?.count ?? 0;
          expect(services).toBe(own.services.total);
          const minutes =
            court.workMinutes.bySystem.find(r => r.systemRef === systemRef)
              ?.minutes ?? 0;
          expect(minutes).toBe(own.workMinutes.total);
          const rows = court.compliance.bySystem.filter(
            r => r.systemRef === systemRef,
          );
          const sum = (k: 'met' | 'breached' | 'running') =>
            rows.reduce((s, r) => s + r[k], 0);
          expect([sum('met'), sum('breached'), sum('running')]).toEqual([
            own.compliance.total.met,
            own.compliance.total.breached,
            own.compliance.total.running,
          ]);
        });
      }),
    );
  });
});
