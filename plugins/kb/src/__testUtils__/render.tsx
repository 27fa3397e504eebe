import {
  renderInTestApp,
  type TestAppOptions,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  articleRouteRef,
  editArticleRouteRef,
  newArticleRouteRef,
  rootRouteRef,
} from '../routes';

/** Renders inside a test app with the knowledge base's and the catalog's pages mounted. */
export function renderInKbApp(element: JSX.Element, options: TestAppOptions = {}) {
  return renderInTestApp(element, {
    ...options,
    mountedRoutes: {
      '/kb': rootRouteRef,
      '/kb/new': newArticleRouteRef,
      '/kb/articles/:articleId': articleRouteRef,
      '/kb/articles/:articleId/edit': editArticleRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...options.mountedRoutes,
    },
  });
}
