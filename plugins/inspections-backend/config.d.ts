export interface Config {
  /** Inspections (巡检): plans, the round generator, labels. See docs/inspections.md. */
  inspections?: {
    /** The SLA engine calendar whose zone says which day "today" is. Default working-days. */
    calendar?: string;
    /** How many days back the generator catches up after downtime. Default 31. */
    catchUpDays?: number;
    generation?: {
      /** How often the generator runs (it is idempotent). Default 10. */
      frequencyMinutes?: number;
      /** Delay after start before the first run (the catch-up). Default 5. */
      initialDelaySeconds?: number;
    };
    /**
     * Who is notified (once per year) when rounds wait for a year's official
     * schedule: entity refs. Default the groups of the ops-manager role in
     * courtOps.roles.
     */
    notify?: string[];
    /**
     * The duty post (duty.posts) whose engineers on on-site duty that day walk a team's rounds;
     * a team without one, or a day the roster has nobody for it, goes round robin to its members.
     */
    dutyPosts?: Array<{ team: string; post: string }>;
    /**
     * Plans stored at start when no plan of the same id exists yet; afterwards
     * plans are changed through the API (permission inspections.plan.manage).
     */
    plans?: Array<{
      id: string;
      title: string;
      titleEn?: string;
      devices: {
        kind?: 'resource' | 'component';
        classes?: string[];
        systems?: string[];
        entities?: string[];
      };
      template?: string;
      frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly';
      calendar?: string;
      team: string;
      startsOn?: string;
      active?: boolean;
    }>;
  };
}
