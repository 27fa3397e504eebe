import { parseDeviceFactRules } from './config';

const location = {
  id: 'A-3F-T01',
  building: '审判楼',
  buildingEn: 'Trial Building',
  floor: '3F',
  room: '第一法庭',
  roomEn: 'Courtroom 1',
  kind: 'courtroom',
};

describe('parseDeviceFactRules', () => {
  it('builds a register from valid config', () => {
    const rules = parseDeviceFactRules({ assetTagPrefix: 'YX', locations: [location] });
    expect(rules.register.get('A-3F-T01')?.roomEn).toBe('Courtroom 1');
  });

  it('names the bad key', () => {
    expect(() =>
      parseDeviceFactRules({ assetTagPrefix: 'YX', locations: [{ ...location, kind: 'kitchen' }] }),
    ).toThrow(/courtOps\.locations\.0\.kind/);
    expect(() =>
      parseDeviceFactRules({ assetTagPrefix: 'YX', locations: [location, location] }),
    ).toThrow(/courtOps\.locations\.1\.id: duplicate location id A-3F-T01/);
    expect(() => parseDeviceFactRules({ assetTagPrefix: 'yx', locations: [] })).toThrow(
      /courtOps\.assetTagPrefix/,
    );
  });
});
