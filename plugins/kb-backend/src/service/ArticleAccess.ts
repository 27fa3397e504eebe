import {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ResourceAccess } from '@internal/plugin-court-node';
import {
  KB_ARTICLE_RESOURCE_TYPE,
  kbArticleReadPermission,
} from '@internal/plugin-kb-common';
import {
  ArticleAccessFacts,
  ArticleQueryFilter,
  kbArticlePermissionResourceRef,
} from '@internal/plugin-kb-node';

/** The permission framework's answers about articles (court staff: public articles only). */
export class ArticleAccess extends ResourceAccess<
  typeof KB_ARTICLE_RESOURCE_TYPE,
  ArticleAccessFacts,
  ArticleQueryFilter
> {
  constructor(
    permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    super(
      permissions,
      registry,
      kbArticlePermissionResourceRef,
      kbArticleReadPermission,
    );
  }
}
