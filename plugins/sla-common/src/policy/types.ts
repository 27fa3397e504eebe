/** 紧急程度 */
export type Urgency = 'high' | 'medium' | 'low';
/** 影响程度 */
export type Impact = 'large' | 'medium' | 'small';
/** 一级 … 四级事件 */
export type PriorityLevel = 'L1' | 'L2' | 'L3' | 'L4';
/** respond (响应), be on site (到场), remove the fault (排除故障) */
export type ClockName = 'response' | 'arrival' | 'resolution';
/** The ticket event a clock counts from. */
export type ClockStart = 'created' | 'arrived';

export const URGENCIES: readonly Urgency[] = ['high', 'medium', 'low'];
export const IMPACTS: readonly Impact[] = ['large', 'medium', 'small'];
export const PRIORITY_LEVELS: readonly PriorityLevel[] = [
  'L1',
  'L2',
  'L3',
  'L4',
];
export const CLOCK_NAMES: readonly ClockName[] = [
  'response',
  'arrival',
  'resolution',
];

/** Orders clocks as the engine lists them (CLOCK_NAMES), for sorting. */
export function compareClocks(a: ClockName, b: ClockName): number {
  return CLOCK_NAMES.indexOf(a) - CLOCK_NAMES.indexOf(b);
}

export type PriorityMatrix = Readonly<
  Record<Urgency, Readonly<Record<Impact, PriorityLevel>>>
>;

/** A target duration and the calendar it counts in. */
export interface ClockTarget {
  /** Milliseconds of open time in `calendar`; null: measured, with no target. */
  readonly targetMs: number | null;
  /** Id of the calendar the clock counts in. */
  readonly calendar: string;
}

/** The target that applies when the clock starts while `hours` is closed. */
export interface OutsideHoursTarget extends ClockTarget {
  /** Id of the calendar whose open time is "inside hours". */
  readonly hours: string;
}

/** How one clock runs at one level. */
export interface ClockRule extends ClockTarget {
  readonly startsAt: ClockStart;
  /**
   * The variant for a clock that starts outside `hours`, e.g. an emergency
   * outside on-site hours. It never gives more time than a clock started at
   * the next opening of `hours` would have.
   */
  readonly outsideHours?: OutsideHoursTarget;
}

/** The clocks of one level; null: that clock does not run at this level. */
export type LevelRules = Readonly<Record<ClockName, ClockRule | null>>;

/** A versioned SLA policy; a ticket keeps the version it was created under. */
export interface SlaPolicy {
  readonly id: string;
  readonly version: number;
  readonly description?: string;
  readonly matrix: PriorityMatrix;
  /** Fractions of a target at which to warn, ascending, each in (0, 1). */
  readonly warnings: readonly number[];
  readonly levels: Readonly<Record<PriorityLevel, LevelRules>>;
}
