import { createRouteRef } from '@backstage/frontend-plugin-api';

/** `/duty`: the month's roster, my shifts, leave (`?tab=`, `?month=`). */
export const rootRouteRef = createRouteRef();

/** `/duty/board`: today's duty board for the wall display. */
export const boardRouteRef = createRouteRef();

/** `/duty/check-in`: what the duty room's QR code opens (`?room=<code>`); phone-sized. */
export const checkInRouteRef = createRouteRef();
