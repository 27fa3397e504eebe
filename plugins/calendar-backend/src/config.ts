import { Config } from '@backstage/config';
import {
  DEFAULT_ZONE,
  OfficialYearSchedule,
  parseSlaConfig,
} from '@internal/plugin-sla-common';
import { Info } from 'luxon';
import { z } from 'zod';

export interface CalendarConfig {
  /** MM-DD */
  readonly warnFrom: string;
  readonly zone: string;
  readonly notify: readonly string[];
  readonly checkMinutes: number;
  /** `sla.officialSchedules`: years kept as code. */
  readonly configuredYears: readonly OfficialYearSchedule[];
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const schema = z.strictObject({
  warnFrom: z
    .string()
    .regex(MONTH_DAY, 'expected a day of the year MM-DD, e.g. 11-01')
    .default('11-01'),
  zone: z
    .string()
    .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
    .default(DEFAULT_ZONE),
  notify: z.array(z.string().min(1)).optional(),
  checkMinutes: z.number().int().min(1).max(1440).default(60),
});

/**
 * Reads `courtOps.calendar` (and the years of `sla.officialSchedules`);
 * throws naming the bad key, so a mistake stops the backend at start.
 */
export function readCalendarConfig(config: Config): CalendarConfig {
  const parsed = schema.safeParse(
    config.getOptionalConfig('courtOps.calendar')?.get() ?? {},
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `courtOps.calendar.${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const roleGroups = (role: string) =>
    config.getOptionalStringArray(`courtOps.roles.${role}`) ?? [];
  return {
    ...parsed.data,
    notify: parsed.data.notify ?? [
      ...roleGroups('ops-manager'),
      ...roleGroups('court-it-office'),
    ],
    configuredYears: parseSlaConfig(config.getOptional('sla'))
      .officialSchedules,
  };
}
