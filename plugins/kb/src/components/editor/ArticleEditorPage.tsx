import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useAppNavigate,
  useAppSearchParams,
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { Article } from '@internal/plugin-kb-common';
import { useMemo } from 'react';
import { useKbLinks } from '../../hooks/useKbLinks';
import { editArticleRouteRef } from '../../routes';
import { kbTranslationRef } from '../../translation';
import { useArticle } from '../article/useArticle';
import { ArticleEditor } from './ArticleEditor';

/** Open the article when it is saved. */
function useOpenSaved() {
  const navigate = useAppNavigate();
  const links = useKbLinks();
  return (article: Article) => {
    const href = links.article(article.id);
    if (href) navigate(href);
  };
}

/** `/kb/new`, with `?entity=<ref>` from a system's or device's Knowledge tab. */
export function NewArticlePage() {
  const { t } = useTranslationRef(kbTranslationRef);
  const navigate = useAppNavigate();
  const openSaved = useOpenSaved();
  const [params] = useAppSearchParams();
  const initialEntityRefs = useMemo(
    () =>
      params.getAll('entity').flatMap(value => {
        try {
          return [stringifyEntityRef(parseEntityRef(value))];
        } catch {
          return [];
        }
      }),
    [params],
  );
  return (
    <Content>
      <InfoCard title={t('editor.newHeading')}>
        <ArticleEditor
          initialEntityRefs={initialEntityRefs}
          onSaved={openSaved}
          onCancel={() => navigate(-1)}
        />
      </InfoCard>
    </Content>
  );
}

/** `/kb/articles/:articleId/edit`. */
export function EditArticlePage() {
  const { articleId } = useRouteRefParams(editArticleRouteRef);
  const { t } = useTranslationRef(kbTranslationRef);
  const navigate = useAppNavigate();
  const openSaved = useOpenSaved();
  const { article, error, reload } = useArticle(articleId);
  return (
    <Content>
      {error && <ResponseErrorPanel error={error} />}
      {!article && !error && <Progress />}
      {article && (
        <InfoCard title={t('editor.editHeading', { id: article.id })}>
          {/* Keyed by version: a reload after a conflict starts from their text. */}
          <ArticleEditor
            key={article.version}
            article={article}
            onSaved={openSaved}
            onCancel={() => navigate(-1)}
            onReload={reload}
          />
        </InfoCard>
      )}
    </Content>
  );
}
