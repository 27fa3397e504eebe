import type { KeyParameterRule } from '@internal/plugin-court-common';
import type { ChangeSuccessRate, ParameterChangeRecord } from './model';

/** A key parameter as the catalog records it (`spec.keyParameters`), with its value's rule. */
export interface CatalogParameter extends Readonly<KeyParameterRule> {
  readonly name: string;
  readonly value: string;
  readonly description?: string;
}

/** A key parameter's value now: the latest applied change, else the catalog's. */
export interface CurrentParameter extends Readonly<KeyParameterRule> {
  readonly name: string;
  readonly value: string;
  readonly description?: string;
  /** The value the catalog was loaded with. */
  readonly catalogValue?: string;
  /** The change that set the current value; absent while it is the catalog's. */
  readonly lastChange?: ParameterChangeRecord;
}

/**
 * The device's key parameters now. The catalog holds the initial values;
 * the register holds every approved change applied since, newest first.
 */
export function currentParameters(
  catalog: readonly CatalogParameter[],
  history: readonly ParameterChangeRecord[],
): CurrentParameter[] {
  const latest = new Map<string, ParameterChangeRecord>();
  for (const record of history) {
    const seen = latest.get(record.parameter);
    if (!seen || record.appliedAt > seen.appliedAt) {
      latest.set(record.parameter, record);
    }
  }
  const fromCatalog = catalog.map(parameter => {
    const change = latest.get(parameter.name);
    return {
      ...parameter,
      value: change?.newValue ?? parameter.value,
      catalogValue: parameter.value,
      lastChange: change,
    };
  });
  const known = new Set(catalog.map(p => p.name));
  const onlyRegistered = [...latest.values()]
    .filter(record => !known.has(record.parameter))
    .map(record => ({
      name: record.parameter,
      value: record.newValue,
      lastChange: record,
    }));
  return [...fromCatalog, ...onlyRegistered];
}

/** The share of ended changes that succeeded; undefined when none ended. */
export function successRate(
  counts: Pick<ChangeSuccessRate, 'succeeded' | 'failed' | 'rolledBack'>,
): number | undefined {
  const ended = counts.succeeded + counts.failed + counts.rolledBack;
  return ended === 0 ? undefined : counts.succeeded / ended;
}
