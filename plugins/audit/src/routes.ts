import { createRouteRef } from '@backstage/frontend-plugin-api';

/** `/audit`: the audit trail for the court IT office. */
export const rootRouteRef = createRouteRef();
