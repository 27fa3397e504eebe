import { ReportFigures } from '@internal/plugin-reports-common';
import { INSPECTIONS, KB, quietTicketFigures } from '../__testUtils__/fixtures';
import { canonicalJson, figureChanges } from './figureChanges';

function figures(change: (f: ReturnType<typeof quietTicketFigures>) => void) {
  const tickets = quietTicketFigures();
  change(tickets);
  const period = { from: '2026-11-01', to: '2026-11-30' };
  return {
    kind: 'month',
    zone: 'Asia/Shanghai',
    current: { period, tickets, inspections: INSPECTIONS, kb: KB },
    previous: {
      period: { from: '2026-10-01', to: '2026-10-31' },
      tickets: quietTicketFigures(),
      inspections: INSPECTIONS,
      kb: KB,
    },
  } as ReportFigures;
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

describe('figureChanges', () => {
  it('finds nothing between equal figures, whatever their key order', () => {
    const a = figures(f => {
      (f as Mutable<typeof f>).services.total = 7;
    });
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversed(v)]),
      );
    };
    const b = reversed(a) as ReportFigures;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(figureChanges(a, b)).toEqual([]);
  });

  it('names each changed figure of the current period by its path, arrays by index', () => {
    const before = figures(f => {
      const m = f as Mutable<typeof f>;
      m.services.total = 2;
      m.services.bySystem = [{ systemRef: 'system:default/network', count: 2 }];
    });
    const after = figures(f => {
      const m = f as Mutable<typeof f>;
      m.services.total = 3;
      m.services.bySystem = [
        { systemRef: 'system:default/network', count: 2 },
        { systemRef: 'system:default/case-management', count: 1 },
      ];
      m.satisfaction.mean = 4.5;
    });
    expect(figureChanges(before, after)).toEqual([
      { path: 'tickets.services.total', before: 2, after: 3 },
      {
        path: 'tickets.services.bySystem.1',
        before: undefined,
        after: { systemRef: 'system:default/case-management', count: 1 },
      },
      { path: 'tickets.satisfaction.mean', before: undefined, after: 4.5 },
    ]);
    // The previous period is context, not a figure of the report.
    const previousOnly = { ...before, previous: after.current };
    expect(figureChanges(before, previousOnly)).toEqual([]);
  });
});
