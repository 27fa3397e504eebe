import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string of the spares plugin, in English; Chinese lives in translations/zh.ts. */
export const sparesMessages = {
  page: {
    store: 'Spare parts',
    repairs: 'Repairs',
  },
  kind: {
    receipt: 'Receipt',
    issue: 'Issue',
    return: 'Return',
    count: 'Count',
  },
  terms: {
    warranty: 'Warranty',
    paid: 'Paid',
  },
  result: {
    repaired: 'Repaired',
    replaced: 'Replaced',
    unrepairable: 'Unrepairable',
  },
  field: {
    kind: 'Movement',
    partType: 'Part',
    location: 'Location',
    quantity: 'Quantity',
    counted: 'Counted',
    ticket: 'Ticket or change number',
    reason: 'Reason',
    supplier: 'Supplier',
    reference: 'Purchase or warranty reference',
    total: 'In stock',
    minimum: 'Minimum',
    byLocation: 'By location',
    when: 'When',
    who: 'By',
    delta: 'Change',
    device: 'Device',
    vendor: 'Vendor',
    terms: 'Terms',
    sentOn: 'Sent',
    promisedOn: 'Promised back',
    rma: 'RMA number',
    loaner: 'Loaner',
    loanerWhere: 'Loaner stands at',
    returnedOn: 'Returned',
    result: 'Result',
    note: 'Note',
    status: 'Status',
  },
  store: {
    stock: 'Stock',
    belowMinimum: 'Below minimum',
    movements: 'Latest movements',
    none: 'Nothing here.',
    move: 'Record a movement',
    report: 'Monthly stock report (Excel)',
    month: 'Month',
    more: 'More',
  },
  move: {
    title: 'Record a movement',
    submit: 'Record',
    cancel: 'Cancel',
    done: 'Recorded: {{kind}} of {{quantity}}',
    warning: 'Recorded with a warning: {{warning}}',
    conflict: 'Not enough in stock: {{message}}',
    failed: 'Could not record: {{message}}',
    choose: 'Choose…',
  },
  repairs: {
    out: 'Out now',
    overdue: 'Overdue',
    returned: 'Returned',
    byVendor: 'By vendor',
    open: 'Send for repair',
    overdueFlag: 'overdue',
    update: 'Add an update',
    giveBack: 'Record the return',
    none: 'No repairs here.',
  },
  repair: {
    title: 'Send for repair',
    returnTitle: 'Return of {{number}}',
    updateTitle: 'Update on {{number}}',
    submit: 'Save',
    cancel: 'Cancel',
    failed: 'Could not save: {{message}}',
  },
  device: {
    tab: 'Spares',
    fitting: 'Parts that fit, in stock',
    used: 'Parts used on this device',
    repairs: 'Repairs',
    outSince: 'Out for repair since {{date}} ({{vendor}}, {{number}})',
    loaner: 'Loaner: {{loaner}}',
    loanerAt: 'Loaner: {{loaner}} at {{where}}',
    issue: 'Issue',
    noFacts: 'This device has no device facts, so no part is known to fit.',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type SparesMessageKey = MessageKey<typeof sparesMessages>;

export const sparesTranslationRef = createTranslationRef({
  id: 'spares',
  messages: sparesMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
