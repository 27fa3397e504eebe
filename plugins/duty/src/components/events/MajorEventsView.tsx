import { Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CourtErrorPanel,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import {
  dutyMajorEventManagePermission,
  MajorEventAnswer,
  MajorEventPlan,
} from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { useEngineerNames } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { MajorEventForm } from './MajorEventForm';

/** "2026-03-10 09:00–12:00" in the court's zone (both dates when it spans days). */
function span(plan: MajorEventPlan, zone: string): string {
  const start = DateTime.fromISO(plan.startsAt, { zone });
  const end = DateTime.fromISO(plan.endsAt, { zone });
  return start.hasSame(end, 'day')
    ? `${start.toFormat('yyyy-MM-dd HH:mm')}–${end.toFormat('HH:mm')}`
    : `${start.toFormat('yyyy-MM-dd HH:mm')} – ${end.toFormat(
        'yyyy-MM-dd HH:mm',
      )}`;
}

/**
 * 重点保障: the plans, soonest first; the ops manager and the court IT office create and edit
 * them; a plan's detail with its engineers, communication plan and, after the end, its summary.
 */
export function MajorEventsView(props: {
  zone: string;
  /** The court clock's instant the page was opened at. */
  now: string;
  planId?: string;
  onOpen: (planId?: string) => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const manage = usePermission({
    permission: dutyMajorEventManagePermission,
  }).allowed;
  const plans = useAsyncReload(() => api.listMajorEvents(), [api]);
  const [editing, setEditing] = useState<'new' | MajorEventAnswer>();
  const engineerName = useEngineerNames();

  if (editing) {
    return (
      <MajorEventForm
        zone={props.zone}
        plan={editing === 'new' ? undefined : editing}
        onCancel={() => setEditing(undefined)}
        onSaved={saved => {
          setEditing(undefined);
          plans.retry();
          props.onOpen(saved.id);
        }}
      />
    );
  }
  if (!plans.value) {
    return plans.error ? <CourtErrorPanel error={plans.error} /> : <Progress />;
  }
  const open = plans.value.find(p => p.id === props.planId);
  if (open) {
    return (
      <MajorEventDetail
        plan={open}
        zone={props.zone}
        now={props.now}
        manage={manage}
        engineerName={engineerName}
        onBack={() => props.onOpen(undefined)}
        onEdit={() => setEditing(open)}
        onChanged={plans.retry}
      />
    );
  }
  return (
    <>
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        <Typography variant="h6">{t('events.list')}</Typography>
        {manage && (
          <Button
            variant="contained"
            color="primary"
            data-testid="event-new"
            onClick={() => setEditing('new')}
          >
            {t('events.create')}
          </Button>
        )}
      </Box>
      {plans.value.length === 0 && <Typography>{t('events.none')}</Typography>}
      {plans.value.map(plan => (
        <Paper
          key={plan.id}
          style={{ padding: 12, marginTop: 8, cursor: 'pointer' }}
          data-testid={`event-${plan.id}`}
          onClick={() => props.onOpen(plan.id)}
        >
          <Typography variant="subtitle1">
            <Chip size="small" label={t(`eventKind.${plan.kind}`)} />{' '}
            {plan.title}
          </Typography>
          <Typography variant="body2">
            {span(plan, props.zone)} · {plan.place} ·{' '}
            {plan.onSite.map(engineerName).join('、')}
          </Typography>
        </Paper>
      ))}
    </>
  );
}

function MajorEventDetail(props: {
  plan: MajorEventAnswer;
  zone: string;
  now: string;
  manage: boolean;
  engineerName: (ref: string) => string;
  onBack: () => void;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const { plan, engineerName } = props;
  const over = props.now >= plan.endsAt;
  const row = (label: string, value: string, testId: string) => (
    <Typography variant="body2" data-testid={testId}>
      <strong>{label}</strong> {value}
    </Typography>
  );
  return (
    <Paper style={{ padding: 16 }} data-testid="event-detail">
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Button onClick={props.onBack}>{t('events.back')}</Button>
        {props.manage && (
          <Button
            variant="outlined"
            data-testid="event-edit"
            onClick={props.onEdit}
          >
            {t('events.edit')}
          </Button>
        )}
      </Box>
      <Typography variant="h5" style={{ margin: '8px 0' }}>
        {plan.title} <Chip size="small" label={t(`eventKind.${plan.kind}`)} />
      </Typography>
      {row(t('events.when'), span(plan, props.zone), 'event-when')}
      {row(t('events.place'), plan.place, 'event-where')}
      {row(t('events.scope'), plan.scope.join('、'), 'event-scope-list')}
      {row(
        t('events.onSite'),
        plan.onSite.map(engineerName).join('、'),
        'event-on-site-list',
      )}
      {row(
        t('events.standby'),
        plan.standby.map(engineerName).join('、') || '–',
        'event-standby-list',
      )}
      {row(
        t('events.checks'),
        t('events.checksAt', {
          dayBefore: plan.preEventChecks.dayBefore,
          hourBefore: DateTime.fromISO(plan.preEventChecks.hourBefore, {
            zone: props.zone,
          }).toFormat('yyyy-MM-dd HH:mm'),
        }),
        'event-checks',
      )}
      <Typography variant="body2" data-testid="event-rounds">
        <strong>{t('events.rounds')}</strong>{' '}
        {plan.preEventRounds.length === 0 && t('events.roundsNone')}
      </Typography>
      {plan.preEventRounds.map(round => (
        <Typography
          key={round.check}
          variant="body2"
          data-testid={`event-round-${round.check}`}
        >
          {t('events.roundStarted', {
            check: t(`preEventCheck.${round.check}`),
            at: DateTime.fromISO(round.startedAt, {
              zone: props.zone,
            }).toFormat('yyyy-MM-dd HH:mm'),
          })}{' '}
          {round.roundId ? (
            // The inspections page of the round, where the engineer walks it.
            <Link
              to={`/inspections/rounds/${encodeURIComponent(round.roundId)}`}
            >
              {t('events.roundOpen')}
            </Link>
          ) : (
            t('events.roundProblem', { problem: round.problem ?? '' })
          )}
        </Typography>
      ))}
      <Typography variant="subtitle2" style={{ marginTop: 12 }}>
        {t('events.communicationPlan')}
      </Typography>
      <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
        {plan.communicationPlan || '–'}
      </Typography>
      <Typography variant="body2" style={{ marginTop: 12 }}>
        {t('events.raised')}
      </Typography>
      <Typography variant="subtitle2" style={{ marginTop: 12 }}>
        {t('events.summary')}
      </Typography>
      {plan.summary && (
        <Typography
          variant="body2"
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="event-summary"
        >
          {plan.summary.text} — {engineerName(plan.summary.by)}
        </Typography>
      )}
      {!plan.summary && !over && (
        <Typography variant="body2">{t('events.summaryAfterEnd')}</Typography>
      )}
      {!plan.summary && over && props.manage && (
        <SummaryForm plan={plan} onSaved={props.onChanged} />
      )}
    </Paper>
  );
}

function SummaryForm(props: { plan: MajorEventPlan; onSaved: () => void }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    setError(undefined);
    try {
      await api.writeMajorEventSummary(props.plan.id, {
        text,
        revision: props.plan.revision,
      });
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <TextField
        multiline
        minRows={3}
        label={t('events.summary')}
        value={text}
        inputProps={{ 'data-testid': 'event-summary-text' }}
        onChange={e => setText(e.target.value)}
      />
      {error && <Alert severity="error">{error}</Alert>}
      <Button
        variant="contained"
        color="primary"
        data-testid="event-summary-save"
        disabled={!text.trim()}
        onClick={save}
      >
        {t('action.save')}
      </Button>
    </Box>
  );
}
