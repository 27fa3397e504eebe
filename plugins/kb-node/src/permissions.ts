import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ARTICLE_VISIBILITIES,
  Article,
  KB_ARTICLE_RESOURCE_TYPE,
} from '@internal/plugin-kb-common';
import { z } from 'zod';

/** What an article permission rule looks at. */
export type ArticleAccessFacts = Pick<Article, 'id' | 'visibility'>;

/** A store-neutral filter a rule turns into: articles whose `property` is one of `values`. */
export interface ArticleQueryFilter {
  readonly property: 'visibility';
  readonly values: readonly string[];
}

export const kbArticlePermissionResourceRef = createPermissionResourceRef<
  ArticleAccessFacts,
  ArticleQueryFilter
>().with({ pluginId: 'kb', resourceType: KB_ARTICLE_RESOURCE_TYPE });

/** The article is marked one of `visibilities` (court staff: public only). */
export const hasVisibility = createPermissionRule({
  name: 'HAS_VISIBILITY',
  description: 'Allow articles marked with one of the given visibilities',
  resourceRef: kbArticlePermissionResourceRef,
  paramsSchema: z.object({
    visibilities: z
      .array(z.enum(ARTICLE_VISIBILITIES))
      .describe('public (court staff) or internal (the O&M team)'),
  }),
  apply: (article, { visibilities }) =>
    visibilities.includes(article.visibility),
  toQuery: ({ visibilities }) => ({
    property: 'visibility',
    values: visibilities,
  }),
});

export const kbArticlePermissionRules = { hasVisibility };

/** For policies: `kbArticleConditions.hasVisibility({ visibilities })`, `createKbArticleConditionalDecision`. */
export const {
  conditions: kbArticleConditions,
  createConditionalDecision: createKbArticleConditionalDecision,
} = createConditionExports({
  resourceRef: kbArticlePermissionResourceRef,
  rules: kbArticlePermissionRules,
});
