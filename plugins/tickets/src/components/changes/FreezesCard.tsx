import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  changeFreezeManagePermission,
  createFreezeRequestSchema,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { formatInstant, fromLocalInput } from '../../format';
import { useAsyncReload, useEntityOptions } from '@internal/plugin-court-react';
import { ticketsTranslationRef } from '../../translation';
import { WindowFields } from './WindowFields';

const SCOPE_KINDS = ['System', 'Resource'];

/** 冻结期: periods in which normal changes wait; the court IT office declares and lifts them. */
export function FreezesCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const api = useApi(ticketsApiRef);
  const canManage = usePermission({
    permission: changeFreezeManagePermission,
  }).allowed;
  const freezes = useAsyncReload(() => api.listFreezes(), [api]);
  const scopeOptions = useEntityOptions(SCOPE_KINDS);
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [span, setSpan] = useState({ start: '', end: '' });
  const [scope, setScope] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();

  const request = createFreezeRequestSchema.safeParse({
    title,
    reason,
    window: {
      start: fromLocalInput(span.start),
      end: fromLocalInput(span.end),
    },
    entityRefs: scope,
  });

  const declare = async () => {
    if (!request.success) return;
    try {
      await api.declareFreeze(request.data);
      setTitle('');
      setReason('');
      setSpan({ start: '', end: '' });
      setScope([]);
      setFailure(undefined);
      freezes.retry();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const lift = async (id: string) => {
    try {
      await api.liftFreeze(id);
      freezes.retry();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <InfoCard title={t('changes.tabs.freezes')}>
      {freezes.error && <ResponseErrorPanel error={freezes.error} />}
      {failure && (
        <Typography color="error" data-testid="freeze-error">
          {failure}
        </Typography>
      )}
      <List dense data-testid="freeze-list">
        {(freezes.value ?? []).length === 0 && (
          <ListItem>
            <ListItemText secondary={t('freezes.empty')} />
          </ListItem>
        )}
        {(freezes.value ?? []).map(freeze => (
          <ListItem key={freeze.id} divider data-testid="freeze">
            <ListItemText
              primary={`${freeze.title} · ${formatInstant(
                freeze.window.start,
              )} – ${formatInstant(freeze.window.end)}`}
              secondary={
                <>
                  {freeze.reason}{' '}
                  {freeze.entityRefs.length === 0 ? (
                    t('freezes.wholeCourt')
                  ) : (
                    <EntityRefLinks
                      entityRefs={[...freeze.entityRefs]}
                      hideIcons
                    />
                  )}
                </>
              }
            />
            {canManage && (
              <ListItemSecondaryAction>
                <Button onClick={() => lift(freeze.id)}>
                  {t('freezes.lift')}
                </Button>
              </ListItemSecondaryAction>
            )}
          </ListItem>
        ))}
      </List>
      {canManage && (
        <div data-testid="freeze-form" style={{ marginTop: 16 }}>
          <Typography variant="subtitle2">{t('freezes.declare')}</Typography>
          <TextField
            fullWidth
            label={t('freezes.title')}
            value={title}
            onChange={event => setTitle(event.target.value)}
            inputProps={{ 'data-testid': 'freeze-title' }}
          />
          <TextField
            fullWidth
            label={t('freezes.reason')}
            value={reason}
            onChange={event => setReason(event.target.value)}
          />
          <div style={{ margin: '16px 0' }}>
            <WindowFields
              value={span}
              onChange={setSpan}
              testIdPrefix="freeze"
            />
          </div>
          <Autocomplete
            multiple
            options={scopeOptions.options.map(option => option.ref)}
            getOptionLabel={ref =>
              scopeOptions.options.find(option => option.ref === ref)?.label ??
              ref
            }
            value={scope}
            onChange={(_, value) => setScope(value)}
            renderInput={params => (
              <TextField
                {...params}
                label={t('freezes.scope')}
                helperText={t('freezes.scopeHelp')}
              />
            )}
          />
          <Button
            color="primary"
            variant="contained"
            disabled={!request.success}
            onClick={declare}
            data-testid="freeze-submit"
            style={{ marginTop: 16 }}
          >
            {t('freezes.submit')}
          </Button>
          {!request.success && title && (
            <Typography variant="caption" color="textSecondary">
              {' '}
              {t('freezes.invalid')}
            </Typography>
          )}
        </div>
      )}
    </InfoCard>
  );
}
