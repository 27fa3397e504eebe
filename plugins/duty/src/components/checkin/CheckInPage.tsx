import { Content, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import { useDutySetup } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { CheckInPanel } from './CheckInPanel';

/** `/duty/check-in`: what the duty room's QR code opens on an engineer's phone. */
export function CheckInPage() {
  const { t } = useTranslationRef(dutyTranslationRef);
  const [params] = useSearchParams();
  const setup = useDutySetup();
  return (
    <Content>
      <Typography variant="h5" gutterBottom>
        {t('checkIn.title')}
      </Typography>
      {setup.loading && <Progress />}
      {setup.error && <CourtErrorPanel error={setup.error} />}
      {setup.value && (
        <CheckInPanel
          zone={setup.value.zone}
          roomCode={params.get('room') ?? undefined}
        />
      )}
    </Content>
  );
}
