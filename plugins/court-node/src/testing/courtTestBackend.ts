import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// Static imports: a dynamic import() of a plugin fails under jest.
import permissionPlugin from '@backstage/plugin-permission-backend';
import type { JsonObject, JsonValue } from '@backstage/types';
import permissionModuleCourtPolicy from '@internal/plugin-permission-backend-module-court';
import { courtRolesConfig, ownershipOf } from './courtUsers';

type Features = Parameters<typeof startTestBackend>[0]['features'];

/** A user's groups, as the catalog sign-in resolves them, from the role fixture. */
const userInfoFromFixture = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return { userEntityRef, ownershipEntityRefs: ownershipOf(userEntityRef) };
    },
  }),
});

/**
 * The mock auth service, except that a plugin's request on a user's behalf carries the plugin as
 * its actor, as the real auth service's tokens do. Without it the permission backend takes the
 * call for a direct user request and refuses resource permissions without a resourceRef.
 */
const authWithActor = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const serviceToken = auth.getPluginRequestToken.bind(auth);
    const getPluginRequestToken: typeof auth.getPluginRequestToken =
      async options => {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type !== 'user' || !principal.userEntityRef) {
          return serviceToken(options);
        }
        const { userEntityRef } = principal;
        return {
          token: mockCredentials.user.token(userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      };
    return Object.assign(auth, { getPluginRequestToken });
  },
});

/**
 * The features that put the court's real policy behind `coreServices.permissions`: the
 * permission backend, the court policy module, the real permissions client and registry (so
 * conditional decisions are applied by the asking plugin's rules), and the role fixture.
 */
export function courtPolicyFeatures(): NonNullable<Features> {
  return [
    permissionPlugin,
    permissionModuleCourtPolicy,
    permissionsServiceFactory,
    permissionsRegistryServiceFactory,
    authWithActor,
    userInfoFromFixture,
  ];
}

/** The config the policy needs; merged under a test's own config. */
export const courtPolicyConfig: JsonObject = {
  permission: { enabled: true },
  courtOps: { roles: courtRolesConfig },
};

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `override` laid over `base`, objects merged key by key (e.g. `courtOps` of both). */
export function mergeConfig(
  base: JsonObject,
  override: JsonObject,
): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = merged[key];
    merged[key] =
      isObject(under) && isObject(value) ? mergeConfig(under, value) : value;
  }
  return merged;
}

/**
 * `startTestBackend` with the court's real role policy: every permission a plugin asks goes
 * through the permission backend and the one role table, as in production.
 */
export async function startCourtTestBackend(options: {
  features: NonNullable<Features>;
  config?: JsonObject;
}) {
  return startTestBackend({
    features: [
      ...options.features,
      ...courtPolicyFeatures(),
      mockServices.rootConfig.factory({
        data: mergeConfig(courtPolicyConfig, options.config ?? {}),
      }),
    ],
  });
}

/** `Authorization` header of a signed-in example user (a name from the role fixture). */
export function as(user: string): string {
  return mockCredentials.user.header(`user:default/${user}`);
}
