import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { PermittedOnly } from '@internal/plugin-court-react';
import {
  ReportsClient,
  reportReadPermission,
} from '@internal/plugin-reports-common';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { reportsApiRef } from './api';
import { rootRouteRef, ticketRouteRef } from './routes';
import { reportsTranslationRef } from './translation';

export const reportsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reportsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReportsClient({ discoveryApi, fetchApi }),
    }),
});

/** 服务报告: a period's figures, issuing (ops manager) and acknowledging (court IT office). */
export const reportsPage = PageBlueprint.make({
  params: {
    path: '/reports',
    routeRef: rootRouteRef,
    title: reportsTranslationRef('page.title'),
    icon: <AssessmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/ReportsPage').then(m => <m.ReportsPage />),
  },
});

// The widget's title param is a plain string; the card shows its own translated title.
export const monthComplianceWidget = HomePageWidgetBlueprint.make({
  name: 'month-compliance',
  params: {
    name: 'MonthCompliance',
    components: () =>
      import('./components/home/MonthComplianceCard').then(m => ({
        Content: () => (
          <PermittedOnly permission={reportReadPermission}>
            <m.MonthComplianceCard />
          </PermittedOnly>
        ),
      })),
  },
});

export const reportsPlugin = createFrontendPlugin({
  pluginId: 'reports',
  title: 'Service reports',
  routes: { root: rootRouteRef },
  externalRoutes: { ticket: ticketRouteRef },
  extensions: [reportsApi, reportsPage, monthComplianceWidget],
});
