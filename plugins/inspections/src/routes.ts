import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** `/inspections`: today's rounds, coverage, labels, plans (`?tab=`). */
export const rootRouteRef = createRouteRef();

/** One round, walked on a phone; `?check=<id>` opens that device's checklist. */
export const roundRouteRef = createRouteRef({ params: ['roundId'] });

/** What an asset label's QR code opens: records the scan, then opens the checklist. */
export const scanRouteRef = createRouteRef({ params: ['namespace', 'name'] });

/** An incident, by number (INC-2026-00042): the tickets plugin's page, bound in the app. */
export const ticketRouteRef = createExternalRouteRef({
  params: ['ticketRef'],
  defaultTarget: 'tickets.ticket',
});
