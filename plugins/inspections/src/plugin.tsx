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
  InspectionsClient,
  inspectionRoundReadPermission,
} from '@internal/plugin-inspections-common';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { inspectionsApiRef } from './api';
import {
  roundRouteRef,
  rootRouteRef,
  scanRouteRef,
  ticketRouteRef,
} from './routes';
import { inspectionsTranslationRef } from './translation';

export const inspectionsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: inspectionsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InspectionsClient({ discoveryApi, fetchApi }),
    }),
});

/** 巡检 in the sidebar: today's rounds, coverage, labels, plans. */
export const inspectionsPage = PageBlueprint.make({
  params: {
    path: '/inspections',
    routeRef: rootRouteRef,
    title: inspectionsTranslationRef('page.title'),
    icon: <AssignmentTurnedInIcon fontSize="inherit" />,
    loader: () =>
      import('./components/InspectionsPage').then(m => <m.InspectionsPage />),
  },
});

// No icon: reached from today's rounds, a scan or an entity tab, not the sidebar.
export const roundPage = PageBlueprint.make({
  name: 'round',
  params: {
    path: '/inspections/rounds/:roundId',
    routeRef: roundRouteRef,
    title: inspectionsTranslationRef('page.round'),
    loader: () =>
      import('./components/round/RoundPage').then(m => <m.RoundPage />),
  },
});

export const scanPage = PageBlueprint.make({
  name: 'scan',
  params: {
    path: '/inspections/scan/:namespace/:name',
    routeRef: scanRouteRef,
    title: inspectionsTranslationRef('page.scan'),
    loader: () =>
      import('./components/scan/ScanPage').then(m => <m.ScanPage />),
  },
});

export const entityInspectionsContent = EntityContentBlueprint.make({
  name: 'inspections',
  params: {
    path: '/inspections',
    title: inspectionsTranslationRef('entity.tab'),
    filter: { kind: { $in: ['system', 'resource'] } },
    loader: () =>
      import('./components/entity/EntityInspectionsContent').then(m => (
        <m.EntityInspectionsContent />
      )),
  },
});

// The widget's title param is a plain string; the card shows its own translated title.
export const todaysRoundsWidget = HomePageWidgetBlueprint.make({
  name: 'todays-rounds',
  params: {
    name: 'TodaysRounds',
    components: () =>
      import('./components/home/TodaysRoundsCard').then(m => ({
        // Not shown to roles that read no rounds (court staff, issue 12 finding 12).
        Content: () => (
          <PermittedOnly permission={inspectionRoundReadPermission}>
            <m.TodaysRoundsCard />
          </PermittedOnly>
        ),
      })),
  },
});

export const inspectionsPlugin = createFrontendPlugin({
  pluginId: 'inspections',
  title: 'Inspections',
  routes: {
    root: rootRouteRef,
    round: roundRouteRef,
    scan: scanRouteRef,
  },
  externalRoutes: {
    ticket: ticketRouteRef,
  },
  extensions: [
    inspectionsApi,
    inspectionsPage,
    roundPage,
    scanPage,
    entityInspectionsContent,
    todaysRoundsWidget,
  ],
});
