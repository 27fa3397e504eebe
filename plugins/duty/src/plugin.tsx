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
  DutyClient,
  dutyRosterReadPermission,
} from '@internal/plugin-duty-common';
import EventIcon from '@material-ui/icons/Event';
import { dutyApiRef } from './api';
import { boardRouteRef, checkInRouteRef, rootRouteRef } from './routes';
import { dutyTranslationRef } from './translation';

export const dutyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dutyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DutyClient({ discoveryApi, fetchApi }),
    }),
});

/** 值班 in the sidebar: the roster by post, my shifts, leave. */
export const dutyPage = PageBlueprint.make({
  params: {
    path: '/duty',
    routeRef: rootRouteRef,
    title: dutyTranslationRef('page.title'),
    icon: <EventIcon fontSize="inherit" />,
    loader: () => import('./components/DutyPage').then(m => <m.DutyPage />),
  },
});

// No icon: the duty room's wall display, opened from the home card.
export const boardPage = PageBlueprint.make({
  name: 'board',
  params: {
    path: '/duty/board',
    routeRef: boardRouteRef,
    title: dutyTranslationRef('page.board'),
    loader: () =>
      import('./components/board/BoardPage').then(m => <m.BoardPage />),
  },
});

// No icon: opened by the duty room's QR code on an engineer's phone.
export const checkInPage = PageBlueprint.make({
  name: 'check-in',
  params: {
    path: '/duty/check-in',
    routeRef: checkInRouteRef,
    title: dutyTranslationRef('page.checkIn'),
    loader: () =>
      import('./components/checkin/CheckInPage').then(m => <m.CheckInPage />),
  },
});

// The widget's title param is a plain string; the card shows its own translated title.
export const dutyBoardWidget = HomePageWidgetBlueprint.make({
  name: 'duty-board',
  params: {
    name: 'DutyBoard',
    components: () =>
      import('./components/board/DutyBoardCard').then(m => ({
        Content: () => (
          <PermittedOnly permission={dutyRosterReadPermission}>
            <m.DutyBoardCard />
          </PermittedOnly>
        ),
      })),
  },
});

export const dutyPlugin = createFrontendPlugin({
  pluginId: 'duty',
  title: 'Duty',
  routes: {
    root: rootRouteRef,
    board: boardRouteRef,
    checkIn: checkInRouteRef,
  },
  extensions: [dutyApi, dutyPage, boardPage, checkInPage, dutyBoardWidget],
});
