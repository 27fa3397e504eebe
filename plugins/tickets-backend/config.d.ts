export interface Config {
  /** The service desk (tickets plugin). */
  tickets?: {
    /** IANA zone of the court, for ticket-number years. Default Asia/Shanghai. */
    zone?: string;
    /**
     * Share of a target after which a running clock is "at risk" in the
     * queue and on the home page. Default 0.75.
     */
    atRiskShare?: number;
    notify?: {
      /** Entity refs told of every new ticket. Default the on-site team. */
      newTicket?: string[];
      /** Entity refs told of every SLA warning and breach. */
      serviceManagers?: string[];
      /**
       * Entity refs told of every SLA warning and breach outside on-site hours (SLA-3), besides
       * the engineer on phone duty, as the duty roster says. Default the ops managers.
       */
      outsideOnSiteHours?: string[];
      /** Entity refs told of every change awaiting approval. Default the court IT office. */
      changeApprovers?: string[];
    };
    changes?: {
      /**
       * Minutes before its approved window's start in which a normal change
       * may already be started; outside [start - grace, end) the API answers
       * 409 naming the window. Default 15.
       */
      startGraceMinutes?: number;
    };
    /** How a period's figures for reports are computed. */
    figures?: {
      /**
       * Worker threads, each with its own database connection, so a report's two periods are
       * computed side by side and off the thread that answers the desk. 0 computes them on the
       * backend's own thread. Default 2.
       */
      workers?: number;
      /**
       * A worker's heap limit in MB. A period whose figures need more fails with 503 naming
       * this key, and the backend stays up. Default 1024 (a year of a court with 100,000
       * tickets a year needed more than 320 and at most 512).
       */
      workerMemoryMb?: number;
    };
    breachWatch?: {
      /**
       * Longest the breach watch sleeps before re-reading the next wake-up
       * (other replicas' changes). Default 30.
       */
      maxSleepSeconds?: number;
    };
  };
}
