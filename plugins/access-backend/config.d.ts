export interface Config {
  /** Confidential access grants and engineer approval (access plugin, docs/access.md). */
  access?: {
    /** The court's time zone, for dates and the monthly list. Default Asia/Shanghai. */
    zone?: string;
    /** The longest grant, in minutes (15 to 1440). Default 240 (4 h). */
    maxGrantMinutes?: number;
    /**
     * Engineers' records written at start when absent (never overwritten): the
     * team the court has vetted before the portal. Approved unless `approved: false`.
     */
    engineers?: Array<{
      /** The catalog User, e.g. user:default/liuyang. */
      userRef: string;
      name: string;
      employer: string;
      posts?: string[];
      qualifications?: Array<{
        name: string;
        number?: string;
        /** ISO date. */
        validUntil?: string;
      }>;
      /** ISO date the confidentiality agreement was signed. */
      confidentialitySignedOn?: string;
      /** Default true. */
      approved?: boolean;
    }>;
  };
}
