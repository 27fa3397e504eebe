import {
  coreServices,
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import {
  WinstonLogger,
  WinstonLoggerLevelOverrideMatchers,
  WinstonLoggerOptions,
} from '@backstage/backend-defaults/rootLogger';
import { Config } from '@backstage/config';
import { loadConfigSchema } from '@backstage/config-loader';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The built backend's config schema, written beside it by the backend's build
 * (`backstage-cli config:schema`, packages/backend/package.json): which config values are
 * secrets, for the logger to redact. Read only by the built backend (NODE_ENV=production, as
 * scripts/start.sh runs it): from its sources the backend would find the last build's.
 */
function builtConfigSchema(): string | undefined {
  return process.env.NODE_ENV === 'production'
    ? resolvePackagePath('backend', 'dist/config-schema.json')
    : undefined;
}

/**
 * Backstage's root logger, with the secrets to redact found through the config schema of the
 * build when there is one. Backstage's own factory compiles every package's `config.d.ts` with
 * the TypeScript compiler at each start, for this alone: seconds of CPU, and 110–140 MB of resident
 * memory the process does not hand back (docs/operations.md). Without a built schema it does
 * just that, as Backstage does.
 */
export function courtRootLoggerServiceFactory(
  options: {
    schemaFile?: string;
    transports?: WinstonLoggerOptions['transports'];
  } = {},
) {
  const schemaFile = options.schemaFile ?? builtConfigSchema();
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: { config: coreServices.rootConfig },
    async factory({ config }) {
      const settings = loggerSettings(config);
      const logger = WinstonLogger.create({
        meta: { service: 'backstage', ...settings.meta },
        level: settings.level,
        transports: options.transports,
      });
      const schema =
        schemaFile && existsSync(schemaFile)
          ? await loadConfigSchema({
              serialized: JSON.parse(readFileSync(schemaFile, 'utf8')),
            })
          : undefined;
      const secretsOf = await createConfigSecretEnumerator({ logger, schema });
      // Again whenever the config changes: new secrets, allowlist and level overrides.
      const applyConfig = () => {
        const { redactAllowlist, overrides } = loggerSettings(config);
        const allowed = new Set(redactAllowlist.map(a => a.trim()));
        logger.addRedactions(
          [...secretsOf(config)].filter(s => !allowed.has(s.trim())),
        );
        logger.setLevelOverrides(overrides);
      };
      applyConfig();
      config.subscribe?.(applyConfig);
      return logger;
    },
  });
}

const LEVELS = ['error', 'warn', 'info', 'debug'];

/** `backend.logger`, read as Backstage's root logger reads it. */
function loggerSettings(config: Config) {
  return {
    level: config.getOptionalString('backend.logger.level'),
    meta: config
      .getOptionalConfig('backend.logger.meta')
      ?.get<NonNullable<WinstonLoggerOptions['meta']>>(),
    redactAllowlist:
      config.getOptionalStringArray('backend.logger.redactAllowlist') ?? [],
    overrides: (
      config.getOptionalConfigArray('backend.logger.overrides') ?? []
    ).map((override, i) => {
      const level = override.getString('level');
      if (!LEVELS.includes(level)) {
        throw new Error(
          `Invalid config at backend.logger.overrides[${i}].level, '${level}' is not one of ${LEVELS.join(
            ', ',
          )}`,
        );
      }
      return {
        level,
        matchers: override
          .getConfig('matchers')
          .get<WinstonLoggerLevelOverrideMatchers>(),
      };
    }),
  };
}
