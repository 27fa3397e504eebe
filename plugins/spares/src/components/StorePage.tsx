import { Content, Header, Page, Progress } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  CourtErrorPanel,
  PermittedOnly,
  useAsyncReload,
} from '@internal/plugin-court-react';
import { sparesMovePermission } from '@internal/plugin-spares-common';
import { useState } from 'react';
import { sparesApiRef } from '../api';
import { sparesTranslationRef } from '../translation';
import { MovementDialog } from './MovementDialog';
import { MovementTable, StockTable } from './tables';

/** The store: what is below minimum, the stock, the latest movements, the monthly report. */
export function StorePage() {
  const { t } = useTranslationRef(sparesTranslationRef);
  const api = useApi(sparesApiRef);
  const discovery = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const overview = useAsyncReload(() => api.getStore({ limit: 200 }), [api]);
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [month, setMonth] = useState('');

  const download = async () => {
    // Through fetchApi: the file needs the user's token like any other call.
    const base = await discovery.getBaseUrl('spares');
    const response = await fetchApi.fetch(
      `${base}/reports/stock.xlsx?month=${month}`,
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `spares-stock-${month}.xlsx`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Page themeId="tool">
      <Header title={t('page.store')} />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <PermittedOnly permission={sparesMovePermission}>
              <Button
                variant="contained"
                color="primary"
                onClick={() => setMoving(true)}
                data-testid="spares-move-open"
              >
                {t('store.move')}
              </Button>
            </PermittedOnly>
            {notice && (
              <Alert severity="info" data-testid="spares-notice">
                {notice}
              </Alert>
            )}
          </Grid>
          {overview.error && (
            <Grid item xs={12}>
              <CourtErrorPanel error={overview.error} />
            </Grid>
          )}
          {overview.loading && !overview.value && <Progress />}
          {overview.value && (
            <>
              <Grid item xs={12}>
                <StockTable
                  title={t('store.belowMinimum')}
                  stock={overview.value.belowMinimum}
                  testId="spares-below-minimum"
                />
              </Grid>
              <Grid item xs={12}>
                <StockTable
                  title={t('store.stock')}
                  stock={overview.value.stock}
                  testId="spares-stock"
                />
              </Grid>
              <Grid item xs={12}>
                <MovementTable
                  title={t('store.movements')}
                  movements={overview.value.movements}
                  testId="spares-movements"
                />
              </Grid>
            </>
          )}
          <Grid item xs={12} sm={6}>
            <TextField
              type="month"
              label={t('store.month')}
              value={month}
              InputLabelProps={{ shrink: true }}
              onChange={e => setMonth(e.target.value)}
            />
            <Button disabled={!month} onClick={download}>
              {t('store.report')}
            </Button>
          </Grid>
        </Grid>
        {moving && (
          <MovementDialog
            open
            onClose={() => setMoving(false)}
            onRecorded={result => {
              setMoving(false);
              setNotice(
                result.warning
                  ? t('move.warning', { warning: result.warning })
                  : t('move.done', {
                      kind: t(`kind.${result.movement.kind}`),
                      quantity: String(Math.abs(result.movement.delta)),
                    }),
              );
              overview.retry();
            }}
          />
        )}
      </Content>
    </Page>
  );
}
