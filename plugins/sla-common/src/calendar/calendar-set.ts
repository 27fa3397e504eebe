import { BusinessCalendar, createBusinessCalendar } from './business-calendar';
import { CalendarDefinition } from './definition';
import { OfficialSchedule } from './official-schedule';

/** The calendars policies refer to, by id. */
export class CalendarSet {
  private readonly byId: ReadonlyMap<string, BusinessCalendar>;

  constructor(
    definitions: readonly CalendarDefinition[],
    officialSchedule?: OfficialSchedule,
  ) {
    const byId = new Map<string, BusinessCalendar>();
    for (const definition of definitions) {
      if (byId.has(definition.id)) {
        throw new RangeError(`calendar '${definition.id}' is defined twice`);
      }
      byId.set(
        definition.id,
        createBusinessCalendar(definition, officialSchedule),
      );
    }
    this.byId = byId;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** @throws RangeError for an unknown id. */
  get(id: string): BusinessCalendar {
    const calendar = this.byId.get(id);
    if (!calendar) {
      throw new RangeError(
        `unknown calendar '${id}'; known: ${this.ids.join(', ')}`,
      );
    }
    return calendar;
  }
}
