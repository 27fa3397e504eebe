import type { AlertSeverity, MonitoredIncident } from './types';

/** A system's colour on the status board. */
export type BoardColour = 'green' | 'amber' | 'red';

/** Severities that turn a system red while one of its alerts is open; any other open alert is amber. */
export const RED_SEVERITIES: readonly AlertSeverity[] = ['critical', 'major'];

/** One system's tile: its colour and the open alerts that gave it. */
export interface SystemState {
  readonly systemRef: string;
  readonly colour: BoardColour;
  readonly openAlerts: MonitoredIncident[];
}

const RANK: Record<BoardColour, number> = { red: 0, amber: 1, green: 2 };

/** Red when an open alert is critical or major, amber when any other is open, else green. */
export function colourOf(
  alerts: ReadonlyArray<Pick<MonitoredIncident, 'status' | 'severity'>>,
): BoardColour {
  const open = alerts.filter(alert => alert.status === 'open');
  if (open.some(alert => RED_SEVERITIES.includes(alert.severity))) return 'red';
  return open.length > 0 ? 'amber' : 'green';
}

/**
 * The status board: every catalog system once, plus any system an open alert names that the
 * catalog does not (yet) list, worst first, then by reference.
 */
export function statusBoard(
  systemRefs: readonly string[],
  alerts: readonly MonitoredIncident[],
): SystemState[] {
  const bySystem = new Map<string, MonitoredIncident[]>(
    systemRefs.map(ref => [ref, []]),
  );
  for (const alert of alerts) {
    if (alert.status !== 'open' || alert.system === undefined) continue;
    const list = bySystem.get(alert.system) ?? [];
    list.push(alert);
    bySystem.set(alert.system, list);
  }
  return [...bySystem.entries()]
    .map(([systemRef, openAlerts]) => ({
      systemRef,
      colour: colourOf(openAlerts),
      openAlerts,
    }))
    .sort(
      (a, b) =>
        RANK[a.colour] - RANK[b.colour] ||
        a.systemRef.localeCompare(b.systemRef),
    );
}
