import {
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  kbArticleCreatePermission,
  type ArticleKind,
  type ArticleSummary,
} from '@internal/plugin-kb-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { kbApiRef } from '../../api';
import { useKbLinks } from '../../hooks/useKbLinks';
import { kbTranslationRef } from '../../translation';
import { ArticleList } from '../shared/ArticleList';

/** On a device's tab, what an engineer reaches for first. */
const KIND_ORDER: readonly ArticleKind[] = ['runbook', 'known-error', 'how-to', 'faq'];

const byKind = (a: ArticleSummary, b: ArticleSummary) =>
  KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);

/**
 * "Knowledge" on a system, device or application: the articles about it,
 * runbooks first, and for a device or application those about its system.
 */
export function EntityKnowledgeContent() {
  const { t } = useTranslationRef(kbTranslationRef);
  const { entity } = useEntity();
  const api = useApi(kbApiRef);
  const links = useKbLinks();
  const canCreate = usePermission({ permission: kbArticleCreatePermission });
  const ref = stringifyEntityRef(entity);
  const system = entity.spec?.system;
  const systemRef =
    typeof system === 'string' && system
      ? stringifyEntityRef(
          parseEntityRef(system, {
            defaultKind: 'system',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        )
      : undefined;

  const articles = useAsync(async () => {
    const [here, ofSystem] = await Promise.all([
      api.searchArticles({ entity: [ref], limit: 100 }),
      systemRef
        ? api.searchArticles({ entity: [systemRef], limit: 100 })
        : undefined,
    ]);
    const onHere = new Set(here.items.map(a => a.id));
    return {
      here: [...here.items].sort(byKind),
      system: (ofSystem?.items ?? []).filter(a => !onHere.has(a.id)).sort(byKind),
    };
  }, [api, ref, systemRef]);
  const newArticle = links.newArticle(ref);

  return (
    <Grid container spacing={3} data-testid="entity-knowledge">
      <Grid item xs={12}>
        <InfoCard
          title={t('entity.here')}
          action={
            canCreate.allowed && newArticle ? (
              <LinkButton to={newArticle} color="primary" variant="outlined" data-testid="entity-new-article">
                {t('entity.newArticle')}
              </LinkButton>
            ) : undefined
          }
        >
          {articles.error && <ResponseErrorPanel error={articles.error} />}
          {articles.loading && <Progress />}
          {articles.value && (
            <ArticleList articles={articles.value.here} empty={t('entity.empty')} testId="entity-articles" />
          )}
        </InfoCard>
      </Grid>
      {systemRef && articles.value && articles.value.system.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title={t('entity.system')}>
            <ArticleList articles={articles.value.system} empty={t('entity.empty')} testId="entity-system-articles" />
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
