import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { AuditClient } from '@internal/plugin-audit-common';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { auditApiRef } from './api';
import { rootRouteRef } from './routes';
import { auditTranslationRef } from './translation';

export const auditApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: auditApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AuditClient({ discoveryApi, fetchApi }),
    }),
});

/** 审计记录: filters, the records, the Excel export and the chain's integrity (court IT office). */
export const auditPage = PageBlueprint.make({
  params: {
    path: '/audit',
    routeRef: rootRouteRef,
    title: auditTranslationRef('page.title'),
    icon: <VerifiedUserIcon fontSize="inherit" />,
    loader: () => import('./components/AuditPage').then(m => <m.AuditPage />),
  },
});

export const auditPlugin = createFrontendPlugin({
  pluginId: 'audit',
  title: 'Audit trail',
  routes: { root: rootRouteRef },
  extensions: [auditApi, auditPage],
});
