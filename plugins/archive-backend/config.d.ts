export interface Config {
  /** The document archive (archive plugin). */
  archive?: {
    /** The largest file accepted, in MB. Default 50. */
    maxFileMb?: number;
    /** The court's time zone, for document dates and quarters. Default Asia/Shanghai. */
    zone?: string;
    /**
     * The sub-classes offered per class (om, project, quality, service-report,
     * other); a document's sub-class must be one of its class's. The defaults
     * include those the portal files by itself (变更记录, 巡检记录, 周报 ...).
     */
    subClasses?: {
      om?: string[];
      project?: string[];
      quality?: string[];
      'service-report'?: string[];
      other?: string[];
    };
    /** The court, as the volume's cover and the drafts name it. */
    court?: string;
    /** The O&M contractor. */
    contractor?: string;
    /** The contract (name and number) the volume is handed over under. */
    contract?: string;
    /** Filing of issued reports, finished changes and monthly inspection records by itself. */
    filing?: {
      /** Default true. */
      enabled?: boolean;
      /** How often the sources are looked at, in minutes. Default 10. */
      everyMinutes?: number;
      /** How far back finished changes are looked for, in days. Default 45. */
      lookBackDays?: number;
    };
  };
}
