import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kbApiRef } from '../../api';

/** One article, with a reload for after a change. */
export function useArticle(articleId: string) {
  const api = useApi(kbApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getArticle(articleId),
    [api, articleId],
  );
  return { article: value, loading, error, reload: retry };
}
