import {
  WorkingDays,
  workingDaysOf,
} from '@internal/plugin-inspections-common';
import { SlaEngine } from '@internal/plugin-sla-common';

/**
 * The working days of the SLA engine's calendars by id, each built once.
 * @throws RangeError naming the known calendars, for an unknown id
 */
export function calendarDays(engine: SlaEngine): (id: string) => WorkingDays {
  const built = new Map<string, WorkingDays>();
  return id => {
    let days = built.get(id);
    if (!days) {
      days = workingDaysOf(engine.calendars.get(id));
      built.set(id, days);
    }
    return days;
  };
}
