import { useApi } from '@backstage/frontend-plugin-api';
import { useAsyncReload } from '@internal/plugin-court-react';
import { kbApiRef } from '../../api';

/** One article, with a reload for after a change. */
export function useArticle(articleId: string) {
  const api = useApi(kbApiRef);
  const { value, loading, error, retry } = useAsyncReload(
    () => api.getArticle(articleId),
    [api, articleId],
  );
  return { article: value, loading, error, reload: retry };
}
