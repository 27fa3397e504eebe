import { courtRolesConfig } from './__fixtures__/courtRolesConfig';
import { readGroupRoleMap, rolesOf } from './roles';

describe('rolesOf', () => {
  const groupRoles = readGroupRoleMap(courtRolesConfig);
  const user = (name: string, ...groups: string[]) => [
    `user:default/${name}`,
    ...groups.map(g => `group:default/${g}`),
  ];

  it.each([
    ['court staff', user('xuli', 'court-staff'), ['requester']],
    ['a desk post member', user('lina', 'service-desk-post'), ['desk']],
    [
      'the desk post shared with hardware',
      user('zhangwei', 'service-desk-post', 'hardware-post'),
      ['desk', 'engineer'],
    ],
    ['a software post member', user('liuyang', 'software-post'), ['engineer']],
    [
      'an off-site manager',
      user('sunlei', 'offsite-support', 'ops-managers'),
      ['engineer', 'ops-manager'],
    ],
    ['the IT office', user('wuxia', 'court-it-office'), ['court-it-office']],
    [
      'the IT office head, a portal admin',
      user('huangjun', 'court-it-office', 'portal-admins'),
      ['court-it-office', 'admin'],
    ],
    ['someone in no mapped group', user('newcomer', 'yunxi-court'), []],
    ['only a user ref', user('nobody'), []],
  ])('%s', (_, refs, expected) => {
    expect([...rolesOf(groupRoles, refs)].sort()).toEqual([...expected].sort());
  });

  it('compares entity refs case-insensitively', () => {
    const map = readGroupRoleMap({ desk: ['group:default/Service-Desk-Post'] });
    expect([...rolesOf(map, ['GROUP:default/service-desk-post'])]).toEqual([
      'desk',
    ]);
  });

  it('gives a group in two roles both', () => {
    const map = readGroupRoleMap({
      engineer: ['group:default/duty'],
      desk: ['group:default/duty'],
    });
    expect([...rolesOf(map, ['group:default/duty'])].sort()).toEqual([
      'desk',
      'engineer',
    ]);
  });
});

describe('readGroupRoleMap', () => {
  it('treats a role that is left out as held by no group', () => {
    const map = readGroupRoleMap({ requester: ['group:default/court-staff'] });
    expect([...map]).toEqual([['group:default/court-staff', ['requester']]]);
  });

  it.each([
    [undefined, /^Missing config courtOps\.roles:/],
    ['everyone', /^Invalid config courtOps\.roles: /],
    [
      { opsManager: [] },
      /^Invalid config courtOps\.roles\.opsManager: unknown role/,
    ],
    [
      { desk: 'group:default/service-desk-post' },
      /^Invalid config courtOps\.roles\.desk: /,
    ],
    [
      { desk: ['group:default/service-desk-post', 'court-staff'] },
      /^Invalid config courtOps\.roles\.desk\.1: must be a group entity ref/,
    ],
    [
      { admin: ['user:default/huangjun'] },
      /^Invalid config courtOps\.roles\.admin\.0: must be a group entity ref/,
    ],
  ])('rejects %j, naming the key', (value, message) => {
    expect(() => readGroupRoleMap(value)).toThrow(message);
  });
});
