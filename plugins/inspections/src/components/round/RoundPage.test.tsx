import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  ChecklistTemplateVersion,
  InspectionsApi,
  RoundDetail,
  SaveResultRequest,
} from '@internal/plugin-inspections-common';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inspectionsApiRef } from '../../api';
import { roundRouteRef, rootRouteRef, ticketRouteRef } from '../../routes';
import { RoundPage } from './RoundPage';

const ups: ChecklistTemplateVersion = {
  id: 'ups',
  version: 1,
  title: 'UPS 巡检',
  titleEn: 'UPS inspection',
  profiles: ['ups'],
  items: [
    {
      id: 'battery-charge',
      kind: 'reading',
      label: '电池电量',
      labelEn: 'Battery charge',
      unit: '%',
      min: 90,
    },
    {
      id: 'no-alarms',
      kind: 'pass-fail',
      label: '面板无告警',
      labelEn: 'No alarm',
    },
  ],
};

const detail: RoundDetail = {
  round: {
    id: 'r1',
    date: '2026-11-27',
    kind: 'scheduled',
    team: 'group:default/hardware-post',
    routeKey: 'B',
    building: { name: '综合办公楼', nameEn: 'Office Building' },
    assignee: 'user:default/wangqiang',
    checks: 1,
    done: 0,
    failed: 0,
    dueBy: '2026-11-27',
  },
  checks: [
    {
      id: 'c1',
      roundId: 'r1',
      planId: 'machine-room-daily',
      deviceRef: 'resource:default/ups-01',
      deviceTitle: 'UPS 1号',
      deviceClass: 'ups',
      location: {
        id: 'B-5F-UPS',
        building: '综合办公楼',
        buildingEn: 'Office Building',
        floor: '5F',
        room: 'UPS 电池室',
        roomEn: 'UPS Room',
      },
      template: { id: 'ups', version: 1 },
      dueDate: '2026-11-27',
      dueBy: '2026-11-27',
      status: 'pending',
      results: [],
    },
  ],
  templates: [ups],
};

function mockApi() {
  const saveResult = jest.fn<
    ReturnType<InspectionsApi['saveResult']>,
    [string, string, SaveResultRequest]
  >();
  const api = {
    getRound: jest.fn(async () => detail),
    saveResult,
  } as unknown as InspectionsApi;
  return { api, saveResult };
}

async function render(api: InspectionsApi) {
  await renderInTestApp(<RoundPage />, {
    initialRouteEntries: ['/inspections/rounds/r1?check=c1'],
    mountedRoutes: {
      '/inspections': rootRouteRef,
      '/inspections/rounds/:roundId': roundRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      // The tickets plugin's page, as the app binds it.
      '/tickets/:ticketRef': ticketRouteRef,
    },
    apis: [
      [inspectionsApiRef, api],
      [catalogApiRef, catalogApiMock()],
    ],
  });
}

describe('the round runner', () => {
  it('flags a low reading before it is saved, then shows the incident it opened', async () => {
    const { api, saveResult } = mockApi();
    saveResult.mockResolvedValue({
      result: {
        itemId: 'battery-charge',
        value: { kind: 'reading', value: 35 },
        verdict: 'out-of-limits',
        recordedBy: 'user:default/wangqiang',
        recordedAt: '2026-11-27T01:00:00.000Z',
        incident: { number: 'INC-2026-00042' },
        incidentPending: false,
      },
      check: { id: 'c1', status: 'pending' },
      replayed: false,
    });
    await render(api);
    const item = await screen.findByTestId('item-battery-charge');
    fireEvent.change(within(item).getByTestId('input-battery-charge'), {
      target: { value: '35' },
    });
    expect(within(item).getByTestId('flag-battery-charge')).toHaveTextContent(
      '≥ 90 %',
    );
    await userEvent.click(within(item).getByTestId('save-battery-charge'));
    expect(
      await within(item).findByTestId('incident-battery-charge'),
    ).toHaveAttribute('href', '/tickets/INC-2026-00042');
    expect(saveResult).toHaveBeenCalledWith('c1', 'battery-charge', {
      value: { kind: 'reading', value: 35 },
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
  });

  it('retries a save that did not arrive with the same idempotency key', async () => {
    const { api, saveResult } = mockApi();
    saveResult.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    saveResult.mockResolvedValueOnce({
      result: {
        itemId: 'battery-charge',
        value: { kind: 'reading', value: 96 },
        verdict: 'pass',
        recordedBy: 'user:default/wangqiang',
        recordedAt: '2026-11-27T01:00:00.000Z',
        incidentPending: false,
      },
      check: { id: 'c1', status: 'pending' },
      replayed: true,
    });
    await render(api);
    const item = await screen.findByTestId('item-battery-charge');
    fireEvent.change(within(item).getByTestId('input-battery-charge'), {
      target: { value: '96' },
    });
    expect(within(item).queryByTestId('flag-battery-charge')).toBeNull();
    await userEvent.click(within(item).getByTestId('save-battery-charge'));
    await within(item).findByText(/Failed to fetch/);
    await userEvent.click(within(item).getByTestId('save-battery-charge'));
    expect(
      await within(item).findByTestId('state-battery-charge'),
    ).toHaveAttribute('data-phase', 'saved');
    const [first, second] = saveResult.mock.calls.map(
      call => call[2].idempotencyKey,
    );
    expect(second).toBe(first);
  });

  it('says why a round cannot be shown', async () => {
    const api = {
      getRound: jest.fn(async () => {
        throw new Error('no inspection round r1');
      }),
    } as unknown as InspectionsApi;
    await render(api);
    expect(
      (await screen.findAllByText(/no inspection round r1/)).length,
    ).toBeGreaterThan(0);
  });
});
