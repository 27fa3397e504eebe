import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Config } from '@backstage/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { transports } from 'winston';
import { courtRootLoggerServiceFactory } from './rootLogger';

jest.setTimeout(120_000);

type Read = (config: Config) => string;

/** A plugin that logs a config value through the root logger as it starts. */
const logsTheValue = (read: Read) =>
  createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: {
          rootLogger: coreServices.rootLogger,
          config: coreServices.rootConfig,
        },
        async init({ rootLogger, config }) {
          rootLogger.info(`the value is ${read(config)}`);
        },
      });
    },
  });

/** What the root logger wrote, and the backend stopped. */
async function logged(options: {
  schemaFile: string;
  config: object;
  read: Read;
}): Promise<string> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const backend = await startTestBackend({
    features: [
      courtRootLoggerServiceFactory({
        schemaFile: options.schemaFile,
        transports: [new transports.Stream({ stream })],
      }),
      mockServices.rootConfig.factory({ data: options.config as never }),
      logsTheValue(options.read),
    ],
  });
  await backend.stop();
  return lines.join('');
}

/** A built schema (`backstage-cli config:schema --format json`) with one secret setting. */
function builtSchema(dir: string) {
  const file = join(dir, 'config-schema.json');
  writeFileSync(
    file,
    JSON.stringify({
      backstageConfigSchemaVersion: 1,
      schemas: [
        {
          path: 'config.d.ts',
          value: {
            type: 'object',
            properties: {
              court: {
                type: 'object',
                properties: {
                  token: { type: 'string', visibility: 'secret' },
                },
              },
            },
          },
        },
      ],
    }),
  );
  return file;
}

describe('the court root logger', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'root-logger-'));
  });
  afterEach(() => rmSync(dir, { recursive: true }));

  it('redacts a value the built schema calls a secret', async () => {
    const text = await logged({
      schemaFile: builtSchema(dir),
      config: { court: { token: 'court-token-123' } },
      read: config => config.getString('court.token'),
    });
    expect(text).toContain('the value is ***');
    expect(text).not.toContain('court-token-123');
  });

  it("without a built schema, the secrets come from the packages' config.d.ts, as in Backstage", async () => {
    // backend.auth.keys[].secret is `@visibility secret` in Backstage's own config.d.ts.
    const text = await logged({
      schemaFile: join(dir, 'absent.json'),
      config: { backend: { auth: { keys: [{ secret: 'court-key-456' }] } } },
      read: config =>
        config.getConfigArray('backend.auth.keys')[0].getString('secret'),
    });
    expect(text).not.toContain('court-key-456');
    expect(text).toContain('the value is ***');
  });
});
