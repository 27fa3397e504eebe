export interface Config {
  /** Service reports (reports plugin). */
  reports?: {
    /** The court's time zone: periods are whole days in it. Default Asia/Shanghai. */
    zone?: string;
    /** Named on the cover of the issued Word report. */
    court?: {
      /** The court, e.g. 云溪市中级人民法院. Default: organization.name. */
      name?: string;
      /** The contractor that runs the court's IT. Default 运维服务商. */
      contractor?: string;
    };
    drafts?: {
      /**
       * Prepare a draft of the previous week every Monday 08:00 and of the previous month on
       * the month's first working day (official calendar) 08:00. Default true.
       */
      enabled?: boolean;
      /** Who is notified of a draft (entity refs). Default: the groups of the ops-manager role in courtOps.roles. */
      notify?: string[];
    };
  };
}
