import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ArchiveClient } from '@internal/plugin-archive-common';
import ArchiveIcon from '@material-ui/icons/Archive';
import { archiveApiRef } from './api';
import {
  changeRouteRef,
  documentRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from './routes';
import { archiveTranslationRef } from './translation';

export const archiveApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: archiveApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ArchiveClient({ discoveryApi, fetchApi }),
    }),
});

/** 文档档案 in the sidebar: the five classes, search, registration. */
export const archivePage = PageBlueprint.make({
  params: {
    path: '/archive',
    routeRef: rootRouteRef,
    title: archiveTranslationRef('page.title'),
    icon: <ArchiveIcon fontSize="inherit" />,
    loader: () =>
      import('./components/ArchivePage').then(m => <m.ArchivePage />),
  },
});

// No icon: the sidebar lists the archive, not each document.
export const documentPage = PageBlueprint.make({
  name: 'document',
  params: {
    path: '/archive/documents/:id',
    routeRef: documentRouteRef,
    title: archiveTranslationRef('page.document'),
    loader: () =>
      import('./components/DocumentPage').then(m => <m.DocumentPage />),
  },
});

/** "Archive" on systems and devices: the documents about them. */
export const entityArchiveContent = EntityContentBlueprint.make({
  name: 'archive',
  params: {
    path: '/archive',
    title: archiveTranslationRef('entity.tab'),
    filter: { kind: { $in: ['system', 'resource'] } },
    loader: () =>
      import('./components/EntityArchiveContent').then(m => (
        <m.EntityArchiveContent />
      )),
  },
});

export const archivePlugin = createFrontendPlugin({
  pluginId: 'archive',
  title: 'Archive',
  routes: { root: rootRouteRef, document: documentRouteRef },
  externalRoutes: { ticket: ticketRouteRef, change: changeRouteRef },
  extensions: [archiveApi, archivePage, documentPage, entityArchiveContent],
});
