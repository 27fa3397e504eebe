// What the browser tests need to know about time, taken from where the portal takes it: the SLA
// policy the running portal reports, and China's official calendar data its SLA engine is built
// from. So a test's expectations follow the portal instead of the hour the test happens to run at.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot, signIn } from './portal.ts';

const require = createRequire(join(repoRoot, 'plugins/sla-common/package.json'));
const officialDays = require('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

/** A clock rule of the active policy, as GET /api/tickets/sla/config reports it. */
export interface ClockRule {
  targetMs: number | null;
  calendar: string;
  outsideHours?: { hours: string; targetMs: number | null } | null;
}

/** The active policy's rules of one level, from the running portal. */
export async function levelRules(
  baseUrl: string,
  level: string,
): Promise<Record<'response' | 'arrival' | 'resolution', ClockRule | null>> {
  const token = await signIn(baseUrl, 'lina');
  const res = await fetch(`${baseUrl}/api/tickets/sla/config`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET /api/tickets/sla/config: ${res.status} ${await res.text()}`);
  const config = (await res.json()) as {
    activePolicy: string;
    policies: { id: string; levels: Record<string, Record<string, ClockRule | null>> }[];
  };
  // The newest version of the active policy is the one new tickets get.
  const policy = config.policies.filter(p => p.id === config.activePolicy).at(-1);
  if (!policy) throw new Error(`no active policy ${config.activePolicy} in the portal's SLA config`);
  return policy.levels[level] as Record<'response' | 'arrival' | 'resolution', ClockRule | null>;
}

/** Today's date (yyyy-mm-dd) in the court's zone. */
export function courtToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Whether `date` (yyyy-mm-dd) is a working day by the official calendar. */
export function isWorkingDay(date: string): boolean {
  if (officialDays.workdays[date]) return true; // make-up working day
  if (officialDays.holidays[date]) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}
