import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import {
  describeKeyParameterValueProblem,
  isCourtDevice,
  keyParameterValueProblem,
  monitoringIdsOf,
  readDeviceFacts,
  validateDeviceFacts,
} from './deviceFacts';
import { LocationRegister } from './locations';

const rules = {
  assetTagPrefix: 'YX',
  register: new LocationRegister([
    {
      id: 'B-1F-M01',
      building: '综合办公楼',
      buildingEn: 'Office Building',
      floor: '1F',
      room: '核心机房',
      roomEn: 'Core machine room',
      kind: 'machine-room',
    },
  ]),
};

function device(annotations: Record<string, string>, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'core-switch-01',
      annotations: {
        'court-ops.io/asset-tag': 'YX-NET-0001',
        'court-ops.io/location': 'B-1F-M01',
        'court-ops.io/vendor': '华为',
        'court-ops.io/model': 'CloudEngine S12700E',
        'court-ops.io/serial': '2102351931P0K1000012',
        'court-ops.io/warranty-end': '2028-06-30',
        'court-ops.io/ip': '10.10.0.1',
        ...annotations,
      },
    },
    spec: { type: 'core-switch', owner: 'group:default/hardware-post', ...spec },
  };
}

describe('validateDeviceFacts', () => {
  it('accepts a complete device', () => {
    expect(validateDeviceFacts(device({}), rules)).toEqual([]);
  });

  it('accepts the names monitoring tools know a device by', () => {
    const named = device({
      'court-ops.io/hostname': 'core-sw-1.court.local',
      'court-ops.io/monitoring-id': 'zabbix:10084, prom/core-sw-1',
    });
    expect(validateDeviceFacts(named, rules)).toEqual([]);
    expect(monitoringIdsOf(named.metadata.annotations!['court-ops.io/monitoring-id'])).toEqual(['zabbix:10084', 'prom/core-sw-1']);
  });

  it.each([
    ['court-ops.io/asset-tag', 'NET-0001', /must look like YX-NET-0001/],
    ['court-ops.io/asset-tag', 'ZZ-NET-0001', /must look like YX-NET-0001/],
    ['court-ops.io/location', 'Z-9F-X99', /not in the court's location register/],
    ['court-ops.io/ip', '10.10.0.300', /not a valid IPv4 address/],
    ['court-ops.io/ip', 'core-switch.local', /not a valid IPv4 address/],
    ['court-ops.io/hostname', 'core switch', /not a valid host name/],
    ['court-ops.io/hostname', '-core.local', /not a valid host name/],
    ['court-ops.io/monitoring-id', 'zabbix:10084, ', /comma-separated ids/],
    ['court-ops.io/monitoring-id', '交换机', /comma-separated ids/],
    ['court-ops.io/warranty-end', '2028/06/30', /YYYY-MM-DD/],
    ['court-ops.io/warranty-end', '2027-02-30', /not a real calendar date/],
    ['court-ops.io/vendor', ' ', /required/],
  ])('names %s when it is %j', (key, value, message) => {
    const problems = validateDeviceFacts(device({ [key]: value }), rules);
    expect(problems).toEqual([{ field: `metadata.annotations.${key}`, message: expect.stringMatching(message) }]);
  });

  it('requires the identifying facts of a device', () => {
    const entity = device({});
    delete entity.metadata.annotations!['court-ops.io/serial'];
    delete entity.metadata.annotations!['court-ops.io/location'];
    expect(validateDeviceFacts(entity, rules).map(p => p.field)).toEqual([
      'metadata.annotations.court-ops.io/location',
      'metadata.annotations.court-ops.io/serial',
    ]);
  });

  it('rejects an unknown device class on an annotated resource', () => {
    const problems = validateDeviceFacts(device({}, { type: 'toaster' }), rules);
    expect(problems).toEqual([{ field: 'spec.type', message: '"toaster" is not a known device class' }]);
  });

  it('names the bad key parameter by index', () => {
    const problems = validateDeviceFacts(
      device({}, {
        keyParameters: [
          { name: 'mgmt-vlan', value: 100 },
          { name: 'Mgmt VLAN', value: '1' },
          { name: 'mgmt-vlan', value: '2' },
        ],
      }),
      rules,
    );
    expect(problems.map(p => p.field)).toEqual([
      'spec.keyParameters[1].name',
      'spec.keyParameters[2].name',
    ]);
  });
});

describe('key parameter rules', () => {
  it('names a rule that does not hold together, and a catalog value that breaks its own rule', () => {
    const problems = validateDeviceFacts(
      device({}, {
        keyParameters: [
          { name: 'vrrp-priority', value: '120', type: 'integer', min: 1, max: 254 },
          { name: 'hostname', value: 'sw1', min: 1 },
          { name: 'overload-alarm', value: '13', type: 'number', unit: 'A', min: 16, max: 10 },
          { name: 'high-temperature-alarm', value: '28 ℃', type: 'number', unit: '℃' },
        ],
      }),
      rules,
    );
    expect(problems).toEqual([
      { field: 'spec.keyParameters[1].type', message: 'must be integer or number when min or max is given' },
      { field: 'spec.keyParameters[2].max', message: 'must not be below min' },
      { field: 'spec.keyParameters[3].value', message: 'must be a number' },
    ]);
  });

  it('reads the type, unit and range with the parameter', () => {
    const facts = readDeviceFacts(
      device({}, {
        keyParameters: [{ name: 'overload-alarm', value: 13, type: 'number', unit: 'A', min: 0, max: 16 }],
      }),
    );
    expect(facts?.keyParameters).toEqual([
      { name: 'overload-alarm', value: '13', type: 'number', unit: 'A', min: 0, max: 16 },
    ]);
  });

  it('accepts any text for a text parameter, or one without a type', () => {
    fc.assert(
      fc.property(fc.string(), value => {
        expect(keyParameterValueProblem({}, value)).toBeUndefined();
        expect(keyParameterValueProblem({ type: 'text', unit: 'A' }, value)).toBeUndefined();
      }),
    );
  });

  it('accepts exactly the whole numbers inside an integer range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -2000, max: 2000 }),
        (min, width, n) => {
          const rule = { type: 'integer' as const, min, max: min + width };
          const problem = keyParameterValueProblem(rule, String(n));
          const inside = n >= rule.min && n <= rule.max;
          expect(problem).toEqual(inside ? undefined : { kind: 'range', min, max: rule.max });
          // A fraction is never a whole number, wherever it lies.
          expect(keyParameterValueProblem(rule, `${n}.5`)).toEqual({ kind: 'integer' });
        },
      ),
    );
  });

  it('reads a decimal as a number and refuses the unit written into the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), x => {
        const written = x.toFixed(2);
        expect(keyParameterValueProblem({ type: 'number' }, written)).toBeUndefined();
        expect(keyParameterValueProblem({ type: 'number', unit: 'A' }, `${written} A`)).toEqual({
          kind: 'number',
        });
      }),
    );
    expect(keyParameterValueProblem({ type: 'number' }, '')).toEqual({ kind: 'number' });
    expect(keyParameterValueProblem({ type: 'number' }, '1e3')).toEqual({ kind: 'number' });
  });

  it('words each problem for the API', () => {
    expect(describeKeyParameterValueProblem({ kind: 'integer' })).toBe('must be a whole number');
    expect(describeKeyParameterValueProblem({ kind: 'range', min: 1, max: 254 })).toBe(
      'must be from 1 to 254',
    );
    expect(describeKeyParameterValueProblem({ kind: 'range', min: 0 })).toBe('must be at least 0');
    expect(describeKeyParameterValueProblem({ kind: 'range', max: 9 })).toBe('must be at most 9');
  });
});

describe('isCourtDevice', () => {
  it('treats typed or annotated resources as devices, nothing else', () => {
    expect(isCourtDevice(device({}))).toBe(true);
    expect(isCourtDevice({ ...device({}), kind: 'Component' })).toBe(false);
    expect(
      isCourtDevice({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'shared-bucket' },
        spec: { type: 's3-bucket', owner: 'x' },
      }),
    ).toBe(false);
  });
});

describe('readDeviceFacts', () => {
  it('reads facts and stringifies key parameter values', () => {
    const facts = readDeviceFacts(device({}, { keyParameters: [{ name: 'mgmt-vlan', value: 100 }] }));
    expect(facts).toMatchObject({
      deviceClass: 'core-switch',
      assetTag: 'YX-NET-0001',
      ip: '10.10.0.1',
      inspectionProfile: 'core-switch',
      keyParameters: [{ name: 'mgmt-vlan', value: '100' }],
    });
  });
});
