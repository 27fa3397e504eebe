export interface Config {
  /** Spare parts and third-party repairs (spares plugin). */
  spares?: {
    /** The court's time zone, for dates, months and the overdue watch. Default Asia/Shanghai. */
    zone?: string;
    /** The hour (court time) overdue repairs are looked for each day. Default 9. */
    overdueCheckHour?: number;
    /** Who is told; entity refs. Defaults: the ops managers; for overdue repairs also the court IT office. */
    notify?: {
      belowMinimum?: string[];
      overdue?: string[];
    };
    /** Part types stored at start when absent. */
    partTypes?: Array<{
      id: string;
      name: string;
      deviceClasses?: string[];
      models?: string[];
      minimum?: number;
    }>;
    /** Store locations stored at start when absent. */
    locations?: Array<{ id: string; name: string }>;
    /** Vendors stored at start when absent. */
    vendors?: Array<{
      id: string;
      name: string;
      contacts?: string[];
      serviceHours?: string;
      responsePromise?: string;
    }>;
  };
}
