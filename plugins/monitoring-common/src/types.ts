import type { Impact, Urgency } from '@internal/plugin-sla-common';

/** The three receivers; each source authenticates with its own token. */
export const ALERT_SOURCES = ['alertmanager', 'zabbix', 'generic'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** The court's severity scale every source's severities are mapped onto. */
export const ALERT_SEVERITIES = [
  'critical',
  'major',
  'minor',
  'warning',
  'info',
] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export type AlertStatus = 'firing' | 'resolved';

/** One alert of a delivery, whatever the source's format. */
export interface ReceivedAlert {
  readonly source: AlertSource;
  /** Same fingerprint = same alert: one open incident per fingerprint. */
  readonly fingerprint: string;
  readonly status: AlertStatus;
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly description: string;
  /** Where it happened, for mapping to the catalog. */
  readonly host?: string;
  readonly ip?: string;
  readonly monitoringId?: string;
  /** A system the source names (label `system`), used when no device matches. */
  readonly system?: string;
  /** ISO instant with offset. */
  readonly startsAt: string;
  /** The source's link back (Alertmanager's generatorURL). */
  readonly link?: string;
}

/** Urgency × impact of the incident an alert of a severity files. */
export interface SeverityRating {
  readonly urgency: Urgency;
  readonly impact: Impact;
}
export type SeverityMapping = Readonly<Record<AlertSeverity, SeverityRating>>;

/** The default mapping; a court changes it under `monitoring.severities`. */
export const DEFAULT_SEVERITY_MAPPING: SeverityMapping = {
  critical: { urgency: 'high', impact: 'large' },
  major: { urgency: 'high', impact: 'medium' },
  minor: { urgency: 'medium', impact: 'medium' },
  warning: { urgency: 'medium', impact: 'small' },
  info: { urgency: 'low', impact: 'small' },
};

/** An alert fingerprint's incident as the monitoring intake keeps it. */
export interface MonitoredIncident {
  readonly fingerprint: string;
  readonly source: AlertSource;
  readonly title: string;
  readonly severity: AlertSeverity;
  /** The ticket (INC-2026-00042); a storm member carries its parent's. */
  readonly ticketNumber?: string;
  /** The entity the ticket was filed against, or undefined while unmapped. */
  readonly entityRef?: string;
  readonly system?: string;
  readonly status: 'open' | 'cleared';
  readonly occurrences: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly clearedAt?: string;
  readonly flapping: boolean;
  /** The storm parent's fingerprint when this alert came in a storm. */
  readonly stormParent?: string;
}

/** A delivery refused as malformed, kept for the desk to read. */
export interface DeadLetter {
  readonly id: number;
  readonly source: AlertSource;
  readonly receivedAt: string;
  /** The 400's message, naming the field. */
  readonly error: string;
  /** The start of the body as received. */
  readonly body: string;
}

/** Last delivery of each source and whether it is silent past its heartbeat. */
export interface SourceHealth {
  readonly source: AlertSource;
  readonly lastDeliveryAt?: string;
  readonly heartbeatMinutes?: number;
  readonly silent: boolean;
}

/** What a receiver answers. */
export interface DeliveryResult {
  readonly received: number;
  readonly incidents: ReadonlyArray<{
    readonly fingerprint: string;
    readonly ticketNumber?: string;
    readonly occurrences: number;
    readonly status: 'open' | 'cleared';
  }>;
}
