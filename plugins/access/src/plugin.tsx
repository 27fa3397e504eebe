import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  AccessClient,
  accessGrantRequestPermission,
} from '@internal/plugin-access-common';
import { PermittedOnly } from '@internal/plugin-court-react';
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

/** The engineer's live grants on the home page; only those who request grants see it. */
export const myGrantsWidget = HomePageWidgetBlueprint.make({
  name: 'my-grants',
  params: {
    name: 'MyLiveGrants',
    components: () =>
      import('./components/MyGrantsCard').then(m => ({
        Content: () => (
          <PermittedOnly permission={accessGrantRequestPermission}>
            <m.MyGrantsCard />
          </PermittedOnly>
        ),
      })),
  },
});

export const accessPlugin = createFrontendPlugin({
  pluginId: 'access',
  title: 'Access',
  routes: { root: rootRouteRef },
  extensions: [accessApi, accessPage, entityAccessContent, myGrantsWidget],
});
