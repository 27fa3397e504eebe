import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The sign-in page sends the picked example user's name in this header. */
export const EXAMPLE_USER_HEADER = 'x-court-ops-example-user';

const USER_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Signs in as the catalog User the page picked. It trusts the browser's choice, which is fine only
 * where every user is an example user: the module registers the provider only when
 * `auth.environment` is `development` (the embedded default), and it signs in only users that exist
 * in the catalog.
 */
const exampleUserAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize() {},
  async authenticate({ req }) {
    const userName = req.header(EXAMPLE_USER_HEADER);
    if (!userName || !USER_NAME.test(userName)) {
      throw new AuthenticationError(
        `Header ${EXAMPLE_USER_HEADER} must name an example user, e.g. xuli`,
      );
    }
    return { result: { userName } };
  },
});

export const authModuleExampleUsersProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'example-users-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({ providers, logger, config }) {
        // Proxy providers ignore the auth environment, so the guard must be here: production
        // merges app-config.yaml too, and must never let anyone pick an identity.
        const environment = config.getOptionalString('auth.environment') ?? 'development';
        if (environment !== 'development') {
          logger.info(`Example-user sign-in is off in the ${environment} auth environment`);
          return;
        }
        providers.registerProvider({
          providerId: 'example-users',
          factory: createProxyAuthProviderFactory({
            authenticator: exampleUserAuthenticator,
            async signInResolver({ result }, ctx) {
              logger.info(`Example-user sign-in as ${result.userName}`);
              return ctx.signInWithCatalogUser({
                entityRef: { kind: 'user', name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
