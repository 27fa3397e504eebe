import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { AddressInfo } from 'node:net';
import { reportFigures } from '../__testUtils__/reportFigures';
import { reportFiguresOverHttp } from './DraftService';

const OPS_MANAGER = 'user:default/zhaomin';

/**
 * The reports API's figures endpoint: the ops manager may read them, nobody else here. Errors
 * have the body of Backstage's error handler.
 */
const fakeReports = (asked: unknown[]) =>
  createBackendPlugin({
    pluginId: 'reports',
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ http, httpAuth }) {
          http.use(async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
            });
            const user = credentials.principal.userEntityRef;
            asked.push({ path: req.path, query: req.query, user });
            if (user !== OPS_MANAGER) {
              res.status(403).json({
                error: {
                  name: 'NotAllowedError',
                  message: 'reports.report.read is not allowed',
                },
                response: { statusCode: 403 },
              });
            } else if (req.query.from === 'bad') {
              res.status(400).json({
                error: {
                  name: 'InputError',
                  message: 'query.from: a date as YYYY-MM-DD',
                },
                response: { statusCode: 400 },
              });
            } else {
              res.json(
                reportFigures(
                  'week',
                  { from: String(req.query.from), to: String(req.query.to) },
                  { from: '2026-11-16', to: '2026-11-22' },
                  { current: 37, previous: 29 },
                ),
              );
            }
          });
        },
      });
    },
  });

describe('reportFiguresOverHttp', () => {
  const asked: unknown[] = [];
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let figures: ReturnType<typeof reportFiguresOverHttp>;

  beforeAll(async () => {
    backend = await startTestBackend({ features: [fakeReports(asked)] });
    const { port } = backend.server.address() as AddressInfo;
    figures = reportFiguresOverHttp({
      auth: mockServices.auth.mock({
        getPluginRequestToken: async ({ onBehalfOf, targetPluginId }) => ({
          token: mockCredentials.service.token({ onBehalfOf, targetPluginId }),
        }),
      }),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async id => `http://localhost:${port}/api/${id}`,
      }),
    });
  });
  afterAll(() => backend.stop());
  beforeEach(() => asked.splice(0));

  it('asks the figures of the period as the caller', async () => {
    const answer = await figures.figures(
      { kind: 'week', from: '2026-11-23', to: '2026-11-29' },
      mockCredentials.user(OPS_MANAGER),
    );
    expect(answer.current.tickets.services.total).toBe(37);
    expect(asked).toEqual([
      {
        path: '/figures',
        query: { kind: 'week', from: '2026-11-23', to: '2026-11-29' },
        user: OPS_MANAGER,
      },
    ]);
  });

  it('passes on the reports API’s refusal as the caller’s', async () => {
    const refusal = await figures
      .figures(
        { kind: 'week', from: '2026-11-23', to: '2026-11-29' },
        mockCredentials.user('user:default/wangqiang'),
      )
      .then(
        () => new Error('answered'),
        (e: Error) => e,
      );
    expect([refusal.name, refusal.message]).toEqual([
      'NotAllowedError',
      'reports: reports.report.read is not allowed',
    ]);
    const badPeriod = await figures
      .figures(
        { kind: 'week', from: 'bad', to: '2026-11-29' },
        mockCredentials.user(OPS_MANAGER),
      )
      .then(
        () => new Error('answered'),
        (e: Error) => e,
      );
    expect([badPeriod.name, badPeriod.message]).toEqual([
      'InputError',
      'reports: query.from: a date as YYYY-MM-DD',
    ]);
  });
});
