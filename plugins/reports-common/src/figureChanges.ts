import type { FigureChange, PeriodFigures } from './report';

/** The fields that name a row of a figure list, in the order they are joined in its key. */
const ROW_KEYS = [
  'systemRef',
  'engineer',
  'entityRef',
  'number',
  'clock',
  'level',
] as const;

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A row's key: `system:default/trial/resolution`; its index when it has no naming field. */
function rowKey(row: Json, index: number): string {
  if (!isRecord(row)) return String(index);
  const parts = ROW_KEYS.map(key => row[key]).filter(
    (part): part is string => typeof part === 'string',
  );
  return parts.length > 0 ? parts.join('/') : String(index);
}

function isRowList(value: Json): value is Json[] {
  return Array.isArray(value) && value.every(isRecord);
}

function sameLeaf(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(
  path: string,
  before: Json,
  after: Json,
  out: FigureChange[],
): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      compare(path ? `${path}.${key}` : key, before[key], after[key], out);
    }
  } else if (isRowList(before) && isRowList(after)) {
    const rowsBefore = new Map(before.map((row, i) => [rowKey(row, i), row]));
    const rowsAfter = new Map(after.map((row, i) => [rowKey(row, i), row]));
    const keys = new Set([...rowsBefore.keys(), ...rowsAfter.keys()]);
    for (const key of keys) {
      const rowPath = `${path}[${key}]`;
      const [a, b] = [rowsBefore.get(key), rowsAfter.get(key)];
      // A row that appears or goes is one change, not one per field.
      if (a === undefined || b === undefined) {
        if (a !== b) out.push({ path: rowPath, before: a, after: b });
      } else {
        compare(rowPath, a, b, out);
      }
    }
  } else if (!sameLeaf(before, after)) {
    out.push({ path, before, after });
  }
}

/**
 * The figures that differ between two versions of a report (a reissue): one change per leaf
 * value, at its dotted path in `ReportFigures.current` (`tickets.services.total`); rows of a
 * list are named by their key fields (`tickets.services.bySystem[system:default/trial].count`),
 * and a row that appears or goes is one change with the whole row.
 */
export function figureChanges(
  before: PeriodFigures,
  after: PeriodFigures,
): FigureChange[] {
  const out: FigureChange[] = [];
  compare('', before, after, out);
  return out;
}

/** The figures a report's headline tiles show, in their order. */
export const HEADLINE_FIGURES = [
  'services',
  'incidents',
  'compliancePercent',
  'breaches',
  'runningAtEnd',
  'workHours',
  'incidentResolutionPercent',
  'firstContactResolutionPercent',
  'satisfactionMean',
  'changeSuccessPercent',
  'roundsDone',
  'deviceCoveragePercent',
] as const;

export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** The headline figures of a period (absent where the figure has no value, e.g. a rate of nothing). */
export function headlineFigures(
  figures: PeriodFigures,
): Record<HeadlineFigure, number | undefined> {
  const { tickets, inspections } = figures;
  return {
    services: tickets.services.total,
    incidents: tickets.services.byType.incident,
    compliancePercent: tickets.compliance.total.percent,
    breaches: tickets.compliance.total.breached,
    runningAtEnd: tickets.compliance.total.running,
    workHours: tickets.workMinutes.total / 60,
    incidentResolutionPercent: tickets.rates.incidentResolution.percent,
    firstContactResolutionPercent: tickets.rates.firstContactResolution.percent,
    satisfactionMean: tickets.satisfaction.mean,
    changeSuccessPercent: tickets.changes.successRate.percent,
    roundsDone: inspections.roundsDone,
    deviceCoveragePercent: inspections.deviceCoverage.percent,
  };
}
