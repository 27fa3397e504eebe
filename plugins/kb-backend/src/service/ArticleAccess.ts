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
  KB_ARTICLE_RESOURCE_TYPE,
  kbArticleReadPermission,
} from '@internal/plugin-kb-common';
import {
  ArticleAccessFacts,
  ArticleQueryFilter,
  kbArticlePermissionResourceRef,
} from '@internal/plugin-kb-node';

type ArticlePermission = ResourcePermission<typeof KB_ARTICLE_RESOURCE_TYPE>;

/**
 * Asks the permission framework about articles. Conditional decisions (court
 * staff: "public articles only") are applied here, to one article or as a
 * filter on a list, without a round trip per article.
 */
export class ArticleAccess {
  private readonly isAllowedBy;
  private readonly toFilter;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(
      kbArticlePermissionResourceRef,
    );
    this.isAllowedBy = createConditionAuthorizer(ruleset);
    this.toFilter = createConditionTransformer(ruleset);
  }

  /** @throws NotAllowedError */
  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /**
   * Whether the caller may do `permission` to some article at all; denied
   * outright (not even conditionally) is 403 before any article is read.
   * @throws NotAllowedError
   */
  async requireOnSome(
    permission: ArticlePermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
  }

  /** Whether the caller may do `permission` to this article. */
  async allowsOn(
    permission: ArticlePermission,
    article: ArticleAccessFacts,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.isAllowedBy(decision, article);
  }

  /**
   * Which articles the caller may read: everything (undefined), a filter, or
   * nothing (NotAllowedError).
   */
  async readFilter(
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<ArticleQueryFilter> | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: kbArticleReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.toFilter(decision.conditions);
    }
    throw new NotAllowedError(`${kbArticleReadPermission.name} is not allowed`);
  }
}
