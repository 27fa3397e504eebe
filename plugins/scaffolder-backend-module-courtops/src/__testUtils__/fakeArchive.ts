import {
  coreServices,
  createBackendPlugin,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import type { IncomingMessage } from 'node:http';

type Handler = Parameters<HttpRouterService['use']>[0];

/** A request the fake archive answered: its path, body and the user it was made as. */
export interface ArchiveCall {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly user?: string;
}

export const OPS_MANAGER = 'user:default/zhaomin';
/** The last quarter that has ended at the court backend's instant (2026-03-03). */
export const LAST_ENDED = { year: 2025, quarter: 4 };

async function jsonOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/**
 * The archive backend as the templates see it, keeping to its contract (issue 14): only the ops
 * manager compiles, a quarter must have ended, compiling a quarter again adds a version, one
 * request key never adds two. `failAfterNext()` makes it do the next compile and then answer 500,
 * as if the answer were lost: the retried task must not compile a second version.
 */
export function fakeArchive() {
  const calls: ArchiveCall[] = [];
  /** Versions per quarter, each with the request key that made it. */
  const volumes = new Map<string, string[]>();
  const drafts = new Map<string, string>();
  let failAfterNext = false;

  const handler: Handler = async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.status(status).json(body);
    };
    const user = (res.locals as { user?: string }).user;
    const body = await jsonOf(req);
    calls.push({ path: req.path, body, user });
    if (user !== OPS_MANAGER) {
      send(403, {
        error: {
          name: 'NotAllowedError',
          message: 'archive.volume.compile is not allowed',
        },
      });
      return;
    }
    if (req.method === 'POST' && req.path === '/volumes') {
      const { year, quarter, requestKey } = body as {
        year: number;
        quarter: number;
        requestKey: string;
      };
      if (year * 10 + quarter > LAST_ENDED.year * 10 + LAST_ENDED.quarter) {
        send(400, {
          error: {
            name: 'InputError',
            message: `body.quarter: ${year}-Q${quarter} has not ended`,
          },
        });
        return;
      }
      const key = `${year}-Q${quarter}`;
      const versions = volumes.get(key) ?? [];
      if (!versions.includes(requestKey)) versions.push(requestKey);
      volumes.set(key, versions);
      if (failAfterNext) {
        failAfterNext = false;
        send(500, { error: { name: 'Error', message: 'the answer was lost' } });
        return;
      }
      send(201, {
        documentId: `volume-${key}`,
        number: `BG-${year + 1}-0001`,
        version: versions.indexOf(requestKey) + 1,
        pages: 120,
        bytes: 1_000_000,
        sha256: '0'.repeat(64),
        url: `/archive/documents/volume-${key}`,
      });
      return;
    }
    if (req.method === 'POST' && req.path === '/drafts') {
      const requestKey = String(body.requestKey);
      const id = drafts.get(requestKey) ?? `draft-${drafts.size + 1}`;
      drafts.set(requestKey, id);
      send(201, {
        id,
        number: `BG-2026-${String(100 + drafts.size)}`,
        title: `${body.kind} ${body.from} 至 ${body.to}`,
        versions: [{ version: 1, kind: 'docx' }],
      });
      return;
    }
    send(404, { error: { name: 'NotFoundError', message: req.path } });
  };

  const plugin = createBackendPlugin({
    pluginId: 'archive',
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ http, httpAuth }) {
          http.use(async (req, res, next) => {
            try {
              const credentials = await httpAuth.credentials(req, {
                allow: ['user'],
              });
              res.locals.user = credentials.principal.userEntityRef;
            } catch {
              // Left unset: the fake answers 403.
            }
            await handler(req, res, next);
          });
        },
      });
    },
  });

  return {
    plugin,
    calls,
    /** How many versions each quarter's volume has. */
    versionsOf: (year: number, quarter: number) =>
      volumes.get(`${year}-Q${quarter}`)?.length ?? 0,
    draftCount: () => drafts.size,
    failAfterNext() {
      failAfterNext = true;
    },
  };
}
