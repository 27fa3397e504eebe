import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ArticleDiff, FieldChange } from '@internal/plugin-kb-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { kbTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  field: { marginBottom: theme.spacing(2) },
  lines: {
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    padding: theme.spacing(1),
    background: theme.palette.background.default,
  },
  added: { background: theme.palette.type === 'dark' ? '#1e4620' : '#e6ffed', display: 'block' },
  removed: {
    background: theme.palette.type === 'dark' ? '#5c1a1a' : '#ffeef0',
    textDecoration: 'line-through',
    display: 'block',
  },
  same: { display: 'block', color: theme.palette.text.secondary },
}));

const MARK = { added: '+ ', removed: '- ', same: '  ' } as const;

function Change(props: { change: FieldChange }) {
  const { change } = props;
  const { t } = useTranslationRef(kbTranslationRef);
  const classes = useStyles();
  return (
    <div className={classes.field} data-testid={`diff-${change.field}`}>
      <Typography variant="subtitle2">{t(`field.${change.field}`)}</Typography>
      <pre className={classes.lines}>
        {change.type === 'text' ? (
          change.lines.map((line, i) => (
            <span key={i} className={classes[line.kind]} data-kind={line.kind}>
              {MARK[line.kind]}
              {line.text}
            </span>
          ))
        ) : (
          <>
            <span className={classes.removed} data-kind="removed">
              {MARK.removed}
              {change.before || '—'}
            </span>
            <span className={classes.added} data-kind="added">
              {MARK.added}
              {change.after || '—'}
            </span>
          </>
        )}
      </pre>
    </div>
  );
}

/** What changed between two versions, field by field, line by line; text only. */
export function DiffView(props: { diff: ArticleDiff }) {
  const { t } = useTranslationRef(kbTranslationRef);
  if (props.diff.changes.length === 0) {
    return <Typography color="textSecondary">{t('history.noChanges')}</Typography>;
  }
  return (
    <div data-testid="article-diff">
      {props.diff.changes.map(change => (
        <Change key={change.field} change={change} />
      ))}
    </div>
  );
}
