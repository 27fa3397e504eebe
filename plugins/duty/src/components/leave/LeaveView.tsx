import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { messageOf, useAsyncReload } from '@internal/plugin-court-react';
import type { Leave, LeaveDecision } from '@internal/plugin-duty-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { useDutyPermissions, useEngineerNames } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { DecisionBar } from '../shared/DecisionBar';
import {
  FormOutcome,
  RequestCard,
  RequestForm,
  RequestList,
} from '../shared/RequestCards';

/** Leave: request it; the court IT office and the ops manager each decide; the gap it leaves. */
export function LeaveView(props: { onOpenRoster: (month: string) => void }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const leave = useAsyncReload(() => api.listLeave(), [api]);
  const engineerName = useEngineerNames();
  return (
    <>
      {can.stand && <LeaveRequestForm onRequested={leave.retry} />}
      <RequestList
        title={t('leave.list')}
        requests={leave}
        none={<Typography>{t('leave.none')}</Typography>}
      >
        {item => (
          <LeaveCard
            key={item.id}
            leave={item}
            onDecided={leave.retry}
            engineerName={engineerName}
            onOpenRoster={props.onOpenRoster}
          />
        )}
      </RequestList>
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
    <RequestForm
      title={t('leave.request')}
      outcome={
        <>
          <FormOutcome severity="error" testId="leave-error">
            {error}
          </FormOutcome>
        </>
      }
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
    </RequestForm>
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
    <RequestCard
      kind="leave"
      id={leave.id}
      title={t('leave.span', {
        engineer: engineerName(leave.engineer),
        from: leave.from,
        to: leave.to,
      })}
      status={t(`leaveStatus.${leave.status}`)}
    >
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
    </RequestCard>
  );
}
