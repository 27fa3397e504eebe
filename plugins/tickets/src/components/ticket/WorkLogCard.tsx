import { InfoCard } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  workLogRequestSchema,
  type Ticket,
  type WorkLog,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { courtToday, useDurationFormat } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import type { Mutate } from './useTicketMutation';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  note: { flex: 1, minWidth: 240 },
}));

/** Hours worked on the ticket per engineer (工时, DESK-4), and a form to log more. */
export function WorkLogCard(props: {
  ticket: Ticket;
  workLogs: readonly WorkLog[];
  canLog: boolean;
  mutate: Mutate;
}) {
  const { ticket, workLogs, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const format = useDurationFormat();
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const [minutes, setMinutes] = useState('');
  const [workDate, setWorkDate] = useState(courtToday);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);

  const request = workLogRequestSchema.safeParse({
    minutes: Number(minutes),
    workDate,
    note,
  });
  const totalMinutes = workLogs.reduce((sum, log) => sum + log.minutes, 0);

  const submit = async () => {
    setAttempted(true);
    if (!request.success) return;
    setBusy(true);
    const result = await mutate(() => api.addWorkLog(ticket.id, request.data));
    setBusy(false);
    if (result.ok) {
      setMinutes('');
      setNote('');
      setAttempted(false);
    }
  };

  return (
    <InfoCard
      title={t('workLog.title')}
      subheader={
        totalMinutes > 0
          ? t('workLog.total', { time: format.span(totalMinutes * 60_000) })
          : undefined
      }
    >
      {workLogs.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('workLog.empty')}
        </Typography>
      ) : (
        <Table size="small" data-testid="work-logs">
          <TableHead>
            <TableRow>
              <TableCell>{t('workLog.date')}</TableCell>
              <TableCell>{t('workLog.engineer')}</TableCell>
              <TableCell>{t('workLog.minutes')}</TableCell>
              {props.canLog && <TableCell>{t('workLog.note')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {workLogs.map(log => (
              <TableRow key={log.id}>
                <TableCell>{log.workDate}</TableCell>
                <TableCell>
                  <EntityRefLink entityRef={log.engineer} hideIcon />
                </TableCell>
                <TableCell>{log.minutes}</TableCell>
                {props.canLog && (
                  <TableCell style={{ whiteSpace: 'pre-wrap' }}>
                    {log.note}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!props.canLog && workLogs.length > 0 && (
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="worklog-notes-internal"
        >
          {t('workLog.notesInternal')}
        </Typography>
      )}
      {props.canLog && (
        <div className={classes.form}>
          <TextField
            type="number"
            label={t('workLog.minutes')}
            value={minutes}
            inputProps={{ 'data-testid': 'worklog-minutes', min: 1, max: 1440 }}
            onChange={event => setMinutes(event.target.value)}
          />
          <TextField
            type="date"
            label={t('workLog.date')}
            value={workDate}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'worklog-date' }}
            onChange={event => setWorkDate(event.target.value)}
          />
          <TextField
            className={classes.note}
            label={t('workLog.note')}
            value={note}
            error={attempted && !request.success}
            helperText={
              attempted && !request.success ? t('workLog.invalid') : undefined
            }
            inputProps={{ 'data-testid': 'worklog-note' }}
            onChange={event => setNote(event.target.value)}
          />
          <Button
            color="primary"
            variant="outlined"
            disabled={busy}
            onClick={submit}
            data-testid="worklog-submit"
          >
            {t('workLog.submit')}
          </Button>
        </div>
      )}
    </InfoCard>
  );
}
