import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { CalendarClient } from '@internal/plugin-calendar-common';
import EventIcon from '@material-ui/icons/Event';
import { calendarApiRef } from './api';
import { rootRouteRef } from './routes';
import { calendarTranslationRef } from './translation';

export const calendarApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: calendarApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CalendarClient({ discoveryApi, fetchApi }),
    }),
});

/** 法定节假日安排: covered years and the schedule form (the court IT office). */
export const calendarPage = PageBlueprint.make({
  params: {
    path: '/calendar',
    routeRef: rootRouteRef,
    title: calendarTranslationRef('page.title'),
    icon: <EventIcon fontSize="inherit" />,
    loader: () =>
      import('./components/CalendarPage').then(m => <m.CalendarPage />),
  },
});

export const calendarPlugin = createFrontendPlugin({
  pluginId: 'calendar',
  title: 'Official calendar',
  routes: { root: rootRouteRef },
  extensions: [calendarApi, calendarPage],
});
