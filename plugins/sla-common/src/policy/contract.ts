import { deepFreeze } from './freeze';
import { ClockRule, SlaPolicy } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 7×24 response (SLA-3). */
const respondWithin = (minutes: number): ClockRule => ({
  startsAt: 'created',
  targetMs: minutes * MINUTE,
  calendar: 'always',
});

/**
 * An emergency level's arrival: `minutes` of plain clock time from a call in
 * on-site hours (the engineers are there, even at 18:25); 30 minutes from a
 * call outside them (SLA-3, 非正常上班时…半小时内到达).
 */
const emergencyArrival = (minutes: number): ClockRule => ({
  startsAt: 'created',
  targetMs: minutes * MINUTE,
  calendar: 'always',
  outsideHours: {
    hours: 'on-site-hours',
    targetMs: 30 * MINUTE,
    calendar: 'always',
  },
});

/**
 * Fault removal counted from arrival (SLA-2, 到场后…小时内排除故障), by default
 * in plain clock time: "within 8 hours of arriving" reads as elapsed hours.
 * A court that means working hours sets the calendar to `working-days`.
 */
const removeWithin = (hours: number | null): ClockRule => ({
  startsAt: 'arrived',
  targetMs: hours === null ? null : hours * HOUR,
  calendar: 'always',
});

/** The contract's service levels (REQUIREMENTS SLA-1 … SLA-3). */
export const defaultContractPolicy: SlaPolicy = deepFreeze({
  id: 'contract',
  version: 1,
  description: 'Service levels of the O&M contract (运维服务标准)',
  matrix: {
    high: { large: 'L1', medium: 'L2', small: 'L3' },
    medium: { large: 'L2', medium: 'L3', small: 'L4' },
    low: { large: 'L3', medium: 'L4', small: 'L4' },
  },
  warnings: [0.5, 0.75, 0.9],
  levels: {
    // 5 min respond, 10 min on site, then restore as fast as possible: the
    // removal is measured but has no target.
    L1: {
      response: respondWithin(5),
      arrival: emergencyArrival(10),
      resolution: removeWithin(null),
    },
    L2: {
      response: respondWithin(10),
      arrival: emergencyArrival(15),
      resolution: removeWithin(8),
    },
    // Not an emergency: 30 minutes of on-site hours, so a call at 22:00 is
    // due at 08:00.
    L3: {
      response: respondWithin(20),
      arrival: {
        startsAt: 'created',
        targetMs: 30 * MINUTE,
        calendar: 'on-site-hours',
      },
      resolution: removeWithin(12),
    },
    // Routine handling (日常处理): no clock.
    L4: { response: null, arrival: null, resolution: null },
  },
});
