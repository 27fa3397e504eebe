import type {
  ChangeStatus,
  ChangeWarning,
  ChangeWindow,
  FreezePeriod,
} from './model';
import { ACTIVE_CHANGE_STATUSES } from './model';

/** What a change touches: its systems and devices, and the systems of those devices. */
export interface ChangeScope {
  readonly entityRefs: readonly string[];
  readonly systemRefs: readonly string[];
}

/** A change as the calendar rules see it. */
export interface ScheduledChange extends ChangeScope {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly status: ChangeStatus;
  readonly window: ChangeWindow;
}

/** Whether two half-open windows [start, end) share an instant. */
export function windowsOverlap(a: ChangeWindow, b: ChangeWindow): boolean {
  return (
    Date.parse(a.start) < Date.parse(b.end) &&
    Date.parse(b.start) < Date.parse(a.end)
  );
}

/** The systems and devices both scopes touch, sorted. */
export function sharedRefs(a: ChangeScope, b: ChangeScope): string[] {
  const ours = new Set([...a.entityRefs, ...a.systemRefs]);
  return [...new Set([...b.entityRefs, ...b.systemRefs])]
    .filter(ref => ours.has(ref))
    .sort();
}

/**
 * Other active changes whose windows overlap this one's on a shared system
 * or device: a warning, not a refusal, since two engineers may well work
 * the same machine room on purpose.
 */
export function findOverlaps(
  change: Pick<ScheduledChange, 'id' | 'window' | 'entityRefs' | 'systemRefs'>,
  others: readonly ScheduledChange[],
): ChangeWarning[] {
  return others.flatMap(other => {
    if (
      other.id === change.id ||
      !ACTIVE_CHANGE_STATUSES.includes(other.status) ||
      !windowsOverlap(change.window, other.window)
    ) {
      return [];
    }
    const refs = sharedRefs(change, other);
    return refs.length === 0
      ? []
      : [
          {
            kind: 'overlap' as const,
            number: other.number,
            title: other.title,
            window: other.window,
            refs,
          },
        ];
  });
}

/** Freeze periods over the change's window that cover what it touches (empty scope: everything). */
export function freezesHit(
  change: Pick<ScheduledChange, 'window' | 'entityRefs' | 'systemRefs'>,
  freezes: readonly FreezePeriod[],
): FreezePeriod[] {
  return freezes.filter(
    freeze =>
      windowsOverlap(change.window, freeze.window) &&
      (freeze.entityRefs.length === 0 ||
        sharedRefs(change, { entityRefs: freeze.entityRefs, systemRefs: [] })
          .length > 0),
  );
}

/** A change's standing against freezes: whether it may go ahead. */
export interface FreezeStanding {
  readonly emergency: boolean;
  readonly freezeException: boolean;
}

/**
 * The freezes that stop this change from being approved, scheduled or
 * started: none for an emergency change (done first) or one the court let in.
 */
export function blockingFreezes(
  change: Pick<ScheduledChange, 'window' | 'entityRefs' | 'systemRefs'> &
    FreezeStanding,
  freezes: readonly FreezePeriod[],
): FreezePeriod[] {
  return change.emergency || change.freezeException
    ? []
    : freezesHit(change, freezes);
}

/** Overlaps and freezes, as the change page and the filing response show them. */
export function changeWarnings(
  change: Pick<ScheduledChange, 'id' | 'window' | 'entityRefs' | 'systemRefs'> &
    FreezeStanding,
  others: readonly ScheduledChange[],
  freezes: readonly FreezePeriod[],
): ChangeWarning[] {
  const blocking = new Set(blockingFreezes(change, freezes).map(f => f.id));
  return [
    ...freezesHit(change, freezes).map(freeze => ({
      kind: 'freeze' as const,
      freezeId: freeze.id,
      title: freeze.title,
      window: freeze.window,
      excepted: !blocking.has(freeze.id),
    })),
    ...findOverlaps(change, others),
  ];
}

/** Grace before an approved window's start in which a normal change may already start, by default. */
export const DEFAULT_START_GRACE_MINUTES = 15;

/**
 * Whether a normal change may start at `now`: inside its approved window,
 * from `graceMinutes` before the start until the end (exclusive).
 */
export function mayStartAt(
  window: ChangeWindow,
  now: string,
  graceMinutes: number = DEFAULT_START_GRACE_MINUTES,
): boolean {
  const at = Date.parse(now);
  return (
    at >= Date.parse(window.start) - graceMinutes * 60_000 &&
    at < Date.parse(window.end)
  );
}

/**
 * Whether `inner` lies inside `outer`: re-scheduling an approved change into
 * such a window needs no new approval; any other window does.
 */
export function windowWithin(
  inner: ChangeWindow,
  outer: ChangeWindow,
): boolean {
  return (
    Date.parse(inner.start) >= Date.parse(outer.start) &&
    Date.parse(inner.end) <= Date.parse(outer.end)
  );
}
