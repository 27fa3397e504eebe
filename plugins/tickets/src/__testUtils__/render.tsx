import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  type TestAppOptions,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { newTicketRouteRef, rootRouteRef, ticketRouteRef } from '../routes';

/** Renders inside a test app with the desk's and the catalog's pages mounted, so links resolve. */
export function renderInDeskApp(
  element: JSX.Element,
  options: TestAppOptions = {},
) {
  return renderInTestApp(element, {
    ...options,
    mountedRoutes: {
      '/tickets': rootRouteRef,
      '/tickets/new': newTicketRouteRef,
      '/tickets/:ticketRef': ticketRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...options.mountedRoutes,
    },
  });
}

/** Enters text as one paste: typing key by key is slow under jsdom and tests nothing more here. */
export async function typeInto(element: HTMLElement, text: string) {
  await userEvent.click(element);
  await userEvent.paste(text);
}

/** Lets answers already on their way (permissions, catalog, SLA config) land inside act. */
export function settle() {
  return act(() => new Promise(resolve => setTimeout(resolve, 0)));
}
