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
  PermissionResourceRef,
} from '@backstage/plugin-permission-node';

/**
 * Asks the permission framework about one family's resources (tickets, articles). Conditional
 * decisions (court staff: "only tickets they reported", "public articles only") are applied
 * here, to one resource or as a filter on a list, without a round trip per resource.
 */
export class ResourceAccess<
  TResourceType extends string,
  TResource,
  TQuery,
> {
  private readonly isAllowedBy: (
    decision: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    resource: TResource,
  ) => boolean;
  private readonly toFilter: (
    conditions: Parameters<
      ReturnType<typeof createConditionTransformer<TQuery>>
    >[0],
  ) => PermissionCriteria<TQuery>;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
    resourceRef: PermissionResourceRef<TResource, TQuery, TResourceType>,
    /** The permission that lists the family's resources (`readFilter`). */
    private readonly readPermission: ResourcePermission<TResourceType>,
  ) {
    const ruleset = registry.getPermissionRuleset(resourceRef);
    this.isAllowedBy = createConditionAuthorizer(ruleset);
    this.toFilter = createConditionTransformer(ruleset);
  }

  /** @throws NotAllowedError unless the permission is allowed outright. */
  async require(
    permission: BasicPermission | ResourcePermission<TResourceType>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.allows(permission, credentials))) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /**
   * @throws NotAllowedError when the permission is denied outright (not even on some
   * resources), whatever the request: asked before its input is read, so such a caller learns
   * nothing from a 400 about the input.
   */
  async requireSome(
    permission: BasicPermission | ResourcePermission<TResourceType>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if ((await this.decide(permission, credentials)) === AuthorizeResult.DENY) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /** Whether the permission is allowed outright (for a resource permission: on every resource). */
  async allows(
    permission: BasicPermission | ResourcePermission<TResourceType>,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return (
      (await this.decide(permission, credentials)) === AuthorizeResult.ALLOW
    );
  }

  /** Whether the caller may do `permission` to this resource. */
  async allowsOn(
    permission: ResourcePermission<TResourceType>,
    resource: TResource,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.isAllowedBy(decision, resource);
  }

  /**
   * Which resources the caller may read: everything (undefined), a filter, or nothing
   * (NotAllowedError).
   */
  async readFilter(
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<TQuery> | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: this.readPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.toFilter(decision.conditions);
    }
    throw new NotAllowedError(`${this.readPermission.name} is not allowed`);
  }

  private async decide(
    permission: BasicPermission | ResourcePermission<TResourceType>,
    credentials: BackstageCredentials,
  ): Promise<AuthorizeResult> {
    const [decision] =
      permission.type === 'resource'
        ? await this.permissions.authorizeConditional([{ permission }], {
            credentials,
          })
        : await this.permissions.authorize([{ permission }], { credentials });
    return decision.result;
  }
}
