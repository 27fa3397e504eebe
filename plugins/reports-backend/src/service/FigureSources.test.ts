import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import Router from 'express-promise-router';
import { FigureSources, figureSourcesServiceRef } from './FigureSources';
import { INSPECTIONS, KB, SPARES } from '../__testUtils__/fixtures';

interface Heard {
  family: string;
  subject: string;
  query: Record<string, unknown>;
}

/** A family backend answering `/figures` to plugins only, recording who asked what. */
function familyPlugin(family: string, answer: unknown, heard: Heard[]) {
  return createBackendPlugin({
    pluginId: family,
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/figures', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            heard.push({
              family,
              subject: credentials.principal.subject,
              query: { ...req.query },
            });
            if (req.query.from === '1999-01-01') {
              res
                .status(400)
                .json({ error: { message: 'query.from: too old' } });
              return;
            }
            res.json(answer);
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

/** Exposes the plugin's figure sources to the test. */
function probePlugin(got: (sources: FigureSources) => void) {
  return createBackendPlugin({
    pluginId: 'reports',
    register(env) {
      env.registerInit({
        deps: { sources: figureSourcesServiceRef },
        async init({ sources }) {
          got(sources);
        },
      });
    },
  });
}

describe('HttpFigureSources', () => {
  it("calls each family's /figures with the period, the system and the reports plugin's own credentials (the tickets' figures alone with facts=none)", async () => {
    const heard: Heard[] = [];
    let sources: FigureSources | undefined;
    const tickets = { period: {}, figures: {}, tickets: [], changes: [] };
    const backend = await startTestBackend({
      features: [
        familyPlugin('tickets', tickets, heard),
        familyPlugin('inspections', INSPECTIONS, heard),
        familyPlugin('kb', KB, heard),
        familyPlugin('spares', SPARES, heard),
        probePlugin(s => {
          sources = s;
        }),
      ],
    });
    try {
      const period = { from: '2026-11-01', to: '2026-11-30' };
      expect(await sources!.tickets(period, 'system:default/network')).toEqual(
        tickets,
      );
      expect(await sources!.ticketFigures(period)).toEqual(tickets);
      expect(await sources!.inspections(period)).toEqual(INSPECTIONS);
      expect(await sources!.kb(period)).toEqual(KB);
      expect(await sources!.spares(period)).toEqual(SPARES);
      expect(heard).toEqual([
        {
          family: 'tickets',
          subject: 'plugin:reports',
          query: { ...period, system: 'system:default/network' },
        },
        {
          family: 'tickets',
          subject: 'plugin:reports',
          query: { ...period, facts: 'none' },
        },
        { family: 'inspections', subject: 'plugin:reports', query: period },
        { family: 'kb', subject: 'plugin:reports', query: period },
        { family: 'spares', subject: 'plugin:reports', query: period },
      ]);

      await expect(
        sources!.kb({ from: '1999-01-01', to: '1999-01-31' }),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          'the kb figures of 1999-01-01..1999-01-31 are not available (400: ',
        ),
      });
    } finally {
      await backend.stop();
    }
  });

  it('finds no spares figures (no data, not an error) in a portal without the spares plugin; a spares error is still an error', async () => {
    const heard: Heard[] = [];
    let sources: FigureSources | undefined;
    const backend = await startTestBackend({
      features: [
        familyPlugin('kb', KB, heard),
        probePlugin(s => {
          sources = s;
        }),
      ],
    });
    try {
      expect(
        await sources!.spares({ from: '2026-11-01', to: '2026-11-30' }),
      ).toBeUndefined();
    } finally {
      await backend.stop();
    }
    const withSpares = await startTestBackend({
      features: [
        familyPlugin('spares', SPARES, heard),
        probePlugin(s => {
          sources = s;
        }),
      ],
    });
    try {
      await expect(
        sources!.spares({ from: '1999-01-01', to: '1999-01-31' }),
      ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
    } finally {
      await withSpares.stop();
    }
  });
});
