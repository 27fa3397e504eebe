export interface Config {
  /** The audit trail (SEC-3): every auditor event stored in a hash chain. */
  audit?: {
    /** The court's time zone, for the daily check and the export (default Asia/Shanghai). */
    zone?: string;
    /** Rows older than this many days are pruned behind a checkpoint row (default 1830, 30..36500). */
    retentionDays?: number;
    /** When the daily check runs, HH:mm in `zone` (default 02:30). */
    dailyCheckAt?: string;
    /** The most rows one Excel export holds (default 100000). */
    exportLimit?: number;
    /** Entity refs told when the chain does not verify (default: courtOps.roles.court-it-office). */
    notify?: string[];
    queue?: {
      /** Events held in memory before auditor callers wait (default 10000). */
      capacity?: number;
      /** Rows appended per transaction (default 500). */
      batchSize?: number;
    };
  };
}
