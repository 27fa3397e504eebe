import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { monitoringIntakeReadPermission } from '@internal/plugin-monitoring-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { monitoringApiRef } from '../api';
import { useBoard } from '../hooks/useBoard';
import { useLiveAlerts } from '../hooks/useLiveAlerts';
import { useMonitoringLinks } from '../hooks/useLinks';
import { monitoringTranslationRef } from '../translation';
import { AlertTable } from './AlertTable';
import { DeadLetterTable } from './DeadLetterTable';
import { StatusBoard } from './StatusBoard';

const TABS = ['board', 'unmapped', 'deadLetters'] as const;
type MonitoringTab = (typeof TABS)[number];

function BoardTab() {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const links = useMonitoringLinks();
  const board = useBoard();
  const wall = links.wall();
  if (board.error) return <CourtErrorPanel error={board.error} />;
  if (!board.value) return <Progress />;
  return (
    <>
      {wall && (
        <Typography align="right" gutterBottom>
          <Link to={wall} data-testid="monitoring-wall-link">
            {t('board.wall')}
          </Link>
        </Typography>
      )}
      <StatusBoard tiles={board.value.tiles} titles={board.value.titles} />
    </>
  );
}

function UnmappedTab() {
  const api = useApi(monitoringApiRef);
  const unmapped = useLiveAlerts(() => api.listUnmapped(), [api]);
  if (unmapped.error) return <CourtErrorPanel error={unmapped.error} />;
  if (!unmapped.value) return <Progress />;
  return <AlertTable alerts={unmapped.value} testId="monitoring-unmapped" />;
}

function DeadLettersTab() {
  const api = useApi(monitoringApiRef);
  const letters = useAsync(() => api.listDeadLetters(), [api]);
  if (letters.error) return <CourtErrorPanel error={letters.error} />;
  if (!letters.value) return <Progress />;
  return <DeadLetterTable letters={letters.value} />;
}

/** 监控: the status board of every system; the desk also sees unmapped alerts and dead letters. */
export function MonitoringPage() {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const [params, setParams] = useSearchParams();
  const intake = usePermission({ permission: monitoringIntakeReadPermission });
  const tabs: MonitoringTab[] = intake.allowed ? [...TABS] : ['board'];
  const asked = params.get('tab') as MonitoringTab | null;
  const tab = asked && tabs.includes(asked) ? asked : 'board';
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} />
      <Content>
        <Tabs
          value={tab}
          onChange={(_event, value: MonitoringTab) =>
            setParams(value === 'board' ? {} : { tab: value })
          }
          indicatorColor="primary"
          style={{ marginBottom: 16 }}
        >
          {tabs.map(name => (
            <Tab
              key={name}
              value={name}
              label={t(`tab.${name}`)}
              data-testid={`monitoring-tab-${name}`}
            />
          ))}
        </Tabs>
        {tab === 'board' && <BoardTab />}
        {tab === 'unmapped' && <UnmappedTab />}
        {tab === 'deadLetters' && <DeadLettersTab />}
      </Content>
    </Page>
  );
}
