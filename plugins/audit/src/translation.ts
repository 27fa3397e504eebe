import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { MessageKey } from '@internal/plugin-court-react';

/** Every string of the audit page, in English; Chinese lives in translations/zh.ts. */
export const auditMessages = {
  page: {
    title: 'Audit trail',
    subtitle:
      "Every action in the portal, who did it and when (Beijing time); each record carries the previous one's hash, so a changed or deleted record is found.",
  },
  filter: {
    actor: 'Person',
    actorHelp: 'e.g. user:default/lina',
    plugin: 'Plugin',
    target: 'Entity or record',
    targetHelp: 'e.g. INC-2026-00042 or resource:default/core-switch-01',
    action: 'Action',
    outcome: 'Outcome',
    any: 'Any',
    from: 'From (date)',
    to: 'To (date, inclusive)',
    search: 'Search',
    export: 'Export to Excel',
  },
  column: {
    time: 'Time',
    actor: 'Person',
    plugin: 'Plugin',
    action: 'Action',
    target: 'Entity or record',
    outcome: 'Outcome',
    request: 'Request',
  },
  outcome: {
    initiated: 'Started',
    succeeded: 'Succeeded',
    failed: 'Failed',
  },
  list: {
    empty: 'No records match.',
    more: 'Show more',
    checkpoint: 'Retention checkpoint: {{pruned}} older records pruned',
  },
  verify: {
    title: 'Integrity',
    never: 'The chain has not been verified yet.',
    ok: 'Verified at {{at}}: {{rows}} records, intact.',
    broken: 'Verification at {{at}} failed at record {{seq}}: {{reason}}',
    now: 'Verify now',
    running: 'Verifying…',
  },
} as const;

export type AuditMessageKey = MessageKey<typeof auditMessages>;

export const auditTranslationRef = createTranslationRef({
  id: 'plugin.audit',
  messages: auditMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
