import {
  Content,
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useApi,
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ARTICLE_ENTITY_KINDS,
  ARTICLE_KINDS,
  kbArticleCreatePermission,
  type ArticleKind,
} from '@internal/plugin-kb-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useState, type FormEvent } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kbApiRef } from '../../api';
import { useKbLinks } from '../../hooks/useKbLinks';
import { kbTranslationRef } from '../../translation';
import { ArticleList } from '../shared/ArticleList';
import { SingleEntityPicker, useEntityOptions } from '@internal/plugin-court-react';

const PAGE = 20;
/** The most the API returns at once; beyond it, narrow the search. */
const MAX = 100;

const useStyles = makeStyles(theme => ({
  searchBar: { display: 'flex', gap: theme.spacing(2), alignItems: 'flex-start' },
  kinds: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/**
 * `/kb`: search in Chinese or English, narrow by kind and by system or
 * device; without a query, the recently updated articles. The kind chips
 * count what the reader may read.
 */
export function KnowledgeHomePage() {
  const { t } = useTranslationRef(kbTranslationRef);
  const classes = useStyles();
  const api = useApi(kbApiRef);
  const links = useKbLinks();
  const canCreate = usePermission({ permission: kbArticleCreatePermission });
  const entities = useEntityOptions(ARTICLE_ENTITY_KINDS);
  const [params, setParams] = useAppSearchParams();
  const q = params.get('q') ?? '';
  const kind = (params.get('kind') ?? '') as ArticleKind | '';
  const entity = params.get('entity') ?? '';
  const [text, setText] = useState(q);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setText(q), [q]);
  useEffect(() => setLimit(PAGE), [q, kind, entity]);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const page = useAsync(
    () =>
      api.searchArticles({
        q: q || undefined,
        kind: kind ? [kind] : undefined,
        entity: entity ? [entity] : undefined,
        limit,
      }),
    [api, q, kind, entity, limit],
  );
  // The counts come with the page: they follow the search and the entity.
  const counts = page.value?.kinds;
  const total = Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const newArticle = links.newArticle();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <form className={classes.searchBar} onSubmit={submit} role="search">
            <TextField
              fullWidth
              variant="outlined"
              label={t('home.search')}
              helperText={t('home.searchHelp')}
              value={text}
              onChange={event => setText(event.target.value)}
              inputProps={{ 'data-testid': 'kb-search' }}
              InputProps={{
                endAdornment: (
                  <InputAdornment position="end">
                    <Button type="submit" aria-label={t('home.search')} data-testid="kb-search-submit">
                      <SearchIcon />
                    </Button>
                  </InputAdornment>
                ),
              }}
            />
            {canCreate.allowed && newArticle && (
              <LinkButton
                to={newArticle}
                color="primary"
                variant="contained"
                data-testid="kb-new-article"
                style={{ whiteSpace: 'nowrap', marginTop: 8 }}
              >
                {t('home.newArticle')}
              </LinkButton>
            )}
          </form>
        </Grid>
        <Grid item xs={12} md={8}>
          <div className={classes.kinds} data-testid="kb-kinds">
            <Chip
              label={`${t('home.allKinds')} ${counts ? total : ''}`}
              color={kind ? 'default' : 'primary'}
              onClick={() => update({ kind: '' })}
            />
            {ARTICLE_KINDS.map(value => (
              <Chip
                key={value}
                label={`${t(`kindPlural.${value}`)} ${counts?.[value] ?? ''}`}
                color={kind === value ? 'primary' : 'default'}
                onClick={() => update({ kind: kind === value ? '' : value })}
                data-testid={`kb-kind-${value}`}
              />
            ))}
          </div>
        </Grid>
        <Grid item xs={12} md={4}>
          <SingleEntityPicker
            label={t('home.entity')}
            options={entities.options}
            loading={entities.loading}
            value={entity}
            testId="kb-entity-filter"
            onChange={ref => update({ entity: ref })}
          />
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title={
              q
                ? t('home.results', { total: String(page.value?.total ?? '…') })
                : t('home.recent')
            }
          >
            {page.error && <ResponseErrorPanel error={page.error} />}
            {page.loading && !page.value && <Progress />}
            {page.value && (
              <>
                <ArticleList
                  articles={page.value.items}
                  query={q}
                  empty={q ? t('home.noResults') : t('home.empty')}
                  testId="kb-results"
                />
                {page.value.total > page.value.items.length && limit < MAX && (
                  <Button onClick={() => setLimit(Math.min(limit + PAGE, MAX))} data-testid="kb-more">
                    {t('home.more')}
                  </Button>
                )}
              </>
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
