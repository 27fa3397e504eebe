import { Link } from '@backstage/core-components';
import {
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { ArticleSummary } from '@internal/plugin-kb-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { kbApiRef } from '@internal/plugin-court-react';

/** Wait for a pause in typing before asking. */
const DEBOUNCE_MS = 400;
/** The most of a ticket's text the knowledge base reads for suggestions. */
const MAX_TEXT = 2_000;

/**
 * Knowledge articles matching the ticket as it is written: its words and its
 * entities (DESK-6). A known fix found here can save the call.
 */
export function ArticleSuggestions(props: {
  text: string;
  entityRefs: readonly string[];
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  // Without the knowledge base in the app, filing works without suggestions.
  const kb = useApiHolder().get(kbApiRef);
  const links = useTicketLinks();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const text = props.text.trim().slice(0, MAX_TEXT);
  const entities = props.entityRefs.join(',');

  useEffect(() => {
    if (!kb || (!text && !entities)) {
      setArticles([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      kb.suggest({
        text,
        entity: entities ? entities.split(',') : [],
        limit: 5,
      })
        .then(found => current && setArticles(found))
        // Suggestions help; filing works without them.
        .catch(() => current && setArticles([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kb, text, entities]);

  if (articles.length === 0) return null;
  return (
    <div data-testid="article-suggestions">
      <Typography variant="h6">{t('knowledge.suggestions')}</Typography>
      <Typography variant="body2" color="textSecondary">
        {t('knowledge.suggestionsHelp')}
      </Typography>
      <List dense>
        {articles.map(article => (
          <ListItem
            key={article.id}
            disableGutters
            data-testid={`suggestion-${article.id}`}
          >
            <ListItemText
              primary={
                links.article(article.id) ? (
                  <Link to={links.article(article.id)!} target="_blank">
                    {article.title}
                  </Link>
                ) : (
                  article.title
                )
              }
              secondary={article.snippet}
              // The theme keeps list text on one line; a snippet needs several.
              style={{ whiteSpace: 'normal' }}
            />
          </ListItem>
        ))}
      </List>
    </div>
  );
}
