import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string of duty, in English; Chinese lives in translations/zh.ts. */
export const dutyMessages = {
  page: {
    title: 'Duty',
    board: 'Duty board',
    checkIn: 'Duty check-in',
  },
  tabs: {
    roster: 'Roster',
    mine: 'My shifts',
    leave: 'Leave',
    swaps: 'Swaps',
  },
  roster: {
    title: 'Roster of {{month}}',
    generate: 'Generate roster',
    regenerate: 'Regenerate draft',
    publish: 'Publish',
    none: 'There is no roster for {{month}} yet.',
    date: 'Date',
    phone: 'Phone duty',
    vacant: 'Vacant',
    add: '+ Assign',
  },
  status: {
    draft: 'Draft',
    published: 'Published',
  },
  dayKind: {
    working: 'working day',
    rest: 'rest day',
    holiday: 'holiday',
  },
  problems: {
    none: 'Every rule holds: all posts covered, one engineer on the phone each night.',
    title: 'The rule check reports {{count}} problems:',
  },
  problem: {
    coverage: '{{date}} {{post}}: {{have}} of {{needed}} on site',
    phone: '{{date}}: {{have}} on phone duty (one needed)',
    vacant: '{{date}}: a shift has no engineer',
    'double-booking': '{{engineer}} is on two shifts at once',
    rest: '{{engineer}} has no rest after a night on the phone',
    'on-leave': '{{engineer}} is on leave that day',
    'not-approved': '{{engineer}} is not approved for the court',
    'not-qualified': '{{engineer}} may not stand that post',
  },
  assign: {
    title: '{{date}} {{where}}: who stands this shift',
    addTitle: '{{date}} {{where}}: add a shift',
    engineer: 'Engineer',
    vacant: 'Nobody (vacant)',
    choose: 'Choose an engineer…',
  },
  action: {
    cancel: 'Cancel',
    save: 'Save',
  },
  checkIn: {
    title: 'Check in to your shift',
    inRoom: 'Scanned in the duty room: the check-in is recorded as made there.',
    in: 'Check in',
    out: 'Check out',
    checkedIn: 'Checked in at {{time}} ({{flag}})',
    checkedOut: 'Checked out at {{time}}',
  },
  flag: {
    'on-time': 'on time',
    late: 'late',
    missing: 'missing',
    upcoming: 'before the shift',
  },
  mine: {
    title: 'My shifts in {{month}}',
    empty: 'You have no shifts this month.',
  },
  feed: {
    title: 'My shifts in my phone’s calendar',
    help: 'A personal iCalendar link: subscribe to it in your phone’s calendar. Making a new one stops the old one.',
    create: 'Make a new calendar link',
    revoke: 'Revoke the link',
    revoked: 'The calendar link no longer works.',
    url: 'Calendar link',
    once: 'Shown only now: copy it into your calendar app.',
  },
  leave: {
    list: 'Leave requests',
    none: 'No leave requests.',
    request: 'Request leave',
    from: 'From',
    to: 'To (inclusive)',
    reason: 'Reason',
    submit: 'Request',
    approved: 'approved',
    refused: 'refused',
    pending: 'waiting',
    span: '{{engineer}}: {{from}} – {{to}}',
    court: 'Court IT office',
    contractor: 'Ops manager',
    decisionReason: 'Reason (needed to refuse)',
    approve: 'Approve',
    refuse: 'Refuse',
    substitute: 'Name a substitute in the roster',
  },
  leaveStatus: {
    requested: 'Waiting for approval',
    approved: 'Approved',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
  },
  swaps: {
    request: 'Ask a colleague to take a shift',
    myShift: 'My shift',
    colleague: 'Colleague',
    inReturn: 'Their shift I take in return',
    nothingInReturn: 'Nothing in return',
    choose: 'Choose…',
    note: 'Note',
    submit: 'Request the swap',
    requested: 'Requested: the ops manager decides.',
    nothingToSwap: 'You have no shift this month that has not started.',
    list: 'Swaps',
    none: 'No swaps.',
    handOver: '{{shift}}: {{from}} → {{to}}',
    takesInReturn: '{{engineer}} takes {{shift}} in return',
    decidedBy: 'Decided by {{engineer}}',
    openRoster: 'See it in the roster',
  },
  swapStatus: {
    requested: 'Waiting for the ops manager',
    approved: 'Approved',
    refused: 'Refused',
  },
  board: {
    title: 'On duty {{date}} {{time}}',
    onSite: 'On site',
    phone: 'On the phone',
    onLeave: 'On leave',
    nobody: 'Nobody',
    outsideHours: 'Outside on-site hours',
    first: 'Call first: {{engineer}}',
    wall: 'Open the wall display',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type DutyMessageKey = MessageKey<typeof dutyMessages>;

export const dutyTranslationRef = createTranslationRef({
  id: 'duty',
  messages: dutyMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
