/**
 * Permission policy module: the Court Ops Portal's roles (court staff, desk, engineer, ops
 * manager, court IT office, admin), taken from catalog group membership via `courtOps.roles`,
 * and the one role × permission table every decision is read from.
 *
 * @packageDocumentation
 */
export { permissionModuleCourtPolicy as default } from './module';
export { CourtPermissionPolicy } from './CourtPermissionPolicy';
export { COURT_ROLES, readGroupRoleMap, rolesOf } from './roles';
export type { CourtRole, GroupRoleMap } from './roles';
export {
  PLUGINS_WITHOUT_PERMISSIONS,
  ROLE_TABLE,
  rowOf,
  TABLE_ROLES,
} from './roleTable';
export type {
  Caller,
  Grant,
  RoleCondition,
  RoleTableRow,
  TableRole,
} from './roleTable';
