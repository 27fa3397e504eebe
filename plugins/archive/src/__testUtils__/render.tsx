import {
  renderInTestApp,
  type TestAppOptions,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { archiveApiRef } from '../api';
import { DocumentView } from '../components/DocumentPage';
import {
  changeRouteRef,
  documentRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from '../routes';
import { mockArchiveApi } from './fixtures';

const systems = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'machine-rooms', namespace: 'default', title: '机房' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'trial-system', namespace: 'default', title: '审判系统' },
    spec: {},
  },
];

/**
 * Renders inside a test app with the archive's and the catalog's pages
 * mounted, against a fake archive API; court staff are denied creating.
 */
export async function renderInArchiveApp(
  element: JSX.Element,
  options: {
    staff?: boolean;
    initialRouteEntries?: string[];
    /** Answers to set before the first render. */
    prepare?: (api: ReturnType<typeof mockArchiveApi>) => void;
  } & Pick<TestAppOptions, 'mountedRoutes'> = {},
) {
  const api = mockArchiveApi();
  options.prepare?.(api);
  const permissions = answeringPermissionApi(request =>
    options.staff && request.permission.name !== 'archive.document.read'
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
  );
  await renderInTestApp(element, {
    apis: [
      [archiveApiRef, api],
      [catalogApiRef, catalogApiMock({ entities: systems })],
      [permissionApiRef, permissions.api],
    ],
    initialRouteEntries: options.initialRouteEntries,
    mountedRoutes: {
      '/archive': rootRouteRef,
      '/archive/documents/:id': documentRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...options.mountedRoutes,
    },
  });
  return { api, permissions };
}

/** A document's page (doc-1 unless told), with the tickets plugin's pages mounted as the app binds them. */
export function renderDocument(
  options: Parameters<typeof renderInArchiveApp>[1] = {},
  id = 'doc-1',
) {
  return renderInArchiveApp(<DocumentView id={id} />, {
    ...options,
    mountedRoutes: {
      '/tickets/:ticketRef': ticketRouteRef,
      '/tickets/changes/:changeRef': changeRouteRef,
    },
  });
}
