import { queryWords } from '@internal/plugin-kb-common';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';

const useStyles = makeStyles(theme => ({
  mark: {
    background: theme.palette.type === 'dark' ? '#665c00' : '#fff3a3',
    color: 'inherit',
    padding: 0,
  },
}));

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Plain text with the query's words marked; text only, never HTML. */
export function Highlighted(props: { text: string; query?: string }) {
  const classes = useStyles();
  const words = props.query ? queryWords(props.query) : [];
  if (words.length === 0) return <>{props.text}</>;
  const pattern = new RegExp(
    `(${words
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})`,
    'gi',
  );
  return (
    <>
      {props.text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className={classes.mark}>
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
