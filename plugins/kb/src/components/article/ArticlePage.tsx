import {
  Content,
  InfoCard,
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  KNOWN_ERROR_SECTIONS,
  kbArticleUpdatePermission,
  type Article,
} from '@internal/plugin-kb-common';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ResponseError } from '@backstage/errors';
import { Fragment, type ReactNode } from 'react';
import { formatInstant } from '../../format';
import { useKbLinks } from '../../hooks/useKbLinks';
import { articleRouteRef } from '../../routes';
import { kbTranslationRef } from '../../translation';
import { SafeMarkdown } from '../markdown/SafeMarkdown';
import { ActorLink, KindChip, VisibilityChip } from '../shared/labels';
import { ArticleHistory } from './ArticleHistory';
import { useArticle } from './useArticle';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
}));

/** A link where the app has mounted the page, plain text where not. */
function LinkIfMounted(props: { to?: string; children: ReactNode }) {
  return props.to ? <Link to={props.to}>{props.children}</Link> : <>{props.children}</>;
}

/** Who, what and where about an article, as a definition list. */
function ArticleFacts(props: { article: Article }) {
  const { article } = props;
  const { t } = useTranslationRef(kbTranslationRef);
  const classes = useStyles();
  const links = useKbLinks();
  const facts: [string, ReactNode][] = [
    [t('article.owner'), <ActorLink actor={article.owner} />],
    [
      t('article.updated'),
      <>
        {formatInstant(article.updatedAt)} · <ActorLink actor={article.updatedBy} />
      </>,
    ],
    [t('article.version'), String(article.version)],
    [t('article.language'), t(`language.${article.language}`)],
  ];
  if (article.entityRefs.length > 0) {
    facts.push([
      t('article.entities'),
      <EntityRefLinks entityRefs={[...article.entityRefs]} hideIcons />,
    ]);
  }
  if (article.ticketRefs.length > 0) {
    facts.push([
      t('article.tickets'),
      <>
        {article.ticketRefs.map((ticket, i) => (
          <Fragment key={ticket}>
            {i > 0 && ', '}
            <LinkIfMounted to={links.ticket(ticket)}>{ticket}</LinkIfMounted>
          </Fragment>
        ))}
      </>,
    ]);
  }
  if (article.tags.length > 0) {
    facts.push([t('article.tags'), article.tags.join(' · ')]);
  }
  if (article.source) {
    facts.push([
      t('article.source'),
      article.source.url ? (
        <Link to={article.source.url} data-testid="article-source">
          {article.source.path}
        </Link>
      ) : (
        <code data-testid="article-source">{article.source.path}</code>
      ),
    ]);
  }
  return (
    <dl className={classes.facts} data-testid="article-facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** An article to read: its parts rendered safely, its facts, its history. */
export function ArticleView(props: { articleId: string }) {
  const { t } = useTranslationRef(kbTranslationRef);
  const classes = useStyles();
  const links = useKbLinks();
  const { article, loading, error, reload } = useArticle(props.articleId);
  const canUpdate = usePermission({
    permission: kbArticleUpdatePermission,
    resourceRef: article?.id,
  }).allowed;

  if (!article) {
    if (loading) return <Progress />;
    if (ResponseError.is(error) && error.statusCode === 404) {
      return <Alert severity="info">{t('article.notFound')}</Alert>;
    }
    return <ResponseErrorPanel error={error ?? new Error('no article')} />;
  }
  const home = links.home();
  const edit = links.edit(article.id);

  return (
    <Grid container spacing={3}>
      {home && (
        <Grid item xs={12}>
          <Link to={home}>{t('page.backToHome')}</Link>
        </Grid>
      )}
      <Grid item xs={12} md={8}>
        <InfoCard>
          <div className={classes.title}>
            <KindChip kind={article.kind} />
            <Typography variant="h4" component="h1" data-testid="article-title">
              {article.title}
            </Typography>
            <VisibilityChip visibility={article.visibility} />
            {canUpdate && !article.source && edit && (
              <LinkButton to={edit} variant="outlined" color="primary" data-testid="article-edit">
                {t('article.edit')}
              </LinkButton>
            )}
          </div>
          {article.source && (
            <Alert severity="info" style={{ marginTop: 16 }} data-testid="article-read-only">
              {t('article.readOnly')}
            </Alert>
          )}
          <div data-testid="article-content">
            {article.knownError &&
              KNOWN_ERROR_SECTIONS.map(section => (
                <section key={section} data-testid={`article-${section}`}>
                  <Typography variant="h6" component="h2">
                    {t(`field.${section}`)}
                  </Typography>
                  <SafeMarkdown>{article.knownError![section] || '—'}</SafeMarkdown>
                </section>
              ))}
            {article.body && (
              <section data-testid="article-body">
                {article.knownError && (
                  <Typography variant="h6" component="h2">
                    {t('field.body')}
                  </Typography>
                )}
                <SafeMarkdown>{article.body}</SafeMarkdown>
              </section>
            )}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <Grid container spacing={3} direction="column">
          <Grid item>
            <InfoCard>
              <ArticleFacts article={article} />
            </InfoCard>
          </Grid>
          <Grid item>
            <ArticleHistory
              article={article}
              canRestore={canUpdate && !article.source}
              onRestored={reload}
            />
          </Grid>
        </Grid>
      </Grid>
    </Grid>
  );
}

/** `/kb/articles/:articleId`. */
export function ArticlePage() {
  const { articleId } = useRouteRefParams(articleRouteRef);
  return (
    <Content>
      <ArticleView key={articleId} articleId={articleId} />
    </Content>
  );
}
