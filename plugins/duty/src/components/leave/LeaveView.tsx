import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel, messageOf } from '@internal/plugin-court-react';
import type { Leave, LeaveDecision } from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dutyApiRef } from '../../api';
import { useDutyPermissions, useEngineerNames } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { DecisionBar } from '../shared/DecisionBar';

/** Leave: request it; the court IT office and the ops manager each decide; the gap it leaves. */
export function LeaveView(props: { onOpenRoster: (month: string) => void }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const leave = useAsyncRetry(() => api.listLeave(), [api]);
  const engineerName = useEngineerNames();
  return (
    <>
      {can.stand && <LeaveRequestForm onRequested={leave.retry} />}
      <Typography variant="h6" style={{ marginTop: 16 }}>
        {t('leave.list')}
      </Typography>
      {leave.loading && !leave.value && <Progress />}
      {leave.error && <CourtErrorPanel error={leave.error} />}
      {leave.value?.length === 0 && <Typography>{t('leave.none')}</Typography>}
      {leave.value?.map(item => (
        <LeaveCard
          key={item.id}
          leave={item}
          onDecided={leave.retry}
          engineerName={engineerName}
          onOpenRoster={props.onOpenRoster}
        />
      ))}
    </>
  );
}

function LeaveRequestForm(props: { onRequested: () => void }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    setError(undefined);
    try {
      await api.requestLeave({ from, to, reason });
      setFrom('');
      setTo('');
      setReason('');
      props.onRequested();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Paper style={{ padding: 16 }}>
      <Typography variant="h6">{t('leave.request')}</Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 12 }}
        alignItems="flex-end"
      >
        <TextField
          type="date"
          label={t('leave.from')}
          value={from}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'leave-from' }}
          onChange={e => setFrom(e.target.value)}
        />
        <TextField
          type="date"
          label={t('leave.to')}
          value={to}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'leave-to' }}
          onChange={e => setTo(e.target.value)}
        />
        <TextField
          label={t('leave.reason')}
          value={reason}
          style={{ minWidth: 240 }}
          inputProps={{ 'data-testid': 'leave-reason' }}
          onChange={e => setReason(e.target.value)}
        />
        <Button
          variant="contained"
          color="primary"
          data-testid="leave-submit"
          disabled={!from || !to || !reason.trim()}
          onClick={submit}
        >
          {t('leave.submit')}
        </Button>
      </Box>
      {error && (
        <Alert
          severity="error"
          data-testid="leave-error"
          style={{ marginTop: 8 }}
        >
          {error}
        </Alert>
      )}
    </Paper>
  );
}

function LeaveCard(props: {
  leave: Leave;
  onDecided: () => void;
  engineerName: (ref: string) => string;
  onOpenRoster: (month: string) => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const { leave, engineerName } = props;
  // Each approver decides their own side once; the backend refuses a second or the requester's.
  const mayDecide =
    leave.status === 'requested' &&
    ((can.approveCourt && !leave.court) ||
      (can.approveContractor && !leave.contractor));
  const side = (label: string, decision?: LeaveDecision) =>
    `${label}: ${
      decision
        ? `${t(
            decision.approved ? 'leave.approved' : 'leave.refused',
          )} (${engineerName(decision.by)}${
            decision.reason ? `, ${decision.reason}` : ''
          })`
        : t('leave.pending')
    }`;
  return (
    <Paper
      style={{ padding: 12, marginTop: 8 }}
      data-testid={`leave-${leave.id}`}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle1">
          {t('leave.span', {
            engineer: engineerName(leave.engineer),
            from: leave.from,
            to: leave.to,
          })}
        </Typography>
        <Chip
          size="small"
          label={t(`leaveStatus.${leave.status}`)}
          data-testid="leave-status"
        />
      </Box>
      <Typography variant="body2">{leave.reason}</Typography>
      <Typography variant="body2" color="textSecondary">
        {side(t('leave.court'), leave.court)} ·{' '}
        {side(t('leave.contractor'), leave.contractor)}
      </Typography>
      {mayDecide && (
        <DecisionBar
          testIdPrefix="leave"
          decide={async decision => {
            await api.decideLeave(leave.id, decision);
            props.onDecided();
          }}
        />
      )}
      {leave.status === 'approved' && can.manage && (
        <Button
          size="small"
          color="secondary"
          data-testid="leave-substitute"
          onClick={() => props.onOpenRoster(leave.from.slice(0, 7))}
        >
          {t('leave.substitute')}
        </Button>
      )}
    </Paper>
  );
}
