import { DateTime } from 'luxon';
import type { AlertSeverity, SeverityMapping, SeverityRating } from './types';

/**
 * A stable 53-bit hash (cyrb53) as 14 hex digits: isomorphic, no crypto
 * needed, for fingerprints of label sets that come without one.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0))
    .toString(16)
    .padStart(14, '0');
}

/**
 * The fingerprint of a label set: the same labels in any order give the
 * same fingerprint, so a source that sends none still deduplicates.
 */
export function labelsFingerprint(labels: Record<string, string>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map(key => `${JSON.stringify(key)}=${JSON.stringify(labels[key])}`)
    .join(',');
  return stableHash(canonical);
}

/** The flapping rule: `fires` separate firings within `minutes`. */
export interface FlappingRule {
  readonly fires: number;
  readonly minutes: number;
}

/**
 * Whether an alert flaps: some window of `rule.minutes` holds at least
 * `rule.fires` of its firings (their start instants). Once flapping, more
 * firings never make it stop, so the incident stays marked.
 */
export function isFlapping(
  fireInstants: readonly string[],
  rule: FlappingRule,
): boolean {
  const times = [...new Set(fireInstants)]
    .map(instant => DateTime.fromISO(instant).toMillis())
    .sort((a, b) => a - b);
  const span = rule.minutes * 60_000;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] > span) start++;
    if (end - start + 1 >= rule.fires) return true;
  }
  return false;
}

/** The storm rule: more than `alerts` new alerts from one system within a minute. */
export interface StormRule {
  readonly alerts: number;
}

/** What to do with a new alert of a system, given the system's last minute. */
export type StormDecision =
  | { readonly kind: 'own' }
  | { readonly kind: 'open-storm' }
  | { readonly kind: 'join-storm'; readonly parent: string };

/**
 * A new alert files its own incident until its system has had `rule.alerts`
 * new alerts within the minute; the next one opens the storm's parent
 * incident and every later one in the storm joins it instead of filing.
 */
export function stormDecision(
  system: { readonly newInLastMinute: number; readonly openStorm?: string },
  rule: StormRule,
): StormDecision {
  if (system.openStorm !== undefined) {
    return { kind: 'join-storm', parent: system.openStorm };
  }
  return system.newInLastMinute >= rule.alerts
    ? { kind: 'open-storm' }
    : { kind: 'own' };
}

/** Urgency × impact of an alert's incident, from the court's mapping. */
export function ratingOf(
  severity: AlertSeverity,
  mapping: SeverityMapping,
): SeverityRating {
  return mapping[severity];
}
