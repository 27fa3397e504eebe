import { InfoCard } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { inspectionRoundRunPermission } from '@internal/plugin-inspections-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { inspectionsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { useBuildings } from '../../hooks/useBuildings';
import { useLocalize } from '../../hooks/useLanguage';
import { useInspectionLinks } from '../../hooks/useLinks';
import { inspectionsTranslationRef } from '../../translation';

/** "Inspect now": a round of one building's devices, today, outside the schedule. */
export function AdHocRoundForm() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const navigate = useNavigate();
  const links = useInspectionLinks();
  const localize = useLocalize();
  const buildings = useBuildings();
  const canRun = usePermission({ permission: inspectionRoundRunPermission });
  const [building, setBuilding] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (!canRun.allowed) return null;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const round = await api.startAdHocRound({
        building: building || buildings[0]?.key,
      });
      const path = links.round(round.id);
      if (path) navigate(path);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <InfoCard title={t('today.adHocTitle')}>
      <Typography variant="body2" paragraph>
        {t('today.adHocHelp')}
      </Typography>
      <TextField
        select
        fullWidth
        variant="outlined"
        margin="dense"
        label={t('today.building')}
        value={building || buildings[0]?.key || ''}
        onChange={e => setBuilding(e.target.value)}
        SelectProps={{ native: true }}
        inputProps={{ 'data-testid': 'adhoc-building' }}
      >
        {buildings.map(b => (
          <option key={b.key} value={b.key}>
            {localize(b.name, b.nameEn)}
          </option>
        ))}
      </TextField>
      {error && <Alert severity="error">{error}</Alert>}
      <Button
        variant="contained"
        color="primary"
        fullWidth
        disabled={busy || buildings.length === 0}
        onClick={start}
        data-testid="adhoc-start"
        style={{ marginTop: 8 }}
      >
        {t('today.start')}
      </Button>
    </InfoCard>
  );
}
