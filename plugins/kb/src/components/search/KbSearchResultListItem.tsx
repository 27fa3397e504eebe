import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import type { ArticleKind } from '@internal/plugin-kb-common';
import type { ResultHighlight, SearchDocument } from '@backstage/plugin-search-common';
import Box from '@material-ui/core/Box';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { formatInstant } from '../../format';
import { kbTranslationRef } from '../../translation';
import { KindChip } from '../shared/labels';

/** What the kb collator puts in a search document besides title, text and location. */
interface KbSearchDocument extends SearchDocument {
  readonly id?: string;
  readonly kind?: ArticleKind;
  readonly updatedAt?: string;
}

/** Characters of an article's text shown under its title. */
const SNIPPET = 200;
/** Three lines at most, also when the engine returns the whole text highlighted. */
const CLAMP = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

/** A knowledge article among Backstage search results: kind, title, a snippet. */
export function KbSearchResultListItem(props: {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}) {
  const { t } = useTranslationRef(kbTranslationRef);
  const result = props.result as KbSearchDocument | undefined;
  if (!result) return null;
  const { highlight } = props;
  const text =
    result.text.length > SNIPPET ? `${result.text.slice(0, SNIPPET)}…` : result.text;
  return (
    <ListItem alignItems="flex-start" divider data-testid="kb-search-result">
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <ListItemText
        primaryTypographyProps={{ variant: 'h6' }}
        primary={
          <Link noTrack to={result.location}>
            {highlight?.fields.title ? (
              <HighlightedSearchResultText
                text={highlight.fields.title}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.title
            )}
          </Link>
        }
        secondary={
          <>
            <Typography variant="body2" component="span" style={CLAMP}>
              {highlight?.fields.text ? (
                <HighlightedSearchResultText
                  text={highlight.fields.text}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                text
              )}
            </Typography>
            <Box display="flex" alignItems="center" gridGap={8} marginTop={1} component="span">
              {result.kind && <KindChip kind={result.kind} />}
              <Typography variant="caption" component="span">
                {result.id}
                {result.updatedAt &&
                  ` · ${t('search.updated', { at: formatInstant(result.updatedAt) })}`}
              </Typography>
            </Box>
          </>
        }
      />
    </ListItem>
  );
}
