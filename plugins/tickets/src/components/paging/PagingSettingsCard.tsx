import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import {
  PAGING_CHANNELS,
  PagingChannel,
  PersonalSettings,
} from '@internal/plugin-paging-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { pagingApiRef } from '../../api';
import { ticketsTranslationRef } from '../../translation';

/** Channels are tried in the order ticked: ticking appends, unticking removes. */
function toggled(
  channels: readonly PagingChannel[],
  channel: PagingChannel,
): PagingChannel[] {
  return channels.includes(channel)
    ? channels.filter(c => c !== channel)
    : [...channels, channel];
}

/** The signed-in user's own paging channels (in the order tried) and quiet hours. */
export function PagingSettingsCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const paging = useApi(pagingApiRef);
  const [settings, setSettings] = useState<PersonalSettings>();
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    paging.getSettings().then(setSettings, setError);
  }, [paging]);

  if (!settings) {
    return error ? <CourtErrorPanel error={error} /> : <Progress />;
  }
  const change = (next: PersonalSettings) => {
    setSettings(next);
    setSaved(false);
  };
  const quiet = settings.quietHours;
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      setSettings(await paging.saveSettings(settings));
      setSaved(true);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <InfoCard title={t('paging.title')}>
      <Typography variant="body2" paragraph>
        {t('paging.intro')}
      </Typography>
      <Typography variant="subtitle2">{t('paging.channels')}</Typography>
      <FormGroup>
        {PAGING_CHANNELS.map(channel => {
          const place = settings.channels.indexOf(channel);
          return (
            <FormControlLabel
              key={channel}
              control={
                <Checkbox
                  checked={place >= 0}
                  onChange={() =>
                    change({
                      ...settings,
                      channels: toggled(settings.channels, channel),
                    })
                  }
                />
              }
              label={`${t(`paging.channel.${channel}`)}${
                place >= 0 ? ` (${place + 1})` : ''
              }`}
            />
          );
        })}
      </FormGroup>
      <FormControlLabel
        control={
          <Switch
            checked={quiet !== null}
            onChange={(_, on) =>
              change({
                ...settings,
                quietHours: on ? { start: '22:00', end: '07:00' } : null,
              })
            }
          />
        }
        label={t('paging.quietHours')}
      />
      {quiet && (
        <div>
          <TextField
            type="time"
            label={t('paging.quietStart')}
            value={quiet.start}
            onChange={e =>
              change({
                ...settings,
                quietHours: { ...quiet, start: e.target.value },
              })
            }
          />{' '}
          <TextField
            type="time"
            label={t('paging.quietEnd')}
            value={quiet.end}
            onChange={e =>
              change({
                ...settings,
                quietHours: { ...quiet, end: e.target.value },
              })
            }
          />
          <Typography variant="caption" display="block">
            {t('paging.quietNote')}
          </Typography>
        </div>
      )}
      {error && <CourtErrorPanel error={error} />}
      <Button
        variant="contained"
        color="primary"
        disabled={saving || settings.channels.length === 0}
        onClick={save}
      >
        {t('paging.save')}
      </Button>{' '}
      {saved && <Typography component="span">{t('paging.saved')}</Typography>}
    </InfoCard>
  );
}
