import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ChangeDetail } from '@internal/plugin-tickets-common';
import { screen, within } from '@testing-library/react';
import { ticketsApiRef } from '../api';
import { mockTicketsApi } from './fixtures';
import { renderInDeskApp } from './render';
import { ChangeView } from '../components/change/ChangeView';

/**
 * The court IT office approves; the O&M team works changes. One role per test
 * file: the permission hook caches its answers for the module's lifetime.
 */
const ROLES = {
  'court IT office': ['tickets.change.approve'],
  engineer: ['tickets.ticket.work', 'tickets.ticket.update'],
};

let permissions: ReturnType<typeof answeringPermissionApi> | undefined;

/** Waits until the change page has its answer for the permission `name`. */
export function permissionAnswered(name: string) {
  return permissions!.answered(name);
}

export async function renderChange(
  detail: ChangeDetail,
  role: keyof typeof ROLES,
  /** The signed-in user; default someone who neither filed nor decided it. */
  user = 'user:default/sunlei',
) {
  const api = mockTicketsApi();
  permissions = answeringPermissionApi(request =>
    ROLES[role].includes(request.permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  api.getChange.mockResolvedValue(detail);
  api.actOnChange.mockResolvedValue(detail);
  await renderInDeskApp(<ChangeView changeRef={detail.change.number} />, {
    apis: [
      mockApis.identity({ userEntityRef: user }),
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, permissions.api],
    ],
  });
  await screen.findByTestId('change-header');
  return api;
}

/** The steps the page offers, by test id. */
export async function shownActions() {
  return within(await screen.findByTestId('change-actions'))
    .getAllByRole('button')
    .map(button => button.getAttribute('data-testid'));
}
