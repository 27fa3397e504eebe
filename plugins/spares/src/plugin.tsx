import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SparesClient } from '@internal/plugin-spares-common';
import BuildIcon from '@material-ui/icons/Build';
import StorageIcon from '@material-ui/icons/Storage';
import { sparesApiRef } from './api';
import { repairsRouteRef, rootRouteRef } from './routes';
import { sparesTranslationRef } from './translation';

export const sparesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sparesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SparesClient({ discoveryApi, fetchApi }),
    }),
});

/** 备品备件 in the sidebar: stock, below minimum, movements. */
export const storePage = PageBlueprint.make({
  params: {
    path: '/spares',
    routeRef: rootRouteRef,
    title: sparesTranslationRef('page.store'),
    icon: <StorageIcon fontSize="inherit" />,
    loader: () => import('./components/StorePage').then(m => <m.StorePage />),
  },
});

/** 第三方维修: out now, overdue, by vendor. */
export const repairsPage = PageBlueprint.make({
  name: 'repairs',
  params: {
    path: '/spares/repairs',
    routeRef: repairsRouteRef,
    title: sparesTranslationRef('page.repairs'),
    icon: <BuildIcon fontSize="inherit" />,
    loader: () =>
      import('./components/RepairsPage').then(m => <m.RepairsPage />),
  },
});

/** "Spares" on devices: out for repair, parts that fit, parts used, repairs. */
export const entitySparesContent = EntityContentBlueprint.make({
  name: 'spares',
  params: {
    path: '/spares',
    title: sparesTranslationRef('device.tab'),
    filter: { kind: 'resource' },
    loader: () =>
      import('./components/EntitySparesContent').then(m => (
        <m.EntitySparesContent />
      )),
  },
});

export const sparesPlugin = createFrontendPlugin({
  pluginId: 'spares',
  title: 'Spares',
  routes: { root: rootRouteRef, repairs: repairsRouteRef },
  extensions: [sparesApi, storePage, repairsPage, entitySparesContent],
});
