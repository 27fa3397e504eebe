import {
  DESK_TICKET_TYPES,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_CHANNELS,
} from '@internal/plugin-tickets-common';
import type { TicketFact } from '../facts';
import type { TicketFigures } from '../figures';
import { Tally, distinct, recordOf } from './stats';
import { WindowRange, within } from './window';

/** The tickets that count as services of the period: those created in it. */
export function createdIn(
  tickets: readonly TicketFact[],
  range: WindowRange,
): TicketFact[] {
  return tickets.filter(ticket => within(range, ticket.createdAt));
}

/** Services by type, service-request category, channel and system of the tickets created in the period. */
export function serviceFigures(
  created: readonly TicketFact[],
): TicketFigures['services'] {
  const byType = new Tally();
  const byCategory = new Tally();
  const byChannel = new Tally();
  const bySystem = new Tally();
  for (const ticket of created) {
    byType.add(ticket.type);
    if (ticket.type === 'service-request' && ticket.category)
      byCategory.add(ticket.category);
    byChannel.add(ticket.channel);
    for (const systemRef of distinct(ticket.systemRefs))
      bySystem.add(systemRef);
  }
  return {
    total: created.length,
    byType: recordOf(DESK_TICKET_TYPES, byType),
    byCategory: recordOf(SERVICE_REQUEST_CATEGORIES, byCategory),
    byChannel: recordOf(TICKET_CHANNELS, byChannel),
    bySystem: bySystem
      .ranked()
      .map(([systemRef, count]) => ({ systemRef, count })),
  };
}

const TOP = 10;

/** A device is a catalog Resource (docs/catalog-model.md). */
function isDevice(entityRef: string): boolean {
  return entityRef.toLocaleLowerCase('en').startsWith('resource:');
}

/** The ten devices and ten systems with the most incidents created in the period. */
export function topFigures(
  created: readonly TicketFact[],
): Pick<TicketFigures, 'topDevices' | 'topSystems'> {
  const devices = new Tally();
  const systems = new Tally();
  for (const ticket of created) {
    if (ticket.type !== 'incident') continue;
    for (const entityRef of distinct(ticket.entityRefs)) {
      if (isDevice(entityRef)) devices.add(entityRef);
    }
    for (const systemRef of distinct(ticket.systemRefs)) systems.add(systemRef);
  }
  return {
    topDevices: devices
      .ranked()
      .slice(0, TOP)
      .map(([entityRef, incidents]) => ({ entityRef, incidents })),
    topSystems: systems
      .ranked()
      .slice(0, TOP)
      .map(([systemRef, incidents]) => ({ systemRef, incidents })),
  };
}
