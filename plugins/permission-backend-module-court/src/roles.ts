import { z } from 'zod';

/**
 * The portal's roles (DESIGN "Roles"). The names match `courtOps.exampleUsers[].role` and the keys
 * of `courtOps.roles`.
 */
export const COURT_ROLES = [
  'requester',
  'desk',
  'engineer',
  'ops-manager',
  'court-it-office',
  'admin',
] as const;

export type CourtRole = (typeof COURT_ROLES)[number];

/** Group entity ref (lower case) → the roles its members hold. */
export type GroupRoleMap = ReadonlyMap<string, readonly CourtRole[]>;

// Full refs only: a bare `court-staff` would silently match nobody.
const GROUP_REF = /^group:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;

const groupRefs = z
  .array(
    z
      .string()
      .regex(
        GROUP_REF,
        'must be a group entity ref such as group:default/court-staff',
      ),
  )
  .default([]);

// Strict, so a misspelt role (`opsManager`) fails the start instead of granting nothing.
const rolesConfigSchema = z.strictObject({
  requester: groupRefs,
  desk: groupRefs,
  engineer: groupRefs,
  'ops-manager': groupRefs,
  'court-it-office': groupRefs,
  admin: groupRefs,
});

/**
 * Reads the `courtOps.roles` config block into a group-to-role map. Throws an Error whose message
 * names the bad key, so a broken mapping stops the backend at start.
 */
export function readGroupRoleMap(value: unknown): GroupRoleMap {
  if (value === undefined) {
    throw new Error(
      'Missing config courtOps.roles: map each role to the catalog groups that hold it',
    );
  }
  const parsed = rolesConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['courtOps', 'roles', ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      throw new Error(
        `Invalid config ${[...path, issue.keys[0]].join(
          '.',
        )}: unknown role, expected one of ${COURT_ROLES.join(', ')}`,
      );
    }
    throw new Error(`Invalid config ${path.join('.')}: ${issue.message}`);
  }

  const map = new Map<string, CourtRole[]>();
  for (const role of COURT_ROLES) {
    for (const ref of parsed.data[role]) {
      // Entity refs compare case-insensitively; the catalog hands them out in lower case.
      const key = ref.toLocaleLowerCase('en-US');
      const roles = map.get(key) ?? [];
      if (!roles.includes(role)) roles.push(role);
      map.set(key, roles);
    }
  }
  return map;
}

/**
 * The roles of a user, from their ownership refs (their user ref plus their groups): the union of
 * the roles of every group they are in. Empty when none of their groups holds a role.
 */
export function rolesOf(
  groupRoles: GroupRoleMap,
  ownershipEntityRefs: readonly string[],
): ReadonlySet<CourtRole> {
  const roles = new Set<CourtRole>();
  for (const ref of ownershipEntityRefs) {
    for (const role of groupRoles.get(ref.toLocaleLowerCase('en-US')) ?? []) {
      roles.add(role);
    }
  }
  return roles;
}
