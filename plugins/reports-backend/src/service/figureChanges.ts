import { FigureChange, ReportFigures } from '@internal/plugin-reports-common';

/**
 * The figures of `after.current` that differ from `before.current`, by dotted path (arrays by
 * index); a figure present on one side only is a change from or to `undefined`.
 */
export function figureChanges(
  before: ReportFigures,
  after: ReportFigures,
): FigureChange[] {
  const changes: FigureChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (
      isComposite(a) &&
      isComposite(b) &&
      Array.isArray(a) === Array.isArray(b)
    ) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        walk(
          path ? `${path}.${key}` : key,
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
        );
      }
    } else if (canonicalJson(a) !== canonicalJson(b)) {
      changes.push({ path, before: a, after: b });
    }
  };
  walk('', before.current, after.current);
  return changes;
}

function isComposite(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** JSON with object keys sorted, so equal figures give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isComposite(v) && !Array.isArray(v)
        ? Object.fromEntries(
            // An object's keys are distinct: no two compare equal.
            Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v,
    ) ?? 'undefined'
  );
}
