import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string of the monitoring plugin, in English; Chinese lives in translations/zh.ts. */
export const monitoringMessages = {
  page: {
    title: 'Monitoring',
    wall: 'Status wall',
  },
  tab: {
    board: 'Status board',
    unmapped: 'Unmapped alerts',
    deadLetters: 'Dead letters',
  },
  colour: {
    green: 'Normal',
    amber: 'Warning',
    red: 'Fault',
  },
  severity: {
    critical: 'Critical',
    major: 'Major',
    minor: 'Minor',
    warning: 'Warning',
    info: 'Info',
  },
  status: {
    open: 'Open',
    cleared: 'Cleared',
  },
  source: {
    alertmanager: 'Alertmanager',
    zabbix: 'Zabbix',
    generic: 'Generic',
  },
  board: {
    openAlerts: '{{count}} open alerts',
    noAlerts: 'No open alerts',
    wall: 'Full screen',
    leaveWall: 'Leave full screen',
    noSystems: 'The catalog lists no systems.',
  },
  field: {
    alert: 'Alert',
    severity: 'Severity',
    where: 'Where',
    incident: 'Incident',
    occurrences: 'Occurrences',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    status: 'Status',
    source: 'Source',
    receivedAt: 'Received',
    error: 'Error',
    body: 'Body',
  },
  alert: {
    flapping: 'flapping',
    storm: 'in a storm',
  },
  entity: {
    tab: 'Monitoring',
    open: 'Open alerts',
    history: 'History',
  },
  home: {
    title: 'Open alerts',
    none: 'No open alerts.',
    openBoard: 'Status board',
  },
  empty: 'Nothing here.',
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type MonitoringMessageKey = MessageKey<typeof monitoringMessages>;

export const monitoringTranslationRef = createTranslationRef({
  id: 'monitoring',
  messages: monitoringMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
