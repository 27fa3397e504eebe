import { DateTime } from 'luxon';
import { PagingConfig, PagingRule } from './config';
import { PageEvent } from './model';
import { inDailyWindow } from './window';

/** Are the engineers on site at `at` (a configured weekday, within the on-site hours)? */
export function isOnSiteHours(
  at: DateTime,
  onSite: PagingConfig['onSiteHours'],
  zone: string,
): boolean {
  const local = at.setZone(zone);
  return (
    onSite.weekdays.includes(local.weekday) &&
    inDailyWindow(local, { start: onSite.start, end: onSite.end }, zone)
  );
}

/**
 * The first rule that pages for this event, or undefined: then it stays in
 * the portal. The time of day is the event's own instant, in the court's zone.
 */
export function pagingRuleFor(
  event: Pick<PageEvent, 'kind' | 'level' | 'at'>,
  config: Pick<PagingConfig, 'rules' | 'onSiteHours' | 'zone'>,
): PagingRule | undefined {
  const at = DateTime.fromISO(event.at, { setZone: true });
  const onSite = isOnSiteHours(at, config.onSiteHours, config.zone);
  return config.rules.find(
    rule =>
      rule.events.includes(event.kind) &&
      rule.levels.includes(event.level) &&
      (rule.when === 'always' || (rule.when === 'on-site-hours') === onSite),
  );
}
