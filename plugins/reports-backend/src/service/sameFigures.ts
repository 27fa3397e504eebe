import { ReportFigures } from '@internal/plugin-reports-common';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so equal figures give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isRecord(v)
        ? Object.fromEntries(
            // An object's keys are distinct: no two compare equal.
            Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v,
    ) ?? 'undefined'
  );
}

/**
 * Whether two reports' figures are the same (issuing them again answers the version that has
 * them): the period, the comparison period, the scope and every figure.
 */
export function sameFigures(a: ReportFigures, b: ReportFigures): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
