import {
  PLUGINS_WITHOUT_PERMISSIONS,
  ROLE_TABLE,
  TABLE_ROLES,
} from './roleTable';

/** Column headings of the matrix. */
const ROLE_TITLES: Record<(typeof TABLE_ROLES)[number], string> = {
  requester: 'court staff',
  desk: 'desk',
  engineer: 'engineer',
  'ops-manager': 'ops manager',
  'court-it-office': 'court IT office',
  admin: 'portal admin',
  'no-role': 'no role',
};

/**
 * docs/permissions.md, rendered from the role table. The policy module's test keeps the file
 * equal to this (`UPDATE_PERMISSIONS_DOC=1` rewrites it).
 */
export function renderPermissionMatrix(): string {
  const header = `| permission | ${TABLE_ROLES.map(r => ROLE_TITLES[r]).join(
    ' | ',
  )} |`;
  const rule = `|---|${TABLE_ROLES.map(() => ':-:').join('|')}|`;
  const lines: string[] = [];
  let family = '';
  for (const row of ROLE_TABLE) {
    if (row.family !== family) {
      family = row.family;
      lines.push(`| **${family}** |${TABLE_ROLES.map(() => ' ').join('|')}|`);
    }
    const cells = TABLE_ROLES.map(role => {
      const grant = row.grants[role];
      if (!grant) return '–';
      return grant === 'allow' ? '✓' : grant.label;
    });
    lines.push(`| \`${row.permission.name}\` | ${cells.join(' | ')} |`);
  }
  const without = Object.entries(PLUGINS_WITHOUT_PERMISSIONS).map(
    ([plugin, why]) => `- **${plugin}**: ${why}.`,
  );
  return [
    '# Permissions: who may do what',
    '',
    '<!-- Generated from plugins/permission-backend-module-court/src/roleTable.ts; do not edit.',
    "     Regenerate: UPDATE_PERMISSIONS_DOC=1 on that package's tests. -->",
    '',
    'The one role × permission table of the portal. Roles come from catalog group membership',
    '(`courtOps.roles` in `app-config.yaml`); a user in several roles gets the union of their cells.',
    'Deny by default: a permission that is not a row below is refused, and the policy logs its name.',
    '',
    '✓ allowed · – denied · a phrase: allowed only on the resources the named rule picks.',
    '',
    header,
    rule,
    ...lines,
    '',
    'Installed plugins that define no permission of their own:',
    '',
    ...without,
    '',
    'A role × route test (`packages/backend/src/routeMatrix/routeMatrix.test.ts`) runs',
    'every route of the backend plugins as each role against the real backend and this policy.',
    '',
  ].join('\n');
}
