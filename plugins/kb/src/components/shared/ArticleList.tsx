import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ArticleSummary } from '@internal/plugin-kb-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatInstant } from '../../format';
import { useKbLinks } from '../../hooks/useKbLinks';
import { kbTranslationRef } from '../../translation';
import { Highlighted } from './Highlighted';
import { KindChip, VisibilityChip } from './labels';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  snippet: { marginTop: theme.spacing(0.5) },
}));

/** Articles as a list: kind, title (a link), who may read it, a snippet with the query marked. */
export function ArticleList(props: {
  articles: readonly ArticleSummary[];
  query?: string;
  empty: string;
  testId?: string;
}) {
  const classes = useStyles();
  const links = useKbLinks();
  const { t } = useTranslationRef(kbTranslationRef);
  if (props.articles.length === 0) {
    return (
      <Typography color="textSecondary" data-testid={`${props.testId}-empty`}>
        {props.empty}
      </Typography>
    );
  }
  return (
    <List data-testid={props.testId}>
      {props.articles.map(article => {
        const href = links.article(article.id);
        return (
          <ListItem
            key={article.id}
            divider
            alignItems="flex-start"
            data-testid={`article-row-${article.id}`}
          >
            <ListItemText
              disableTypography
              primary={
                <div className={classes.title}>
                  <KindChip kind={article.kind} />
                  <Typography variant="subtitle1" component="span">
                    {href ? (
                      <Link to={href}>
                        <Highlighted text={article.title} query={props.query} />
                      </Link>
                    ) : (
                      article.title
                    )}
                  </Typography>
                  <VisibilityChip visibility={article.visibility} />
                </div>
              }
              secondary={
                <>
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    className={classes.snippet}
                  >
                    <Highlighted text={article.snippet} query={props.query} />
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {article.id} ·{' '}
                    {t('search.updated', { at: formatInstant(article.updatedAt) })}
                  </Typography>
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
