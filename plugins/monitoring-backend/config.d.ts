export interface Config {
  /** The monitoring intake (monitoring plugin, docs/monitoring.md). */
  monitoring?: {
    /** The court's time zone for the times written on tickets. Default Asia/Shanghai. */
    zone?: string;
    /**
     * The sources. Each authenticates with its own static token in
     * `backend.auth.externalAccess` (type static) whose `subject` is given here.
     */
    sources?: {
      alertmanager?: {
        /** The subject of the source's static token. Default monitoring-alertmanager. */
        subject?: string;
        /** Resolve the ticket when the alert clears. Default false (an event is added). */
        autoResolve?: boolean;
        /** Alert the desk when nothing arrived for this many minutes. */
        heartbeatMinutes?: number;
      };
      zabbix?: {
        /** Default monitoring-zabbix. */
        subject?: string;
        autoResolve?: boolean;
        heartbeatMinutes?: number;
        /** The Zabbix server's zone, for {EVENT.DATE} {EVENT.TIME}. Default Asia/Shanghai. */
        zone?: string;
      };
      generic?: {
        /** Default monitoring-generic. */
        subject?: string;
        autoResolve?: boolean;
        heartbeatMinutes?: number;
      };
    };
    /** An alert firing `fires` times within `minutes` is marked flapping. Defaults 3 and 30. */
    flapping?: { fires?: number; minutes?: number };
    /** More than `alerts` new alerts of one system within a minute is a storm. Default 10. */
    storm?: { alerts?: number };
    /** Urgency (high, medium, low) and impact (large, medium, small) per severity. */
    severities?: {
      critical?: { urgency: string; impact: string };
      major?: { urgency: string; impact: string };
      minor?: { urgency: string; impact: string };
      warning?: { urgency: string; impact: string };
      info?: { urgency: string; impact: string };
    };
    /** How alerts are matched to devices. */
    mapping?: {
      /** Device facts in the order they are tried: monitoringId, ip, hostname. */
      order?: string[];
      /** Minutes the catalog's devices are kept before they are read again. Default 5. */
      refreshMinutes?: number;
    };
    /** Who is told that a source went silent. Default group:default/service-desk-post. */
    deskRecipients?: string[];
    /** How many refused deliveries are kept. Default 200. */
    deadLetters?: { keep?: number };
  };
}
