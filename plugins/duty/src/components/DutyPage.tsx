import { Content, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { useDutySetup } from '../hooks/useDuty';
import { monthIn, plusMonths } from '../time';
import { dutyTranslationRef } from '../translation';
import { LeaveView } from './leave/LeaveView';
import { MyShiftsView } from './mine/MyShiftsView';
import { RosterView } from './roster/RosterView';
import { SwapsView } from './swaps/SwapsView';

const TABS = ['roster', 'mine', 'leave', 'swaps'] as const;
type TabName = (typeof TABS)[number];

/** `/duty`: the month's roster by post, my shifts (with check-in), leave, swaps. */
export function DutyPage() {
  const { t } = useTranslationRef(dutyTranslationRef);
  const [params, setParams] = useSearchParams();
  const setup = useDutySetup();
  const tab: TabName =
    TABS.find(name => name === params.get('tab')) ?? 'roster';
  const go = (next: { tab?: TabName; month?: string }) => {
    const month = next.month ?? params.get('month');
    setParams({ tab: next.tab ?? tab, ...(month ? { month } : {}) });
  };
  if (!setup.value) {
    return (
      <Content>
        {setup.error ? <CourtErrorPanel error={setup.error} /> : <Progress />}
      </Content>
    );
  }
  const { zone, posts, engineers, now } = setup.value;
  const requested = params.get('month');
  const month =
    requested && /^\d{4}-\d{2}$/.test(requested)
      ? requested
      : monthIn(now, zone);
  return (
    <Content>
      <Tabs
        value={tab}
        onChange={(_, value: TabName) => go({ tab: value })}
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
      {tab === 'roster' && (
        <RosterView
          month={month}
          posts={posts}
          engineers={engineers}
          previousMonth={plusMonths(month, -1)}
          nextMonth={plusMonths(month, 1)}
          onMonth={next => go({ month: next })}
        />
      )}
      {tab === 'mine' && (
        <MyShiftsView month={month} zone={zone} posts={posts} />
      )}
      {tab === 'leave' && (
        <LeaveView onOpenRoster={next => go({ tab: 'roster', month: next })} />
      )}
      {tab === 'swaps' && (
        <SwapsView
          month={month}
          now={now}
          posts={posts}
          engineers={engineers}
          onOpenRoster={next => go({ tab: 'roster', month: next })}
        />
      )}
    </Content>
  );
}
