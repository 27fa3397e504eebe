import { Content, Progress } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import {
  useApi,
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useInspectionLinks } from '../../hooks/useLinks';
import { scanRouteRef } from '../../routes';
import { inspectionsTranslationRef } from '../../translation';

/**
 * `/inspections/scan/:namespace/:name`, opened by a label's QR code: records
 * the scan as on-site evidence and opens the device's checklist in its open
 * round; with nothing due, says so and links the device.
 */
export function ScanPage() {
  const { namespace, name } = useRouteRefParams(scanRouteRef);
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const navigate = useNavigate();
  const links = useInspectionLinks();
  const device = `resource:${namespace}/${name}`;
  const scan = useAsync(() => api.recordScan({ device }), [api, device]);

  const target =
    scan.value?.roundId && links.round(scan.value.roundId, scan.value.checkId);
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target, navigate]);

  return (
    <Content>
      {scan.loading && (
        <>
          <Typography>{t('scan.recording')}</Typography>
          <Progress />
        </>
      )}
      {scan.error && <CourtErrorPanel error={scan.error} />}
      {scan.value && !scan.value.roundId && (
        <Typography data-testid="scan-no-round">
          {t('scan.noRound', { device: scan.value.deviceTitle })}{' '}
          <EntityRefLink entityRef={device}>
            {t('scan.openDevice')}
          </EntityRefLink>
        </Typography>
      )}
    </Content>
  );
}
