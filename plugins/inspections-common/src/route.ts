/**
 * Walking routes: a day's checks are grouped by building and walked floor by
 * floor, room by room. Location ids come from the court's register
 * (`A-3F-T01`: building A, floor 3, room T01; basements are `B1F`).
 */

const LOCATION_ID = /^([A-Z])-(B?)(\d{1,2})F-([0-9A-Z]{2,8})$/;

/** Route of things with no location: application systems, checked from the duty room. */
export const DESK_ROUTE = 'APP';

/** The route a location belongs to: its building letter. */
export function routeKeyOf(location: string | undefined): string {
  const match = location ? LOCATION_ID.exec(location) : null;
  return match ? match[1] : DESK_ROUTE;
}

/**
 * A text key that sorts checks in walking order: building, floor from the
 * basement up, room, then device name.
 */
export function routeOrderKey(
  location: string | undefined,
  deviceName: string,
): string {
  const match = location ? LOCATION_ID.exec(location) : null;
  if (!match) return `${DESK_ROUTE}|${deviceName}`;
  const [, building, basement, floor, room] = match;
  // Offset so that B2F < B1F < 1F < 2F sort as text.
  const rank = 100 + (basement ? -Number(floor) : Number(floor));
  return `${building}|${String(rank).padStart(3, '0')}|${room}|${deviceName}`;
}

/**
 * Orders route keys by code point, as the same key would in any database
 * collation-free comparison (locale collations skip the `|`).
 */
export function compareRouteOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Who walks which route on a given day: members in name order, taken round
 * robin over the day's routes, starting one further each day so the same
 * person does not always get the same building. Stands in for the duty
 * roster, which will replace it.
 */
export function assignRoutes(
  routeKeys: readonly string[],
  members: readonly string[],
  day: number,
): Map<string, string | undefined> {
  const people = [...new Set(members)].sort();
  const routes = [...new Set(routeKeys)].sort();
  return new Map(
    routes.map((key, i) => [
      key,
      people.length ? people[(day + i) % people.length] : undefined,
    ]),
  );
}
