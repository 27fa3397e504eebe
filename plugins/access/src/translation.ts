import { createTranslationRef } from '@backstage/frontend-plugin-api';
import {
  grantLabelMessages,
  type MessageKey,
} from '@internal/plugin-court-react';

/** Every string of the access plugin, in English; Chinese lives in translations/zh.ts. */
export const accessMessages = {
  page: {
    title: 'Access',
    queue: 'Awaiting approval',
    grants: 'Grants',
    engineers: 'Engineers',
  },
  ...grantLabelMessages,
  field: {
    entity: 'Device or system',
    ticket: 'Ticket',
    scopes: 'Scope',
    window: 'From – to',
    requestedBy: 'Engineer',
    state: 'State',
    code: 'Verification code',
    reason: 'Reason',
    name: 'Name',
    employer: 'Employer',
    posts: 'Posts',
    signedOn: 'Confidentiality agreement',
    status: 'Status',
  },
  action: {
    approve: 'Approve',
    refuse: 'Refuse',
    revoke: 'Revoke',
    startUse: 'Start use',
    endUse: 'End use',
    suspend: 'Suspend',
    reinstate: 'Reinstate',
    cancel: 'Cancel',
    confirm: 'Confirm',
  },
  reason: {
    refuse: 'Why is the request refused?',
    revoke: 'Why is the grant revoked?',
    suspend: 'Why is the engineer suspended?',
  },
  engineer: {
    approved: 'Approved',
    notApproved: 'Not approved',
    suspended: 'Suspended: {{reason}}',
    unsigned: 'Not signed',
  },
  empty: {
    queue: 'No request is waiting.',
    grants: 'No grants.',
    engineers: 'No engineer records.',
  },
  entity: {
    tab: 'Access',
  },
  home: {
    title: 'My live grants',
    empty: 'No grant is live or about to start.',
  },
} as const;

export type AccessMessageKey = MessageKey<typeof accessMessages>;

export const accessTranslationRef = createTranslationRef({
  id: 'access',
  messages: accessMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
