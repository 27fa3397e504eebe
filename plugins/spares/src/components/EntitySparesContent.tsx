import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  CourtErrorPanel,
  PermittedOnly,
  useAsyncReload,
} from '@internal/plugin-court-react';
import {
  Repair,
  sparesMovePermission,
  sparesRepairPermission,
} from '@internal/plugin-spares-common';
import { useState } from 'react';
import { sparesApiRef } from '../api';
import { sparesTranslationRef } from '../translation';
import { MovementDialog, MovementPreset } from './MovementDialog';
import { RepairDialog, RepairDialogMode } from './RepairDialog';
import { RepairTable } from './RepairTable';
import { MovementTable, StockTable } from './tables';

/** "Out for repair since … / loaner" for a device that is out. */
export function OutForRepair(props: { repair: Repair }) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const { repair } = props;
  return (
    <Alert
      severity={repair.overdue ? 'error' : 'warning'}
      data-testid="spares-out-for-repair"
    >
      {t('device.outSince', {
        date: repair.sentOn,
        vendor: repair.vendorId,
        number: repair.number,
      })}
      {repair.loaner && (
        <>
          {' · '}
          {repair.loanerWhere
            ? t('device.loanerAt', {
                loaner: repair.loaner,
                where: repair.loanerWhere,
              })
            : t('device.loaner', { loaner: repair.loaner })}
        </>
      )}
    </Alert>
  );
}

/** The Spares tab of a device: out for repair, parts that fit and their stock, parts used, repairs. */
export function EntitySparesContent() {
  const { t } = useTranslationRef(sparesTranslationRef);
  const { entity } = useEntity();
  const api = useApi(sparesApiRef);
  const ref = stringifyEntityRef(entity);
  const spares = useAsyncReload(() => api.getDevice(ref), [api, ref]);
  const [moving, setMoving] = useState<MovementPreset>();
  const [repairing, setRepairing] = useState<RepairDialogMode>();

  if (spares.error) return <CourtErrorPanel error={spares.error} />;
  if (!spares.value) return <Progress />;
  const { value } = spares;
  return (
    <Grid container spacing={2}>
      {value.outForRepair && (
        <Grid item xs={12}>
          <OutForRepair repair={value.outForRepair} />
        </Grid>
      )}
      <Grid item xs={12}>
        <PermittedOnly permission={sparesMovePermission}>
          <Button
            variant="contained"
            color="primary"
            onClick={() => setMoving({ kind: 'issue', deviceRef: ref })}
            data-testid="spares-device-issue"
          >
            {t('device.issue')}
          </Button>
        </PermittedOnly>{' '}
        <PermittedOnly permission={sparesRepairPermission}>
          <Button
            variant="outlined"
            onClick={() => setRepairing({ mode: 'open', deviceRef: ref })}
            data-testid="spares-device-repair"
          >
            {t('repairs.open')}
          </Button>
        </PermittedOnly>
      </Grid>
      <Grid item xs={12}>
        {value.deviceClass ? (
          <StockTable
            title={t('device.fitting')}
            stock={value.fitting}
            testId="spares-device-fitting"
          />
        ) : (
          <Alert severity="info">{t('device.noFacts')}</Alert>
        )}
      </Grid>
      <Grid item xs={12}>
        <MovementTable
          title={t('device.used')}
          movements={value.used}
          testId="spares-device-used"
        />
      </Grid>
      <Grid item xs={12}>
        <RepairTable
          title={t('device.repairs')}
          repairs={value.repairs}
          testId="spares-device-repairs"
          onAct={(mode, repair) => setRepairing({ mode, repair })}
        />
      </Grid>
      {moving && (
        <MovementDialog
          open
          preset={moving}
          onClose={() => setMoving(undefined)}
          onRecorded={() => {
            setMoving(undefined);
            spares.retry();
          }}
        />
      )}
      {repairing && (
        <RepairDialog
          what={repairing}
          onClose={() => setRepairing(undefined)}
          onSaved={() => {
            setRepairing(undefined);
            spares.retry();
          }}
        />
      )}
    </Grid>
  );
}
