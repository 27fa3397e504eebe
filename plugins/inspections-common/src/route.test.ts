import {
  assignRoutes,
  compareRouteOrder,
  DESK_ROUTE,
  routeKeyOf,
  routeOrderKey,
} from './route';

describe('walking routes', () => {
  it('groups by building and walks from the basement up, room by room', () => {
    const stops = [
      ['B-5F-UPS', 'ups-01'],
      ['B-B1F-PWR', 'pdu-01'],
      ['A-3F-T01', 'courtroom-recorder-t01'],
      ['B-1F-SEC', 'nvr-01'],
      ['B-5F-MR', 'core-switch-01'],
      ['B-5F-MR', 'core-switch-02'],
      [undefined, 'case-management'],
    ] as const;
    const ordered = [...stops]
      .sort((a, b) =>
        compareRouteOrder(routeOrderKey(a[0], a[1]), routeOrderKey(b[0], b[1])),
      )
      .map(([, name]) => name);
    expect(ordered).toEqual([
      'case-management',
      'courtroom-recorder-t01',
      'pdu-01',
      'nvr-01',
      'core-switch-01',
      'core-switch-02',
      'ups-01',
    ]);
    expect(stops.map(([location]) => routeKeyOf(location))).toEqual([
      'B',
      'B',
      'A',
      'B',
      'B',
      'B',
      DESK_ROUTE,
    ]);
  });

  it('hands the routes out round robin, one further each day', () => {
    const members = ['user:default/zhangwei', 'user:default/wangqiang'];
    const day1 = assignRoutes(['B', 'A', 'APP'], members, 100);
    expect([...day1.entries()]).toEqual([
      ['A', 'user:default/wangqiang'],
      ['APP', 'user:default/zhangwei'],
      ['B', 'user:default/wangqiang'],
    ]);
    expect(assignRoutes(['A'], members, 101).get('A')).toBe(
      'user:default/zhangwei',
    );
    expect(assignRoutes(['A'], [], 101).get('A')).toBeUndefined();
  });
});
