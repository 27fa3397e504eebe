import { DateTime } from 'luxon';
import type { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import type {
  ChangeFact,
  TicketClockFact,
  TicketFact,
  WorkLogFact,
} from '../facts';

/**
 * A court's November 2026 by hand (tests only): 16 tickets and 6 changes over October to
 * December, two systems, with a paused clock, a reprioritised ticket, a reopened ticket, three
 * breaches, two clocks still running at the month's end, and an emergency change registered
 * after the fact. figures.test.ts counts every figure of November from these rows.
 */

export const ZONE = 'Asia/Shanghai';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const TRIAL = 'system:default/trial';
export const NETWORK = 'system:default/network';
export const PC = 'resource:default/pc-101';
export const PRINTER = 'resource:default/printer-2';
export const SWITCH = 'resource:default/switch-1';
export const ZHANG = 'user:default/zhang';
export const LI = 'user:default/li';
export const WANG = 'user:default/wang';

/** A wall-clock time in the court (`2026-11-03 09:00`) as a UTC instant. */
export function at(local: string): string {
  const time = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!time.isValid) throw new Error(`not a time: ${local}`);
  return time.toUTC().toISO()!;
}

function clock(
  name: ClockName,
  level: PriorityLevel,
  startedAt: string,
  fields: Partial<TicketClockFact> & Pick<TicketClockFact, 'elapsedMs'>,
): TicketClockFact {
  return { clock: name, level, startedAt, pausedMs: 0, ...fields };
}

function log(engineer: string, minutes: number, workDate: string): WorkLogFact {
  return { engineer, minutes, workDate };
}

function ticket(
  fields: Partial<TicketFact> &
    Pick<TicketFact, 'number' | 'type' | 'createdAt' | 'systemRefs'>,
): TicketFact {
  return {
    id: fields.number.toLocaleLowerCase('en'),
    title: `${fields.number} fault`,
    channel: 'portal',
    level: 'L3',
    status: 'resolved',
    entityRefs: [],
    reopenedAt: [],
    reassignments: 0,
    workLogs: [],
    clocks: [],
    ...fields,
  };
}

function change(
  fields: Partial<ChangeFact> &
    Pick<ChangeFact, 'number' | 'filedAt' | 'systemRefs'>,
): ChangeFact {
  return {
    id: fields.number.toLocaleLowerCase('en'),
    title: `${fields.number} change`,
    status: 'submitted',
    emergency: false,
    risk: 'low',
    entityRefs: [],
    workLogs: [],
    ...fields,
  };
}

export const tickets: TicketFact[] = [
  // A plain incident, fixed by the desk at first contact.
  ticket({
    number: 'INC-2026-00001',
    type: 'incident',
    level: 'L2',
    status: 'closed',
    systemRefs: [TRIAL],
    entityRefs: [PC],
    createdAt: at('2026-11-03 09:00'),
    resolvedAt: at('2026-11-03 11:00'),
    closedAt: at('2026-11-04 09:00'),
    satisfaction: 5,
    calledBackAt: at('2026-11-04 10:00'),
    workLogs: [log(ZHANG, 60, '2026-11-03'), log(ZHANG, 15, '2026-12-01')],
    clocks: [
      clock('response', 'L2', at('2026-11-03 09:00'), {
        stoppedAt: at('2026-11-03 09:10'),
        elapsedMs: 10 * MINUTE,
      }),
      clock('resolution', 'L2', at('2026-11-03 09:00'), {
        stoppedAt: at('2026-11-03 11:00'),
        elapsedMs: 2 * HOUR,
      }),
    ],
  }),
  // An engineer went on site: resolved, but not at first contact.
  ticket({
    number: 'INC-2026-00002',
    type: 'incident',
    channel: 'phone',
    level: 'L1',
    systemRefs: [TRIAL],
    entityRefs: [PC, PRINTER],
    createdAt: at('2026-11-05 14:00'),
    arrivedAt: at('2026-11-05 14:40'),
    resolvedAt: at('2026-11-05 18:00'),
    satisfaction: 4,
    calledBackAt: at('2026-11-06 10:00'),
    workLogs: [log(LI, 120, '2026-11-05')],
    clocks: [
      clock('response', 'L1', at('2026-11-05 14:00'), {
        stoppedAt: at('2026-11-05 14:05'),
        elapsedMs: 5 * MINUTE,
      }),
      clock('arrival', 'L1', at('2026-11-05 14:00'), {
        stoppedAt: at('2026-11-05 14:40'),
        elapsedMs: 40 * MINUTE,
      }),
      clock('resolution', 'L1', at('2026-11-05 14:00'), {
        stoppedAt: at('2026-11-05 18:00'),
        elapsedMs: 4 * HOUR,
      }),
    ],
  }),
  // Filed from an inspection; reassigned once; waited 20 hours for a part (paused).
  ticket({
    number: 'INC-2026-00003',
    type: 'incident',
    channel: 'inspection',
    level: 'L3',
    systemRefs: [NETWORK],
    entityRefs: [SWITCH],
    createdAt: at('2026-11-10 10:00'),
    resolvedAt: at('2026-11-12 10:00'),
    reassignments: 1,
    workLogs: [log(WANG, 90, '2026-11-11'), log(WANG, 30, '2026-11-12')],
    clocks: [
      clock('response', 'L3', at('2026-11-10 10:00'), {
        stoppedAt: at('2026-11-10 10:15'),
        elapsedMs: 15 * MINUTE,
      }),
      clock('resolution', 'L3', at('2026-11-10 10:00'), {
        stoppedAt: at('2026-11-12 10:00'),
        elapsedMs: 6 * HOUR,
        pausedMs: 20 * HOUR,
      }),
    ],
  }),
  // Filed at L3, raised to L1 (its clocks ended at L1); about both systems; resolution breached.
  ticket({
    number: 'INC-2026-00004',
    type: 'incident',
    channel: 'phone',
    level: 'L1',
    systemRefs: [TRIAL, NETWORK],
    entityRefs: [SWITCH, TRIAL],
    createdAt: at('2026-11-14 09:00'),
    resolvedAt: at('2026-11-14 15:00'),
    workLogs: [log(ZHANG, 240, '2026-11-14')],
    clocks: [
      clock('response', 'L1', at('2026-11-14 09:00'), {
        stoppedAt: at('2026-11-14 09:20'),
        elapsedMs: 20 * MINUTE,
      }),
      clock('resolution', 'L1', at('2026-11-14 09:00'), {
        breachedAt: at('2026-11-14 13:00'),
        stoppedAt: at('2026-11-14 15:00'),
        elapsedMs: 6 * HOUR,
      }),
    ],
  }),
  // Resolved on the 18th, reopened on the 19th, resolved again on the 20th.
  ticket({
    number: 'INC-2026-00005',
    type: 'incident',
    level: 'L2',
    systemRefs: [TRIAL],
    entityRefs: [PC],
    createdAt: at('2026-11-18 09:00'),
    resolvedAt: at('2026-11-20 10:00'),
    reopenedAt: [at('2026-11-19 09:00')],
    satisfaction: 2,
    calledBackAt: at('2026-11-21 09:00'),
    workLogs: [log(LI, 60, '2026-11-18'), log(LI, 45, '2026-11-19')],
    clocks: [
      clock('response', 'L2', at('2026-11-18 09:00'), {
        stoppedAt: at('2026-11-18 09:10'),
        elapsedMs: 10 * MINUTE,
      }),
      clock('resolution', 'L2', at('2026-11-18 09:00'), {
        stoppedAt: at('2026-11-20 10:00'),
        elapsedMs: 8 * HOUR,
      }),
    ],
  }),
  // Raised by monitoring on the month's last evening; resolved on 1 December.
  ticket({
    number: 'INC-2026-00006',
    type: 'incident',
    channel: 'monitoring',
    level: 'L2',
    systemRefs: [NETWORK],
    entityRefs: [SWITCH],
    createdAt: at('2026-11-30 20:00'),
    resolvedAt: at('2026-12-01 10:00'),
    workLogs: [log(LI, 20, '2026-11-30'), log(LI, 25, '2026-12-01')],
    clocks: [
      clock('response', 'L2', at('2026-11-30 20:00'), {
        stoppedAt: at('2026-11-30 20:10'),
        elapsedMs: 10 * MINUTE,
      }),
      clock('resolution', 'L2', at('2026-11-30 20:00'), {
        stoppedAt: at('2026-12-01 10:00'),
        elapsedMs: 2 * HOUR,
      }),
    ],
  }),
  // Filed in October, resolved in November: a service of October, a resolution of November.
  ticket({
    number: 'INC-2026-00007',
    type: 'incident',
    channel: 'phone',
    level: 'L4',
    systemRefs: [TRIAL],
    entityRefs: [PRINTER],
    createdAt: at('2026-10-28 10:00'),
    resolvedAt: at('2026-11-02 10:00'),
    satisfaction: 3,
    calledBackAt: at('2026-11-03 10:00'),
    workLogs: [log(ZHANG, 30, '2026-10-28'), log(ZHANG, 60, '2026-11-02')],
    clocks: [
      clock('response', 'L4', at('2026-10-28 10:00'), {
        stoppedAt: at('2026-10-28 10:30'),
        elapsedMs: 30 * MINUTE,
      }),
      clock('resolution', 'L4', at('2026-10-28 10:00'), {
        stoppedAt: at('2026-11-02 10:00'),
        elapsedMs: 16 * HOUR,
      }),
    ],
  }),
  // Breached and still open at the month's end.
  ticket({
    number: 'INC-2026-00008',
    type: 'incident',
    level: 'L1',
    status: 'in-progress',
    systemRefs: [TRIAL],
    entityRefs: [PC],
    createdAt: at('2026-11-25 09:00'),
    workLogs: [log(WANG, 100, '2026-11-25')],
    clocks: [
      clock('response', 'L1', at('2026-11-25 09:00'), {
        stoppedAt: at('2026-11-25 09:05'),
        elapsedMs: 5 * MINUTE,
      }),
      clock('resolution', 'L1', at('2026-11-25 09:00'), {
        breachedAt: at('2026-11-25 13:00'),
        elapsedMs: 40 * HOUR,
      }),
    ],
  }),
  ticket({
    number: 'SR-2026-00001',
    type: 'service-request',
    category: 'install',
    systemRefs: [TRIAL],
    entityRefs: [PC],
    createdAt: at('2026-11-06 09:00'),
    resolvedAt: at('2026-11-06 16:00'),
    satisfaction: 5,
    calledBackAt: at('2026-11-07 09:00'),
    workLogs: [log(ZHANG, 45, '2026-11-06')],
    clocks: [
      clock('response', 'L3', at('2026-11-06 09:00'), {
        stoppedAt: at('2026-11-06 09:30'),
        elapsedMs: 30 * MINUTE,
      }),
      clock('resolution', 'L3', at('2026-11-06 09:00'), {
        stoppedAt: at('2026-11-06 16:00'),
        elapsedMs: 7 * HOUR,
      }),
    ],
  }),
  // Training booked for December: its resolution clock runs past the month's end.
  ticket({
    number: 'SR-2026-00002',
    type: 'service-request',
    category: 'training',
    channel: 'phone',
    level: 'L4',
    status: 'in-progress',
    systemRefs: [TRIAL],
    entityRefs: [TRIAL],
    createdAt: at('2026-11-20 10:00'),
    clocks: [
      clock('response', 'L4', at('2026-11-20 10:00'), {
        stoppedAt: at('2026-11-20 11:00'),
        elapsedMs: HOUR,
      }),
      clock('resolution', 'L4', at('2026-11-20 10:00'), {
        elapsedMs: 30 * HOUR,
      }),
    ],
  }),
  // Answered late (response breached), then resolved in time.
  ticket({
    number: 'SR-2026-00003',
    type: 'service-request',
    category: 'configure',
    systemRefs: [NETWORK],
    entityRefs: [SWITCH],
    createdAt: at('2026-11-08 09:00'),
    resolvedAt: at('2026-11-09 14:00'),
    clocks: [
      clock('response', 'L3', at('2026-11-08 09:00'), {
        breachedAt: at('2026-11-08 10:30'),
        stoppedAt: at('2026-11-08 11:00'),
        elapsedMs: HOUR,
      }),
      clock('resolution', 'L3', at('2026-11-08 09:00'), {
        stoppedAt: at('2026-11-09 14:00'),
        elapsedMs: 5 * HOUR,
      }),
    ],
  }),
  // Problems have no clocks; one resolved with a known error, one without, one still open.
  ticket({
    number: 'PRB-2026-00001',
    type: 'problem',
    level: 'L2',
    systemRefs: [TRIAL],
    createdAt: at('2026-11-04 09:00'),
    resolvedAt: at('2026-11-20 17:00'),
    knownErrorArticle: 'kb-12',
    workLogs: [log(ZHANG, 120, '2026-11-19')],
  }),
  ticket({
    number: 'PRB-2026-00002',
    type: 'problem',
    systemRefs: [TRIAL],
    createdAt: at('2026-10-10 09:00'),
    resolvedAt: at('2026-11-25 17:00'),
    workLogs: [log(LI, 60, '2026-11-25')],
  }),
  ticket({
    number: 'PRB-2026-00003',
    type: 'problem',
    status: 'in-progress',
    systemRefs: [NETWORK],
    createdAt: at('2026-11-26 09:00'),
  }),
  ticket({
    number: 'CMP-2026-00001',
    type: 'complaint',
    channel: 'phone',
    level: 'L4',
    systemRefs: [TRIAL],
    createdAt: at('2026-11-27 09:00'),
    resolvedAt: at('2026-11-28 09:00'),
  }),
  // December: counts nowhere in November.
  ticket({
    number: 'INC-2026-00009',
    type: 'incident',
    level: 'L2',
    systemRefs: [TRIAL],
    entityRefs: [PC],
    createdAt: at('2026-12-02 09:00'),
    resolvedAt: at('2026-12-02 10:00'),
    satisfaction: 1,
    calledBackAt: at('2026-12-03 09:00'),
    workLogs: [log(ZHANG, 30, '2026-12-02')],
    clocks: [
      clock('response', 'L2', at('2026-12-02 09:00'), {
        stoppedAt: at('2026-12-02 09:10'),
        elapsedMs: 10 * MINUTE,
      }),
    ],
  }),
];

export const changes: ChangeFact[] = [
  change({
    number: 'CHG-2026-00001',
    status: 'succeeded',
    systemRefs: [TRIAL],
    filedAt: at('2026-11-02 09:00'),
    decision: 'approved',
    decidedAt: at('2026-11-03 09:00'),
    outcome: 'succeeded',
    finishedAt: at('2026-11-10 22:00'),
    workLogs: [log(ZHANG, 90, '2026-11-10')],
  }),
  change({
    number: 'CHG-2026-00002',
    status: 'rejected',
    systemRefs: [NETWORK],
    filedAt: at('2026-11-05 09:00'),
    decision: 'rejected',
    decidedAt: at('2026-11-06 09:00'),
  }),
  // Emergency work done on 31 October at 23:00, registered after the fact on 1 November.
  change({
    number: 'CHG-2026-00003',
    status: 'succeeded',
    emergency: true,
    risk: 'high',
    systemRefs: [NETWORK],
    filedAt: at('2026-11-01 10:00'),
    decision: 'approved',
    decidedAt: at('2026-11-01 11:00'),
    outcome: 'succeeded',
    finishedAt: at('2026-10-31 23:00'),
    workLogs: [log(WANG, 60, '2026-10-31')],
  }),
  change({
    number: 'CHG-2026-00004',
    status: 'failed',
    systemRefs: [TRIAL],
    filedAt: at('2026-10-20 09:00'),
    decision: 'approved',
    decidedAt: at('2026-10-22 09:00'),
    outcome: 'failed',
    finishedAt: at('2026-11-15 23:00'),
    workLogs: [log(LI, 30, '2026-11-15')],
  }),
  change({
    number: 'CHG-2026-00005',
    status: 'rolled-back',
    risk: 'medium',
    systemRefs: [TRIAL, NETWORK],
    filedAt: at('2026-11-20 09:00'),
    decision: 'approved',
    decidedAt: at('2026-11-21 09:00'),
    outcome: 'rolled-back',
    finishedAt: at('2026-11-28 23:30'),
    workLogs: [log(WANG, 45, '2026-11-28')],
  }),
  change({
    number: 'CHG-2026-00006',
    systemRefs: [TRIAL],
    filedAt: at('2026-12-01 09:00'),
  }),
];
