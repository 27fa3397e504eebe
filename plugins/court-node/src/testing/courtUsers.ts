import type { JsonObject } from '@backstage/types';

/** `courtOps.roles` as in app-config.yaml: which catalog groups hold which portal role. */
export const courtRolesConfig = {
  requester: ['group:default/court-staff'],
  desk: ['group:default/service-desk-post'],
  engineer: [
    'group:default/hardware-post',
    'group:default/software-post',
    'group:default/offsite-support',
  ],
  'ops-manager': ['group:default/ops-managers'],
  'court-it-office': ['group:default/court-it-office'],
  admin: ['group:default/portal-admins'],
} satisfies JsonObject;

/**
 * The example users of catalog/org.yaml and the groups they are members of, plus people the
 * example court lacks: a portal admin who is nothing else and a newcomer in no mapped group (so
 * every column of the role table has someone), and an IT office member who also holds an
 * engineer post (so the service's own four-eyes rules can be reached past the policy).
 */
export const courtUserGroups: Readonly<Record<string, readonly string[]>> = {
  xuli: ['court-staff'],
  mahui: ['court-staff'],
  zhuting: ['court-staff'],
  hegang: ['court-staff'],
  lina: ['service-desk-post'],
  zhangwei: ['service-desk-post', 'hardware-post'],
  wangqiang: ['hardware-post'],
  liuyang: ['software-post'],
  chenjing: ['software-post'],
  zhoujie: ['offsite-support'],
  sunlei: ['offsite-support', 'ops-managers'],
  zhaomin: ['offsite-support', 'ops-managers'],
  huangjun: ['court-it-office', 'portal-admins'],
  wuxia: ['court-it-office'],
  // Not in catalog/org.yaml.
  'platform-admin': ['portal-admins'],
  newcomer: ['yunxi-court'],
  'it-engineer': ['court-it-office', 'software-post'],
};

/** One user per column of the role table, each holding only that role. */
export const roleExamples = {
  requester: 'xuli',
  desk: 'lina',
  engineer: 'liuyang',
  'ops-manager': 'sunlei',
  'court-it-office': 'wuxia',
  admin: 'platform-admin',
  'no-role': 'newcomer',
} as const;

/** The ownership refs the catalog sign-in would give a user: themself and their groups. */
export function ownershipOf(userEntityRef: string): string[] {
  const name = userEntityRef.replace(/^user:default\//, '');
  return [
    userEntityRef,
    ...(courtUserGroups[name] ?? []).map(group => `group:default/${group}`),
  ];
}
