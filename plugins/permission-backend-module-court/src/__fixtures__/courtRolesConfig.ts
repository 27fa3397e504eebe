/** The `courtOps.roles` block app-config.yaml ships, for the example court in catalog/org.yaml. */
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
};
