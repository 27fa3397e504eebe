import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
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

/**
 * Asks the permission framework about tickets. Conditional decisions (e.g.
 * court staff: "only tickets they reported") are applied here, to a single
 * ticket or as a filter on a list, without a round trip per ticket.
 */
export class TicketAccess {
  private readonly isAllowedBy;
  private readonly toFilter;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(ticketPermissionResourceRef);
    this.isAllowedBy = createConditionAuthorizer(ruleset);
    this.toFilter = createConditionTransformer(ruleset);
  }

  /** @throws NotAllowedError */
  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.allows(permission, credentials))) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /**
   * @throws NotAllowedError when the permission is denied outright (not
   * even on some tickets), whatever the request: asked before its input is
   * read, so such a caller learns nothing from a 400 about the input.
   */
  async requireSome(
    permission: BasicPermission | TicketPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] =
      permission.type === 'resource'
        ? await this.permissions.authorizeConditional([{ permission }], {
            credentials,
          })
        : await this.permissions.authorize([{ permission }], { credentials });
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /** For a ticket permission: whether it is allowed on every ticket. */
  async allows(
    permission: BasicPermission | TicketPermission,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] =
      permission.type === 'resource'
        ? await this.permissions.authorizeConditional([{ permission }], {
            credentials,
          })
        : await this.permissions.authorize([{ permission }], { credentials });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** Whether the caller may do `permission` to this ticket. */
  async allowsOn(
    permission: TicketPermission,
    ticket: TicketAccessFacts,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.isAllowedBy(decision, ticket);
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

  /**
   * Which tickets the caller may read: everything (undefined), a filter, or
   * nothing (NotAllowedError).
   */
  async readFilter(
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<TicketQueryFilter> | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: ticketReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.toFilter(decision.conditions);
    }
    throw new NotAllowedError(`${ticketReadPermission.name} is not allowed`);
  }
}
