import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The official calendar page: covered years, the schedule form with its preview. */
export const rootRouteRef = createRouteRef();
