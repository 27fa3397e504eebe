import {
  Impact,
  PRIORITY_LEVELS,
  PriorityLevel,
  SlaPolicy,
  Urgency,
} from './types';

/** The level of an urgency and impact under the policy's matrix (SLA-1). */
export function levelOf(
  policy: SlaPolicy,
  urgency: Urgency,
  impact: Impact,
): PriorityLevel {
  return policy.matrix[urgency][impact];
}

/** The more urgent of a level and a floor (L1 the most urgent): a floor raises, never lowers. */
export function raiseLevel(
  level: PriorityLevel,
  floor: PriorityLevel | undefined,
): PriorityLevel {
  return floor &&
    PRIORITY_LEVELS.indexOf(floor) < PRIORITY_LEVELS.indexOf(level)
    ? floor
    : level;
}
