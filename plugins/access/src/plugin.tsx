import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { AccessClient } from '@internal/plugin-access-common';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { accessApiRef } from './api';
import { rootRouteRef } from './routes';
import { accessTranslationRef } from './translation';

/** Provides accessApiRef (court-react) for every family's pages, the ticket page among them. */
export const accessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: accessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AccessClient({ discoveryApi, fetchApi }),
    }),
});

/** 访问授权 in the sidebar: the approval queue, grants, engineers. */
export const accessPage = PageBlueprint.make({
  params: {
    path: '/access',
    routeRef: rootRouteRef,
    title: accessTranslationRef('page.title'),
    icon: <VpnKeyIcon fontSize="inherit" />,
    loader: () => import('./components/AccessPage').then(m => <m.AccessPage />),
  },
});

/** "Access" on devices and systems: their grants and codes. */
export const entityAccessContent = EntityContentBlueprint.make({
  name: 'access',
  params: {
    path: '/access',
    title: accessTranslationRef('entity.tab'),
    filter: { kind: { $in: ['system', 'resource', 'component'] } },
    loader: () =>
      import('./components/EntityAccessContent').then(m => (
        <m.EntityAccessContent />
      )),
  },
});

export const accessPlugin = createFrontendPlugin({
  pluginId: 'access',
  title: 'Access',
  routes: { root: rootRouteRef },
  extensions: [accessApi, accessPage, entityAccessContent],
});
