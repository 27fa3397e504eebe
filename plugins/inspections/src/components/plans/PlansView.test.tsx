import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  ChecklistTemplateVersion,
  InspectionsApi,
  StoredPlan,
} from '@internal/plugin-inspections-common';
import { screen } from '@testing-library/react';
import { inspectionsApiRef } from '../../api';
import { PlansView } from './PlansView';

const plans: StoredPlan[] = [
  {
    id: 'courtroom-weekly',
    title: '科技法庭与会议设备周巡检',
    titleEn: 'Courtrooms and conference rooms, weekly',
    devices: {
      kind: 'resource',
      classes: ['courtroom-recorder', 'trial-display'],
    },
    frequency: 'weekly',
    calendar: 'working-days',
    team: 'group:default/hardware-post',
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'user:default/sunlei',
  },
  {
    id: 'application-daily',
    title: '应用系统日常检查（INSP-2）',
    titleEn: 'Application systems, daily (INSP-2)',
    devices: { kind: 'component', classes: ['website', 'service'] },
    template: 'application-daily',
    frequency: 'daily',
    calendar: 'court-duty', // a calendar added in config: no name to show but its id
    team: 'group:default/software-post',
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'user:default/sunlei',
  },
];

const applicationDaily: ChecklistTemplateVersion = {
  id: 'application-daily',
  version: 1,
  title: '应用系统日常检查',
  titleEn: 'Application daily check',
  profiles: [],
  items: [
    {
      id: 'reachable',
      kind: 'pass-fail',
      label: '可访问',
      labelEn: 'Reachable',
    },
  ],
};

describe('the plans table', () => {
  it('names device classes, checklists and calendars instead of showing their ids', async () => {
    const api = {
      getPlans: jest.fn(async () => plans),
      getTemplates: jest.fn(async () => [applicationDaily]),
    } as unknown as InspectionsApi;
    await renderInTestApp(<PlansView />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [inspectionsApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByTestId('plan-devices-courtroom-weekly'),
    ).toHaveTextContent('Courtroom recorder, Trial display');
    expect(
      screen.getByTestId('plan-devices-application-daily'),
    ).toHaveTextContent('Application systems, Websites, Services');
    expect(
      await screen.findByText('Application daily check'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Working days (China’s official calendar)'),
    ).toBeInTheDocument();
    expect(screen.getByText('court-duty')).toBeInTheDocument();
    expect(screen.queryByText(/courtroom-recorder|working-days/)).toBeNull();
    expect(screen.queryByText('application-daily')).toBeNull();
  });
});
