import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  CourtErrorPanel,
  PermittedOnly,
  useAsyncReload,
} from '@internal/plugin-court-react';
import { Repair, sparesRepairPermission } from '@internal/plugin-spares-common';
import { useState } from 'react';
import { sparesApiRef } from '../api';
import { sparesTranslationRef } from '../translation';
import { RepairDialog, RepairDialogMode } from './RepairDialog';
import { RepairTable } from './RepairTable';

const VIEWS = ['out', 'overdue', 'returned', 'byVendor'] as const;
type View = (typeof VIEWS)[number];

/** Repairs: out now, overdue, returned, and the ones out grouped by vendor. */
export function RepairsPage() {
  const { t } = useTranslationRef(sparesTranslationRef);
  const api = useApi(sparesApiRef);
  const [view, setView] = useState<View>('out');
  const [dialog, setDialog] = useState<RepairDialogMode>();
  const repairs = useAsyncReload(
    () => api.listRepairs({ status: view === 'byVendor' ? 'out' : view }),
    [api, view],
  );
  const onAct = (mode: 'update' | 'return', repair: Repair) =>
    setDialog({ mode, repair });
  const byVendor = new Map<string, Repair[]>();
  for (const repair of repairs.value ?? []) {
    byVendor.set(repair.vendorId, [
      ...(byVendor.get(repair.vendorId) ?? []),
      repair,
    ]);
  }

  return (
    <Page themeId="tool">
      <Header title={t('page.repairs')} />
      <Content>
        <PermittedOnly permission={sparesRepairPermission}>
          <Button
            variant="contained"
            color="primary"
            onClick={() => setDialog({ mode: 'open' })}
            data-testid="spares-repair-open"
          >
            {t('repairs.open')}
          </Button>
        </PermittedOnly>
        <Tabs
          value={view}
          onChange={(_, value) => setView(value)}
          variant="scrollable"
        >
          {VIEWS.map(v => (
            <Tab key={v} value={v} label={t(`repairs.${v}`)} />
          ))}
        </Tabs>
        {repairs.error && <CourtErrorPanel error={repairs.error} />}
        {repairs.loading && <Progress />}
        {repairs.value && view !== 'byVendor' && (
          <RepairTable
            title={t(`repairs.${view}`)}
            repairs={repairs.value}
            testId="spares-repairs"
            onAct={onAct}
          />
        )}
        {repairs.value && view === 'byVendor' && (
          <Grid container spacing={2}>
            {[...byVendor.entries()].map(([vendor, list]) => (
              <Grid item xs={12} key={vendor}>
                <RepairTable
                  title={`${vendor} (${list.length})`}
                  repairs={list}
                  testId={`spares-repairs-${vendor}`}
                  onAct={onAct}
                />
              </Grid>
            ))}
          </Grid>
        )}
        {dialog && (
          <RepairDialog
            what={dialog}
            onClose={() => setDialog(undefined)}
            onSaved={() => {
              setDialog(undefined);
              repairs.retry();
            }}
          />
        )}
      </Content>
    </Page>
  );
}
