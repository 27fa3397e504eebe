import { Content, InfoCard, LinkButton } from '@backstage/core-components';
import {
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CHANGE_STATUSES,
  changeApprovePermission,
  changeCreatePermission,
  ticketReadAllPermission,
  type ChangeStatus,
} from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useChangeList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { PagedList } from '../shared/TicketListView';
import { ChangeCalendar } from './ChangeCalendar';
import { ChangeTable } from './ChangeTable';
import { FreezesCard } from './FreezesCard';
import { SuccessRateCard } from './SuccessRateCard';

const VIEWS = ['list', 'calendar', 'approvals', 'freezes'] as const;
type View = (typeof VIEWS)[number];

/** The change-request template on the Create page (scaffolder's route). */
const CHANGE_TEMPLATE = '/create/templates/default/change-request';

function AllChanges() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const [status, setStatus] = useState<ChangeStatus | ''>('');
  const list = useChangeList(status ? { status } : {});
  return (
    <>
      <TextField
        select
        size="small"
        label={t('changes.status')}
        value={status}
        onChange={event => setStatus(event.target.value as ChangeStatus)}
        style={{ minWidth: 200, marginBottom: 16 }}
      >
        <MenuItem value="">{t('changes.any')}</MenuItem>
        {CHANGE_STATUSES.map(value => (
          <MenuItem key={value} value={value}>
            {t(`status.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <PagedList list={list}>
        <ChangeTable
          changes={list.items}
          empty={t('changes.empty')}
          testId="change-list"
        />
      </PagedList>
    </>
  );
}

function PendingApprovals() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const list = useChangeList({ pendingApproval: 'true', sort: 'window' });
  return (
    <>
      <Typography variant="body2" paragraph>
        {t('changes.approvalsIntro')}
      </Typography>
      <PagedList list={list}>
        <ChangeTable
          changes={list.items}
          empty={t('changes.approvalsEmpty')}
          testId="pending-approvals"
        />
      </PagedList>
    </>
  );
}

/** `/changes` (变更): every change, a calendar of windows, what awaits approval, freezes, the success rate. */
export function ChangesPage() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const canApprove = usePermission({
    permission: changeApprovePermission,
  }).allowed;
  const canFile = usePermission({ permission: changeCreatePermission }).allowed;
  const readAll = usePermission({ permission: ticketReadAllPermission });
  const [params, setParams] = useAppSearchParams();
  const requested = params.get('view') as View | null;
  // The court IT office lands on what waits for it.
  const landing: View = canApprove ? 'approvals' : 'list';
  const view: View =
    requested && VIEWS.includes(requested) ? requested : landing;
  const views = VIEWS.filter(v => v !== 'approvals' || canApprove);

  return (
    <Content>
      <Grid container spacing={3}>
        {readAll.allowed && (
          <Grid item xs={12} md={4}>
            <SuccessRateCard />
          </Grid>
        )}
        <Grid item xs={12} md={readAll.allowed ? 8 : 12}>
          <InfoCard
            title={t('page.changes')}
            action={
              canFile ? (
                <LinkButton
                  to={CHANGE_TEMPLATE}
                  color="primary"
                  variant="contained"
                  data-testid="new-change-button"
                >
                  {t('changes.newChange')}
                </LinkButton>
              ) : undefined
            }
          >
            <Tabs
              value={view}
              indicatorColor="primary"
              onChange={(_, next: View) =>
                setParams({ view: next }, { replace: true })
              }
            >
              {views.map(v => (
                <Tab
                  key={v}
                  value={v}
                  label={t(`changes.tabs.${v}`)}
                  data-testid={`changes-view-${v}`}
                />
              ))}
            </Tabs>
            <div style={{ marginTop: 16 }}>
              {view === 'list' && <AllChanges />}
              {view === 'calendar' && <ChangeCalendar />}
              {view === 'approvals' && canApprove && <PendingApprovals />}
              {view === 'freezes' && <FreezesCard />}
            </div>
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
