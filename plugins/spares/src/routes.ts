import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The store: stock, below minimum, movements. */
export const rootRouteRef = createRouteRef();

/** Repairs: out now, overdue, by vendor. */
export const repairsRouteRef = createRouteRef();
