import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityPicker,
  messageOf,
  useEntityOptions,
} from '@internal/plugin-court-react';
import {
  MAJOR_EVENT_KINDS,
  MajorEventAnswer,
  MajorEventKind,
} from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { dutyApiRef } from '../../api';
import { dutyTranslationRef } from '../../translation';

/** A room of `courtOps.locations`, as the form lists it. */
interface Room {
  id: string;
  room: string;
  roomEn: string;
}

/** `yyyy-MM-ddTHH:mm` in the court's zone, as a datetime-local field holds it. */
function localInput(instant: string | undefined, zone: string): string {
  return instant
    ? DateTime.fromISO(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")
    : '';
}

/** The instant a datetime-local value names in the court's zone (not the browser's). */
function instantOf(local: string, zone: string): string {
  return local ? DateTime.fromISO(local, { zone }).toISO() ?? local : '';
}

/** Create a plan, or edit one from its revision; the backend's 400/409 shows as it says. */
export function MajorEventForm(props: {
  zone: string;
  plan?: MajorEventAnswer;
  onSaved: (plan: MajorEventAnswer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const config = useApi(configApiRef);
  const rooms = useMemo(
    () => config.getOptional<Room[]>('courtOps.locations') ?? [],
    [config],
  );
  const devices = useEntityOptions(['system', 'resource', 'component']);
  const users = useEntityOptions(['user']);
  const { plan, zone } = props;
  const [title, setTitle] = useState(plan?.title ?? '');
  const [kind, setKind] = useState<MajorEventKind>(plan?.kind ?? 'trial');
  const [startsAt, setStartsAt] = useState(localInput(plan?.startsAt, zone));
  const [endsAt, setEndsAt] = useState(localInput(plan?.endsAt, zone));
  const [place, setPlace] = useState(plan?.place ?? '');
  const [scope, setScope] = useState<string[]>([...(plan?.scope ?? [])]);
  const [onSite, setOnSite] = useState<string[]>([...(plan?.onSite ?? [])]);
  const [standby, setStandby] = useState<string[]>([...(plan?.standby ?? [])]);
  const [communicationPlan, setCommunicationPlan] = useState(
    plan?.communicationPlan ?? '',
  );
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setError(undefined);
    setSaving(true);
    const fields = {
      title,
      kind,
      startsAt: instantOf(startsAt, zone),
      endsAt: instantOf(endsAt, zone),
      place,
      scope,
      onSite,
      standby,
      communicationPlan,
    };
    try {
      props.onSaved(
        plan
          ? await api.updateMajorEvent(plan.id, {
              plan: fields,
              revision: plan.revision,
            })
          : await api.createMajorEvent(fields),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper style={{ padding: 16 }} data-testid="major-event-form">
      <Typography variant="h6">
        {plan ? t('events.edit') : t('events.create')}
      </Typography>
      <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
        <TextField
          label={t('events.title')}
          value={title}
          inputProps={{ 'data-testid': 'event-title' }}
          onChange={e => setTitle(e.target.value)}
        />
        <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
          <TextField
            select
            label={t('events.kind')}
            value={kind}
            style={{ minWidth: 160 }}
            inputProps={{ 'data-testid': 'event-kind' }}
            onChange={e => setKind(e.target.value as MajorEventKind)}
          >
            {MAJOR_EVENT_KINDS.map(k => (
              <MenuItem key={k} value={k}>
                {t(`eventKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="datetime-local"
            label={t('events.startsAt')}
            value={startsAt}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'event-starts' }}
            onChange={e => setStartsAt(e.target.value)}
          />
          <TextField
            type="datetime-local"
            label={t('events.endsAt')}
            value={endsAt}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'event-ends' }}
            onChange={e => setEndsAt(e.target.value)}
          />
          <TextField
            select
            label={t('events.place')}
            value={place}
            style={{ minWidth: 240 }}
            inputProps={{ 'data-testid': 'event-place' }}
            onChange={e => setPlace(e.target.value)}
          >
            {rooms.map(room => (
              <MenuItem key={room.id} value={room.id}>
                {room.id} {room.room}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <EntityPicker
          label={t('events.scope')}
          options={devices.options}
          loading={devices.loading}
          testId="event-scope"
          value={scope}
          onChange={setScope}
        />
        <EntityPicker
          label={t('events.onSite')}
          options={users.options}
          loading={users.loading}
          testId="event-on-site"
          value={onSite}
          onChange={setOnSite}
        />
        <EntityPicker
          label={t('events.standby')}
          options={users.options}
          loading={users.loading}
          testId="event-standby"
          value={standby}
          onChange={setStandby}
        />
        <TextField
          label={t('events.communicationPlan')}
          value={communicationPlan}
          multiline
          minRows={3}
          inputProps={{ 'data-testid': 'event-communication' }}
          onChange={e => setCommunicationPlan(e.target.value)}
        />
        {error && (
          <Alert severity="error" data-testid="event-error">
            {error}
          </Alert>
        )}
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            variant="contained"
            color="primary"
            data-testid="event-save"
            disabled={saving}
            onClick={save}
          >
            {t('action.save')}
          </Button>
          <Button onClick={props.onCancel}>{t('action.cancel')}</Button>
        </Box>
      </Box>
    </Paper>
  );
}
