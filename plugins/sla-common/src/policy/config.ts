import { z } from 'zod';
import { createBusinessCalendar } from '../calendar/business-calendar';
import { defaultCalendars } from '../calendar/defaults';
import {
  CalendarDefinition,
  InvalidCalendarError,
} from '../calendar/definition';
import {
  OfficialSchedule,
  OfficialYearSchedule,
} from '../calendar/official-schedule';
import { PolicyProblem, unknownCalendarProblems } from './check';
import { slaConfigSchema } from './config-schema';
import { defaultContractPolicy } from './contract';
import { deepFreeze } from './freeze';
import { policyFromInput } from './merge';
import { SlaPolicy } from './types';

/** Everything the SLA engine is configured with. */
export interface SlaConfig {
  /** Id of the policy new tickets get, at its highest version. */
  readonly activePolicy: string;
  /** Years of the State Council's notice that `chinese-days` lacks. */
  readonly officialSchedules: readonly OfficialYearSchedule[];
  readonly calendars: readonly CalendarDefinition[];
  /** Every version still in use; a ticket keeps the version it started under. */
  readonly policies: readonly SlaPolicy[];
}

/** The contract's calendars and policy, with nothing from config. */
export const defaultSlaConfig: SlaConfig = deepFreeze({
  activePolicy: defaultContractPolicy.id,
  officialSchedules: [],
  calendars: defaultCalendars,
  policies: [defaultContractPolicy],
});

/** One bad setting: its key path in app-config and what is wrong. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown for an `sla` config section that cannot work; names every bad key. */
export class SlaConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `invalid SLA configuration:\n${issues
        .map(issue => `  ${issue.path}: ${issue.message}`)
        .join('\n')}`,
    );
    this.name = 'SlaConfigError';
  }
}

/** `sla.policies[0].levels.L2` */
function keyPath(root: string, segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : `${path}.${String(segment)}`,
    root,
  );
}

function zodMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_key'
    ? issue.issues.map(inner => inner.message).join('; ')
    : issue.message;
}

/**
 * Reads the `sla` section of app-config (as `config.getOptional('sla')` gives
 * it): calendars and official years on top of the defaults, policies as the
 * contract's with keys replaced, the built-in contract policy always kept.
 * @param root the key path of `raw`, used in error messages
 * @throws SlaConfigError naming each bad key, e.g.
 *   `sla.policies[0].levels.L2.resolution.target: …`
 */
export function parseSlaConfig(raw: unknown, root = 'sla'): SlaConfig {
  const parsed = slaConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SlaConfigError(
      parsed.error.issues.map(issue => ({
        path: keyPath(root, issue.path),
        message: zodMessage(issue),
      })),
    );
  }
  const input = parsed.data ?? {};
  const issues: ConfigIssue[] = [];
  const report = (segments: ReadonlyArray<PropertyKey>, message: string) =>
    issues.push({ path: keyPath(root, segments), message });

  const officialSchedules = input.officialSchedules ?? [];
  officialSchedules.forEach((year, i) => {
    if (officialSchedules.findIndex(other => other.year === year.year) !== i) {
      report(['officialSchedules', i, 'year'], `${year.year} is given twice`);
    }
    try {
      OfficialSchedule.fromChineseDays([year]);
    } catch (error) {
      report(['officialSchedules', i], (error as Error).message);
    }
  });
  const schedule = OfficialSchedule.fromChineseDays(
    issues.length === 0 ? officialSchedules : [],
  );

  const configured = Object.entries(input.calendars ?? {}).map(
    ([id, definition]): CalendarDefinition => ({ id, ...definition }),
  );
  const calendars = [
    ...defaultCalendars.filter(d => !configured.some(c => c.id === d.id)),
    ...configured,
  ];
  for (const definition of configured) {
    try {
      createBusinessCalendar(definition, schedule);
    } catch (error) {
      if (!(error instanceof InvalidCalendarError)) {
        throw error;
      }
      report(['calendars', definition.id], error.reason);
    }
  }

  const policies: SlaPolicy[] = [defaultContractPolicy];
  (input.policies ?? []).forEach((policyInput, i) => {
    const problems: PolicyProblem[] = [];
    const policy = policyFromInput(policyInput, problems);
    problems.push(
      ...unknownCalendarProblems(
        policy,
        calendars.map(c => c.id),
      ),
    );
    if (
      policies.some(p => p.id === policy.id && p.version === policy.version)
    ) {
      problems.push({
        path: ['version'],
        message: `policy '${policy.id}' version ${policy.version} already exists; a changed policy needs a new version`,
      });
    }
    problems.forEach(problem =>
      report(['policies', i, ...problem.path], problem.message),
    );
    policies.push(policy);
  });

  const activePolicy = input.activePolicy ?? defaultContractPolicy.id;
  if (!policies.some(p => p.id === activePolicy)) {
    report(['activePolicy'], `no policy has id '${activePolicy}'`);
  }
  if (issues.length > 0) {
    throw new SlaConfigError(issues);
  }
  return deepFreeze({ activePolicy, officialSchedules, calendars, policies });
}
