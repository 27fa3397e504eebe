/**
 * Coverage: for a period, which devices were inspected, which are overdue,
 * which failed (INSP-5, "proof that nothing was skipped"). The backend adds
 * up each device's scheduled checks in SQL; the figures are computed here.
 */

/** One device's scheduled checks due in the period. */
export interface DeviceTally {
  readonly deviceRef: string;
  readonly deviceTitle?: string;
  readonly systemRef?: string;
  readonly deviceClass: string;
  /** Checks due in the period. */
  readonly due: number;
  /** Of those, finished (every required item answered). */
  readonly done: number;
  /** Of the finished, with a failed item or an out-of-limits reading. */
  readonly failed: number;
  /** Unfinished after the last day of their period. */
  readonly overdue: number;
}

/**
 * A device is inspected when every check due in the period is done, overdue
 * when one is late, else pending (its checks are still within their period).
 */
export type DeviceState = 'inspected' | 'overdue' | 'pending';

export function deviceState(tally: DeviceTally): DeviceState {
  if (tally.overdue > 0) return 'overdue';
  return tally.done >= tally.due ? 'inspected' : 'pending';
}

export interface CoverageFigures {
  readonly devices: number;
  readonly inspected: number;
  readonly overdue: number;
  readonly pending: number;
  /** Devices with at least one failed check. */
  readonly failed: number;
  readonly checksDue: number;
  readonly checksDone: number;
  readonly checksFailed: number;
  readonly checksOverdue: number;
  /** Inspected devices / devices, 0..1; 1 when nothing was due. */
  readonly coverage: number;
}

/**
 * The coverage to show, or undefined when nothing was due in the period: the
 * reader is told so instead of "100 %", which would claim inspections that
 * never had to happen.
 */
export function shownCoverage(
  figures: Pick<CoverageFigures, 'checksDue' | 'coverage'>,
): number | undefined {
  return figures.checksDue === 0 ? undefined : figures.coverage;
}

export interface CoverageRow extends CoverageFigures {
  /** A system ref, or a device class. */
  readonly key: string;
}

export function figuresOf(tallies: readonly DeviceTally[]): CoverageFigures {
  const count = (state: DeviceState) =>
    tallies.filter(t => deviceState(t) === state).length;
  const sum = (field: 'due' | 'done' | 'failed' | 'overdue') =>
    tallies.reduce((total, t) => total + t[field], 0);
  const inspected = count('inspected');
  return {
    devices: tallies.length,
    inspected,
    overdue: count('overdue'),
    pending: count('pending'),
    failed: tallies.filter(t => t.failed > 0).length,
    checksDue: sum('due'),
    checksDone: sum('done'),
    checksFailed: sum('failed'),
    checksOverdue: sum('overdue'),
    coverage: tallies.length ? inspected / tallies.length : 1,
  };
}

/** Figures per group, in key order; devices without a key group under `''`. */
export function coverageBy(
  tallies: readonly DeviceTally[],
  keyOf: (tally: DeviceTally) => string | undefined,
): CoverageRow[] {
  const groups = new Map<string, DeviceTally[]>();
  for (const tally of tallies) {
    const key = keyOf(tally) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), tally]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({ key, ...figuresOf(group) }));
}

/** Tallies of the same device (several plans) merged into one. */
export function mergeTallies(tallies: readonly DeviceTally[]): DeviceTally[] {
  const byDevice = new Map<string, DeviceTally>();
  for (const t of tallies) {
    const seen = byDevice.get(t.deviceRef);
    byDevice.set(
      t.deviceRef,
      seen
        ? {
            ...seen,
            due: seen.due + t.due,
            done: seen.done + t.done,
            failed: seen.failed + t.failed,
            overdue: seen.overdue + t.overdue,
          }
        : t,
    );
  }
  return [...byDevice.values()];
}

export interface CoverageSummary {
  readonly totals: CoverageFigures;
  readonly bySystem: CoverageRow[];
  readonly byClass: CoverageRow[];
}

export function summarizeCoverage(
  tallies: readonly DeviceTally[],
): CoverageSummary {
  const devices = mergeTallies(tallies);
  return {
    totals: figuresOf(devices),
    bySystem: coverageBy(devices, t => t.systemRef),
    byClass: coverageBy(devices, t => t.deviceClass),
  };
}

/** The answers of one PC check that the virus statistics read (INSP-3). */
export interface VirusAnswer {
  readonly checkId: string;
  readonly deviceRef: string;
  /** `virus-count` reading. */
  readonly found?: number;
  /** `virus-handling` choice. */
  readonly handling?: string;
}

/** A period's virus-handling statistics (INSP-3), from the PC checks due in it. */
export interface VirusSummary {
  readonly from: string;
  readonly to: string;
  /** PC checks with a virus answer. */
  readonly checks: number;
  /** Distinct PCs checked. */
  readonly pcs: number;
  /** Checks that found at least one virus. */
  readonly infectedChecks: number;
  /** Distinct PCs on which a virus was found. */
  readonly infectedPcs: number;
  readonly virusesFound: number;
  /** Checks per handling option, e.g. `{ cleaned: 3, isolated: 1 }`. */
  readonly handling: Readonly<Record<string, number>>;
}

export function summarizeViruses(
  period: { readonly from: string; readonly to: string },
  answers: readonly VirusAnswer[],
): VirusSummary {
  const infected = answers.filter(a => (a.found ?? 0) > 0);
  const handling: Record<string, number> = {};
  for (const a of answers) {
    if (a.handling) handling[a.handling] = (handling[a.handling] ?? 0) + 1;
  }
  return {
    from: period.from,
    to: period.to,
    checks: new Set(answers.map(a => a.checkId)).size,
    pcs: new Set(answers.map(a => a.deviceRef)).size,
    infectedChecks: new Set(infected.map(a => a.checkId)).size,
    infectedPcs: new Set(infected.map(a => a.deviceRef)).size,
    virusesFound: answers.reduce((total, a) => total + (a.found ?? 0), 0),
    handling,
  };
}
