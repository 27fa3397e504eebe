import { Content, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { dutyMajorEventReadPermission } from '@internal/plugin-duty-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { useDutySetup } from '../hooks/useDuty';
import { monthIn, plusMonths } from '../time';
import { dutyTranslationRef } from '../translation';
import { MajorEventsView } from './events/MajorEventsView';
import { LeaveView } from './leave/LeaveView';
import { MyShiftsView } from './mine/MyShiftsView';
import { RosterView } from './roster/RosterView';
import { SwapsView } from './swaps/SwapsView';

const TABS = ['roster', 'mine', 'leave', 'swaps', 'events'] as const;
type TabName = (typeof TABS)[number];

/** `/duty`: the month's roster by post, my shifts (with check-in), leave, swaps, major events. */
export function DutyPage() {
  const { t } = useTranslationRef(dutyTranslationRef);
  const [params, setParams] = useSearchParams();
  const setup = useDutySetup();
  // Court staff see the roster but not the major-event plans.
  const events = usePermission({ permission: dutyMajorEventReadPermission });
  const tabs = TABS.filter(name => name !== 'events' || events.allowed);
  const tab: TabName =
    tabs.find(name => name === params.get('tab')) ?? 'roster';
  const go = (next: { tab?: TabName; month?: string; plan?: string }) => {
    const month = next.month ?? params.get('month');
    setParams({
      tab: next.tab ?? tab,
      ...(month ? { month } : {}),
      ...(next.plan ? { plan: next.plan } : {}),
    });
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
        {tabs.map(name => (
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
      {tab === 'events' && (
        <MajorEventsView
          zone={zone}
          now={now}
          planId={params.get('plan') ?? undefined}
          onOpen={plan => go({ plan })}
        />
      )}
    </Content>
  );
}
