import { Content } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { inspectionsTranslationRef } from '../translation';
import { CoverageView } from './coverage/CoverageView';
import { LabelsView } from './labels/LabelsView';
import { PlansView } from './plans/PlansView';
import { TodayView } from './today/TodayView';

const TABS = ['today', 'coverage', 'labels', 'plans'] as const;
type TabName = (typeof TABS)[number];

/** `/inspections`: today's rounds, coverage, asset labels, plans. */
export function InspectionsPage() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const [params, setParams] = useSearchParams();
  const tab: TabName = TABS.find(name => name === params.get('tab')) ?? 'today';
  return (
    <Content>
      <Tabs
        value={tab}
        onChange={(_, value: TabName) => setParams({ tab: value })}
        variant="scrollable"
        scrollButtons="auto"
        indicatorColor="primary"
        style={{ marginBottom: 16 }}
      >
        {TABS.map(name => (
          <Tab
            key={name}
            value={name}
            label={t(`tabs.${name}`)}
            data-testid={`tab-${name}`}
          />
        ))}
      </Tabs>
      {tab === 'today' && <TodayView />}
      {tab === 'coverage' && <CoverageView />}
      {tab === 'labels' && <LabelsView />}
      {tab === 'plans' && <PlansView />}
    </Content>
  );
}
