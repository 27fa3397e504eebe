import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { PermittedOnly } from '@internal/plugin-court-react';
import {
  MonitoringClient,
  monitoringReadPermission,
} from '@internal/plugin-monitoring-common';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import { monitoringApiRef } from './api';
import { rootRouteRef, ticketRouteRef, wallRouteRef } from './routes';
import { monitoringTranslationRef } from './translation';

export const monitoringApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: monitoringApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MonitoringClient({ discoveryApi, fetchApi }),
    }),
});

/** 监控 in the sidebar: the status board; the desk's unmapped alerts and dead letters as tabs. */
export const monitoringPage = PageBlueprint.make({
  params: {
    path: '/monitoring',
    routeRef: rootRouteRef,
    title: monitoringTranslationRef('page.title'),
    icon: <NotificationsActiveIcon fontSize="inherit" />,
    loader: () =>
      import('./components/MonitoringPage').then(m => <m.MonitoringPage />),
  },
});

// No icon: opened from the board, not the sidebar.
export const wallPage = PageBlueprint.make({
  name: 'wall',
  params: {
    path: '/monitoring/wall',
    routeRef: wallRouteRef,
    title: monitoringTranslationRef('page.wall'),
    loader: () => import('./components/WallPage').then(m => <m.WallPage />),
  },
});

/** "Monitoring" on systems (their devices' alerts too) and devices. */
export const entityMonitoringContent = EntityContentBlueprint.make({
  name: 'monitoring',
  params: {
    path: '/monitoring',
    title: monitoringTranslationRef('entity.tab'),
    filter: { kind: { $in: ['system', 'resource'] } },
    loader: () =>
      import('./components/EntityMonitoringContent').then(m => (
        <m.EntityMonitoringContent />
      )),
  },
});

// The widget's title param is a plain string; the card shows its own translated title.
export const openAlertsWidget = HomePageWidgetBlueprint.make({
  name: 'open-alerts',
  params: {
    name: 'OpenAlerts',
    components: () =>
      import('./components/OpenAlertsCard').then(m => ({
        // Not shown to roles that read no alerts (court staff).
        Content: () => (
          <PermittedOnly permission={monitoringReadPermission}>
            <m.OpenAlertsCard />
          </PermittedOnly>
        ),
      })),
  },
});

export const monitoringPlugin = createFrontendPlugin({
  pluginId: 'monitoring',
  title: 'Monitoring',
  routes: { root: rootRouteRef, wall: wallRouteRef },
  externalRoutes: { ticket: ticketRouteRef },
  extensions: [
    monitoringApi,
    monitoringPage,
    wallPage,
    entityMonitoringContent,
    openAlertsWidget,
  ],
});
