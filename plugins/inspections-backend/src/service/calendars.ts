import {
  WorkingDays,
  workingDaysOf,
} from '@internal/plugin-inspections-common';
import { SlaEngine } from '@internal/plugin-sla-common';

/**
 * The working days of the SLA engine's calendars by id, each built once per
 * engine. `engine` is asked on every lookup, so a new engine (a year of the
 * official schedule entered in the portal) takes effect at once.
 * @throws RangeError naming the known calendars, for an unknown id
 */
export function calendarDays(
  engine: () => SlaEngine,
): (id: string) => WorkingDays {
  const built = new WeakMap<SlaEngine, Map<string, WorkingDays>>();
  return id => {
    const current = engine();
    let byId = built.get(current);
    if (!byId) {
      byId = new Map();
      built.set(current, byId);
    }
    let days = byId.get(id);
    if (!days) {
      days = workingDaysOf(current.calendars.get(id));
      byId.set(id, days);
    }
    return days;
  };
}
