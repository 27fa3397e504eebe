export interface Config {
  courtOps?: {
    /** The official calendar (calendar plugin). */
    calendar?: {
      /**
       * From which day of the year (MM-DD) a missing next year is warned
       * about: the home banner and a daily notification. Default 11-01, when
       * the State Council usually publishes the notice.
       */
      warnFrom?: string;
      /** The court's time zone, for "today". Default Asia/Shanghai. */
      zone?: string;
      /**
       * Who gets the daily notification (entity refs). Default: the groups
       * of the ops-manager and court-it-office roles in courtOps.roles.
       */
      notify?: string[];
      /** How often, in minutes, the warning task looks. Default 60. */
      checkMinutes?: number;
    };
  };
}
