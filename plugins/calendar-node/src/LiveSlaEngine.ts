import {
  mergeOfficialYears,
  SlaConfig,
  SlaEngine,
} from '@internal/plugin-sla-common';
import { OfficialCalendarService } from './OfficialCalendarService';

/**
 * An SLA engine on the plugin's `sla` config with the years entered in the
 * portal on top, rebuilt when those change. `refresh()` before a piece of
 * work, `current` during it.
 */
export class LiveSlaEngine {
  private engine: SlaEngine;
  private revision = Number.NaN;

  constructor(
    private readonly config: SlaConfig,
    private readonly calendar: OfficialCalendarService,
  ) {
    this.engine = new SlaEngine(config);
  }

  /** The engine as of the last refresh. */
  get current(): SlaEngine {
    return this.engine;
  }

  /** Picks up years entered since the last call; returns the engine in effect. */
  async refresh(): Promise<SlaEngine> {
    const entered = await this.calendar.enteredSchedules();
    if (entered.revision !== this.revision) {
      this.engine = new SlaEngine({
        ...this.config,
        officialSchedules: mergeOfficialYears(
          this.config.officialSchedules,
          entered.schedules,
        ),
      });
      this.revision = entered.revision;
    }
    return this.engine;
  }
}
