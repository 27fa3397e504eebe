import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ResourceAccess } from '@internal/plugin-court-node';
import {
  TICKET_RESOURCE_TYPE,
  ticketReadPermission,
} from '@internal/plugin-tickets-common';
import {
  TicketAccessFacts,
  TicketQueryFilter,
  ticketPermissionResourceRef,
} from '@internal/plugin-tickets-node';

type TicketPermission = ResourcePermission<typeof TICKET_RESOURCE_TYPE>;

/** The permission framework's answers about tickets (court staff: only those they reported). */
export class TicketAccess extends ResourceAccess<
  typeof TICKET_RESOURCE_TYPE,
  TicketAccessFacts,
  TicketQueryFilter
> {
  constructor(
    permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    super(
      permissions,
      registry,
      ticketPermissionResourceRef,
      ticketReadPermission,
    );
  }

  /** @throws NotAllowedError naming the ticket */
  async requireOn(
    permission: TicketPermission,
    ticket: TicketAccessFacts,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.allowsOn(permission, ticket, credentials))) {
      throw new NotAllowedError(
        `${permission.name} is not allowed on ticket ${ticket.number}`,
      );
    }
  }
}
