import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  createPermission,
  PermissionCondition,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { ArticleVisibility } from './types';

/** Resource type of an article, for conditional decisions on visibility. */
export const KB_ARTICLE_RESOURCE_TYPE = 'kb-article';

/** Write a new article. */
export const kbArticleCreatePermission = createPermission({
  name: 'kb.article.create',
  attributes: { action: 'create' },
});

/**
 * Read one article, see it in lists, suggestions and Backstage search. Court
 * staff get it on public articles only (the HAS_VISIBILITY rule).
 */
export const kbArticleReadPermission = createPermission({
  name: 'kb.article.read',
  attributes: { action: 'read' },
  resourceType: KB_ARTICLE_RESOURCE_TYPE,
});

/** Edit an article or restore an earlier version of it. */
export const kbArticleUpdatePermission = createPermission({
  name: 'kb.article.update',
  attributes: { action: 'update' },
  resourceType: KB_ARTICLE_RESOURCE_TYPE,
});

export const kbPermissions = [
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
];

/** Parameters of the HAS_VISIBILITY rule, which the kb backend implements. */
export interface HasVisibilityParams {
  readonly visibilities: readonly ArticleVisibility[];
}

export const HAS_VISIBILITY_RULE = 'HAS_VISIBILITY';

/**
 * The condition "the article's visibility is one of `visibilities`", for
 * policies. Built here rather than from the backend's rule so a policy needs
 * only this isomorphic package.
 */
export function kbArticleHasVisibility(
  params: HasVisibilityParams,
): PermissionCondition<typeof KB_ARTICLE_RESOURCE_TYPE> {
  return {
    rule: HAS_VISIBILITY_RULE,
    resourceType: KB_ARTICLE_RESOURCE_TYPE,
    params: { visibilities: [...params.visibilities] },
  };
}

/** A conditional decision on an article permission, evaluated by the kb backend. */
export function createKbArticleConditionalDecision(
  permission: ResourcePermission<typeof KB_ARTICLE_RESOURCE_TYPE>,
  conditions: PermissionCriteria<
    PermissionCondition<typeof KB_ARTICLE_RESOURCE_TYPE>
  >,
): ConditionalPolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'kb',
    resourceType: permission.resourceType,
    conditions,
  };
}
