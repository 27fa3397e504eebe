import { ReportFigures } from '@internal/plugin-reports-common';
import {
  INSPECTIONS,
  KB,
  SPARES,
  quietTicketFigures,
} from '../__testUtils__/fixtures';
import { canonicalJson, sameFigures } from './sameFigures';

function figures(total: number): ReportFigures {
  const tickets = quietTicketFigures();
  const period = (from: string, to: string) => ({
    period: { from, to },
    tickets: { ...tickets, services: { ...tickets.services, total } },
    inspections: INSPECTIONS,
    kb: KB,
    spares: SPARES,
  });
  return {
    kind: 'month',
    zone: 'Asia/Shanghai',
    current: period('2026-11-01', '2026-11-30'),
    previous: period('2026-10-01', '2026-10-31'),
  };
}

/** The same value with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('sameFigures', () => {
  it('holds for equal figures whatever their key order', () => {
    const a = figures(7);
    const b = reversed(a) as ReportFigures;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(sameFigures(a, b)).toBe(true);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });

  it('fails on any figure, in either period, and on the order of a list', () => {
    expect(sameFigures(figures(7), figures(8))).toBe(false);
    const a = figures(7);
    expect(
      sameFigures(a, {
        ...a,
        previous: { ...a.previous, kb: { ...KB, articlesAdded: 6 } },
      }),
    ).toBe(false);
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
