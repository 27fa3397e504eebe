import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CourtPermissionPolicy } from './CourtPermissionPolicy';
import { COURT_ROLES, readGroupRoleMap } from './roles';

/** The court's role policy for the permission plugin (DESIGN "Roles"), replacing allow-all. */
export const permissionModuleCourtPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'court-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
      },
      async init({ policy, config, userInfo, logger, auditor }) {
        const groupRoles = readGroupRoleMap(
          config.getOptional('courtOps.roles'),
        );
        const summary = COURT_ROLES.map(role => {
          const groups = [...groupRoles]
            .filter(([, roles]) => roles.includes(role))
            .map(([group]) => group);
          return `${role}: ${groups.join(', ') || '(none)'}`;
        });
        logger.info(`Court role policy; ${summary.join('; ')}`);
        policy.setPolicy(
          new CourtPermissionPolicy({ groupRoles, userInfo, logger, auditor }),
        );
      },
    });
  },
});
