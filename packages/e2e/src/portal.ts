// Starts the portal exactly as the README's start command does (scripts/start.sh) on a free port
// with its own data folder, and stops it again. Shared by the browser and restart tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exampleCourtCounts } from './catalog.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface RunningPortal {
  baseUrl: string;
  dataDir: string;
  /**
   * Sends SIGTERM, as a service manager does, and resolves once the portal has exited: to how
   * long that took and the exit code (nothing for a portal this test did not start).
   */
  stop(): Promise<{ ms: number; code: number | null } | void>;
  /** SIGKILL to the portal's whole process group, as a crash or the OOM killer would; resolves once it is gone. */
  kill(): Promise<void>;
  /** What the portal has printed so far (nothing for a portal this test did not start). */
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolvePort(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'court-ops-data-'));
}

/**
 * A portal for a browser test: the one at COURT_OPS_E2E_URL when set (while
 * working on a test against a portal already running, started with the same
 * `options`), else a fresh one.
 */
export async function portalForTest(
  options: PortalOptions = {},
): Promise<RunningPortal> {
  const url = process.env.COURT_OPS_E2E_URL;
  if (url) {
    const none = async () => {};
    return {
      baseUrl: url.replace(/\/$/, ''),
      dataDir: '',
      stop: none,
      kill: none,
      output: () => '',
    };
  }
  return startPortal(newDataDir(), options);
}

export interface PortalOptions {
  /** Config files read after app-config.yaml (`start.sh --config`). */
  configs?: string[];
  env?: NodeJS.ProcessEnv;
}

export async function startPortal(
  dataDir = newDataDir(),
  { configs = [], env = {} }: PortalOptions = {},
): Promise<RunningPortal> {
  const port = await freePort();
  const args = configs.flatMap(file => ['--config', file]);
  const child: ChildProcess = spawn(
    'bash',
    [join(repoRoot, 'scripts/start.sh'), ...args],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        COURT_OPS_DATA_DIR: dataDir,
      },
      detached: true, // own process group, so stop() ends the backend and its watchers
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`portal did not start in 300 s:\n${output.slice(-3000)}`),
        ),
      300_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Court Ops Portal is ready')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`portal exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  await ready;
  const baseUrl = `http://localhost:${port}`;
  await waitForCatalog(baseUrl);
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return; // killed, or it died
      const exited = new Promise<number | null>(r =>
        child.once('exit', code => r(code)),
      );
      const signalled = performance.now();
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const timeout = setTimeout(
        () => process.kill(-child.pid!, 'SIGKILL'),
        15_000,
      );
      const code = await exited;
      clearTimeout(timeout);
      return { ms: performance.now() - signalled, code };
    },
    async kill() {
      const exited = new Promise<void>(r => child.once('exit', () => r()));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** Signs in through the example-users provider, as the sign-in page does, and returns a token. */
export async function signIn(
  baseUrl: string,
  userName: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/example-users/refresh`, {
    headers: { 'x-court-ops-example-user': userName },
  });
  if (!res.ok)
    throw new Error(
      `sign-in as ${userName} failed: ${res.status} ${await res.text()}`,
    );
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/**
 * The catalog processes its locations after start, an entity at a time; wait until the example
 * court's every system, group and user is in, so a page that lists people sees them all.
 */
async function waitForCatalog(baseUrl: string): Promise<void> {
  const token = await signInWhenReady(baseUrl);
  const expected = exampleCourtCounts();
  let seen: Record<string, number> = {};
  for (let attempt = 0; attempt < 120; attempt++) {
    seen = {};
    for (const kind of Object.keys(expected)) {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      seen[kind] = res.ok
        ? ((await res.json()) as { totalItems: number }).totalItems
        : 0;
    }
    if (Object.entries(expected).every(([kind, count]) => seen[kind] >= count))
      return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the example court did not appear in the catalog: expected ${JSON.stringify(
      expected,
    )}, saw ${JSON.stringify(seen)}`,
  );
}

async function signInWhenReady(baseUrl: string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      return await signIn(baseUrl, 'wangqiang');
    } catch (error) {
      lastError = error; // users appear once the catalog has processed org.yaml
      await new Promise(r => setTimeout(r, 1000));
    }
  }
  throw lastError;
}

/** Waits until the catalog has processed `entityRef` (`kind:namespace/name`), e.g. a device the test files on. */
export async function waitForEntity(
  baseUrl: string,
  entityRef: string,
): Promise<void> {
  const token = await signInWhenReady(baseUrl);
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  for (let attempt = 0; attempt < 120; attempt++) {
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (res.ok) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${entityRef} did not appear in the catalog`);
}
