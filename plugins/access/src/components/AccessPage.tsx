import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { accessEngineerReadPermission } from '@internal/plugin-access-common';
import { CourtErrorPanel, useAsyncReload } from '@internal/plugin-court-react';
import { Grid } from '@material-ui/core';
import { accessApiRef } from '../api';
import { accessTranslationRef } from '../translation';
import { EngineerTable } from './EngineerTable';
import { GrantTable } from './GrantTable';

/**
 * /access: the requests awaiting the IT office, the grants one may see (an
 * engineer's own, a staff member's devices', all for the IT office), and the
 * engineers' records.
 */
export function AccessPage() {
  const { t } = useTranslationRef(accessTranslationRef);
  const api = useApi(accessApiRef);
  const grants = useAsyncReload(() => api.listGrants(), [api]);
  const { allowed: readsEngineers } = usePermission({
    permission: accessEngineerReadPermission,
  });
  const engineers = useAsyncReload(
    async () => (readsEngineers ? api.listEngineers() : undefined),
    [api, readsEngineers],
  );
  const refresh = () => {
    grants.retry();
    engineers.retry();
  };
  const all = grants.value ?? [];
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} />
      <Content>
        {grants.error && <CourtErrorPanel error={grants.error} />}
        {grants.loading && !grants.value && <Progress />}
        {grants.value && (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <InfoCard title={t('page.queue')}>
                <GrantTable
                  testId="grant-queue"
                  grants={all.filter(g => g.state === 'requested')}
                  empty={t('empty.queue')}
                  onChanged={refresh}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title={t('page.grants')}>
                <GrantTable
                  testId="grant-list"
                  grants={all.filter(g => g.state !== 'requested')}
                  empty={t('empty.grants')}
                  onChanged={refresh}
                />
              </InfoCard>
            </Grid>
            {engineers.value && (
              <Grid item xs={12}>
                <InfoCard title={t('page.engineers')}>
                  <EngineerTable
                    engineers={engineers.value}
                    onChanged={refresh}
                  />
                </InfoCard>
              </Grid>
            )}
          </Grid>
        )}
      </Content>
    </Page>
  );
}
