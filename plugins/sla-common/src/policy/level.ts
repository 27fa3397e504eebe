import { Impact, PriorityLevel, SlaPolicy, Urgency } from './types';

/** The level of an urgency and impact under the policy's matrix (SLA-1). */
export function levelOf(
  policy: SlaPolicy,
  urgency: Urgency,
  impact: Impact,
): PriorityLevel {
  return policy.matrix[urgency][impact];
}
