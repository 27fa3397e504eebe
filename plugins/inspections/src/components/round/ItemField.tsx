import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ChecklistItem,
  evaluateItem,
  formatLimits,
  isRequired,
  ItemResult,
  ResultValue,
  SaveResultResponse,
} from '@internal/plugin-inspections-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { inspectionsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { useLocalize } from '../../hooks/useLanguage';
import { useInspectionLinks } from '../../hooks/useLinks';
import { inspectionsTranslationRef } from '../../translation';
import { TicketLink } from '../shared/TicketLink';

/**
 * A key per answer: the same answer retried after a dropped connection
 * keeps it, so the backend saves it and files its incident once. Not
 * crypto.randomUUID: a phone on plain http is not a secure context.
 */
function newKey(): string {
  return `${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 12)}`;
}

type Phase = 'idle' | 'saving' | 'saved' | 'error';

/** The draft text of a typed answer, as the inputs hold it. */
function textOf(value: ResultValue | undefined): string {
  if (!value) return '';
  switch (value.kind) {
    case 'reading':
      return String(value.value);
    case 'text':
    case 'choice':
      return value.value;
    case 'evidence':
      return value.note;
    default:
      return '';
  }
}

/**
 * One checklist item: answered, judged at once (a reading outside its limits
 * is flagged before it is saved), and saved on its own.
 */
export function ItemField(props: {
  checkId: string;
  item: ChecklistItem;
  saved?: ItemResult;
  onSaved(response: SaveResultResponse): void;
}) {
  const { item } = props;
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const localize = useLocalize();
  const links = useInspectionLinks();
  const [result, setResult] = useState(props.saved);
  const [text, setText] = useState(textOf(props.saved?.value));
  const [key, setKey] = useState(newKey);
  const [phase, setPhase] = useState<Phase>(props.saved ? 'saved' : 'idle');
  const [error, setError] = useState<string>();

  const draftOf = (input: string): ResultValue | undefined => {
    switch (item.kind) {
      case 'reading': {
        const value = Number(input.trim().replace(',', '.'));
        return input.trim() !== '' && Number.isFinite(value)
          ? { kind: 'reading', value }
          : undefined;
      }
      case 'choice':
        return input ? { kind: 'choice', value: input } : undefined;
      case 'text':
        return { kind: 'text', value: input };
      case 'evidence':
        return { kind: 'evidence', note: input };
      default:
        return undefined;
    }
  };

  const save = async (value: ResultValue, idempotencyKey = key) => {
    setPhase('saving');
    setError(undefined);
    try {
      const response = await api.saveResult(props.checkId, item.id, {
        value,
        idempotencyKey,
      });
      setResult(response.result);
      setPhase('saved');
      props.onSaved(response);
    } catch (e) {
      // The key is kept: the retry is the same answer to the backend.
      setError(messageOf(e));
      setPhase('error');
    }
  };

  /** A new answer gets a new key, which its saves and retries keep. */
  const change = (input: string): string => {
    const fresh = newKey();
    setText(input);
    setKey(fresh);
    setPhase('idle');
    return fresh;
  };

  const draft = item.kind === 'pass-fail' ? result?.value : draftOf(text);
  const verdict = draft ? evaluateItem(item, draft) : undefined;
  const limits = item.kind === 'reading' ? formatLimits(item) : undefined;
  const label = localize(item.label, item.labelEn);
  const hint = item.hint && localize(item.hint, item.hintEn);

  const passFail = (passed: boolean) => {
    const value: ResultValue = { kind: 'pass-fail', passed };
    const same =
      result?.value.kind === 'pass-fail' && result.value.passed === passed;
    const idempotencyKey = same ? key : newKey();
    setKey(idempotencyKey);
    setResult(r => r && { ...r, value });
    return save(value, idempotencyKey);
  };

  return (
    <Box
      py={1.5}
      borderBottom="1px solid rgba(0,0,0,0.08)"
      data-testid={`item-${item.id}`}
      data-verdict={verdict ?? ''}
    >
      <Typography variant="body1" component="div">
        {label}
        {isRequired(item) && (
          <Typography component="span" variant="caption" color="textSecondary">
            {' '}
            · {t('item.required')}
          </Typography>
        )}
      </Typography>
      {(hint || limits) && (
        <Typography variant="caption" color="textSecondary" component="div">
          {[hint, limits && t('item.limits', { limits })]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      )}

      <Box
        mt={1}
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        {item.kind === 'pass-fail' && (
          <ButtonGroup size="large">
            <Button
              variant={
                draft?.kind === 'pass-fail' && draft.passed
                  ? 'contained'
                  : 'outlined'
              }
              color="primary"
              onClick={() => passFail(true)}
              disabled={phase === 'saving'}
              data-testid={`pass-${item.id}`}
            >
              {t('item.pass')}
            </Button>
            <Button
              variant={
                draft?.kind === 'pass-fail' && !draft.passed
                  ? 'contained'
                  : 'outlined'
              }
              color="secondary"
              onClick={() => passFail(false)}
              disabled={phase === 'saving'}
              data-testid={`fail-${item.id}`}
            >
              {t('item.fail')}
            </Button>
          </ButtonGroup>
        )}
        {item.kind === 'choice' && (
          <TextField
            select
            variant="outlined"
            size="small"
            value={text}
            onChange={e => {
              const fresh = change(e.target.value);
              const value = draftOf(e.target.value);
              if (value) save(value, fresh);
            }}
            SelectProps={{ native: true }}
            inputProps={{ 'data-testid': `input-${item.id}` }}
          >
            <option value="">{t('item.choose')}</option>
            {item.options.map(option => (
              <option key={option.value} value={option.value}>
                {localize(option.label, option.labelEn)}
              </option>
            ))}
          </TextField>
        )}
        {(item.kind === 'reading' ||
          item.kind === 'text' ||
          item.kind === 'evidence') && (
          <>
            <TextField
              variant="outlined"
              size="small"
              value={text}
              onChange={e => change(e.target.value)}
              error={verdict === 'out-of-limits'}
              multiline={item.kind !== 'reading'}
              style={{
                flex: '1 1 8rem',
                maxWidth: item.kind === 'reading' ? '10rem' : undefined,
              }}
              InputProps={{
                endAdornment:
                  item.kind === 'reading' ? (
                    <Typography variant="body2" color="textSecondary">
                      {item.unit}
                    </Typography>
                  ) : undefined,
              }}
              inputProps={{
                'data-testid': `input-${item.id}`,
                inputMode: item.kind === 'reading' ? 'decimal' : 'text',
                'aria-label': label,
              }}
            />
            <Button
              variant="contained"
              color="primary"
              disabled={!draft || phase === 'saving' || phase === 'saved'}
              onClick={() => draft && save(draft)}
              data-testid={`save-${item.id}`}
            >
              {phase === 'error' ? t('item.retry') : t('item.save')}
            </Button>
          </>
        )}
        <Typography
          variant="caption"
          color={phase === 'error' ? 'error' : 'textSecondary'}
          data-testid={`state-${item.id}`}
          data-phase={phase}
        >
          {phase === 'saving' && t('item.saving')}
          {phase === 'saved' && t('item.saved')}
        </Typography>
      </Box>

      {verdict === 'out-of-limits' && (
        <Alert
          severity="warning"
          data-testid={`flag-${item.id}`}
          style={{ marginTop: 8 }}
        >
          {t('item.outOfLimits')}
          {limits && ` (${limits})`}
        </Alert>
      )}
      {phase === 'error' && error && (
        <Alert severity="error" style={{ marginTop: 8 }}>
          {t('item.retry')}: {error}
        </Alert>
      )}
      {result?.incident && (
        <Alert severity="error" style={{ marginTop: 8 }}>
          <TicketLink
            to={links.ticket(result.incident.number)}
            testId={`incident-${item.id}`}
          >
            {t('item.incident', { number: result.incident.number })}
          </TicketLink>
        </Alert>
      )}
      {result?.incidentPending && phase === 'saved' && (
        <Alert severity="info" style={{ marginTop: 8 }}>
          {t('item.incidentPending')}
        </Alert>
      )}
    </Box>
  );
}
