/**
 * Starts the backend alone in its own process group, with extra `--config` overlays; signs in
 * through the example-users provider as packages/e2e/src/portal.ts does; reads the group's
 * memory. Three runtimes:
 *
 * - `production` (the default): `bash scripts/start.sh`, the built backend with
 *   NODE_ENV=production, as the court runs it. start.sh builds first when a source changed
 *   (about two minutes), and execs node in place, so the child's pid is the backend's.
 * - `development`: the very process `backstage-cli package start` would spawn (same node,
 *   `--enable-source-maps --require @backstage/cli-node/config/nodeTransform.cjs src/index`,
 *   NODE_ENV development, ESBK_TSCONFIG_PATH), without the CLI's file watcher, which on a
 *   checkout others are editing restarts the backend whenever someone saves a file. It
 *   transpiles sources as it loads them and keeps their source maps: a few hundred MB more
 *   resident memory, and slower to start.
 * - `watch`: through `backstage-cli package start` itself.
 *
 * Every runtime gets PORT, COURT_OPS_DATA_DIR and --no-node-snapshot, as start.sh sets them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { arg } from '../lib';

/** See the top of this file. */
export type Runtime = 'production' | 'development' | 'watch';

/** `--runtime production|development|watch` (default production). */
export function runtimeArg(): Runtime {
  const runtime = arg('runtime') ?? 'production';
  if (
    runtime !== 'production' &&
    runtime !== 'development' &&
    runtime !== 'watch'
  ) {
    throw new Error(
      `--runtime must be production, development or watch, not ${runtime}`,
    );
  }
  return runtime;
}

export interface Backend {
  readonly baseUrl: string;
  readonly pid: number;
  readonly logFile: string;
  /**
   * How many times the backend has started: `backstage-cli package start`
   * restarts it when a watched source or config file changes, which on a
   * shared checkout happens whenever someone else saves a file.
   */
  generation(): number;
  /** Resolves once the backend (after a restart, too) is up and the catalog in. */
  waitReady(): Promise<void>;
  stop(): Promise<void>;
}

/** Counts start markers in the backend's log, reading only what is new. */
class LogWatcher {
  private offset = 0;
  private rest = '';
  started = 0;
  completed = 0;

  constructor(private readonly file: string) {
    // Only what this start writes: an earlier attempt may share the file.
    this.offset = statSync(file).size;
  }

  scan(): this {
    const fd = openSync(this.file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.offset) {
        const buffer = Buffer.alloc(size - this.offset);
        readSync(fd, buffer, 0, buffer.length, this.offset);
        this.offset = size;
        const text = this.rest + buffer.toString('utf8');
        const cut = text.lastIndexOf('\n');
        this.rest = text.slice(cut + 1);
        const lines = text.slice(0, cut + 1);
        this.started += occurrences(lines, 'Plugin initialization started');
        this.completed += occurrences(lines, 'Plugin initialization complete');
      }
    } finally {
      closeSync(fd);
    }
    return this;
  }
}

function occurrences(text: string, what: string): number {
  let n = 0;
  for (let i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
  return n;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The command under `nice`, which execs it in place (same pid), at `nice`
 * whatever the bench's own (inherited) niceness is.
 */
function niced(
  nice: number | undefined,
  command: string,
  args: string[],
): [string, string[]] {
  const adjust = nice === undefined ? 0 : nice - getPriority();
  return adjust === 0
    ? [command, args]
    : ['nice', ['-n', String(adjust), command, ...args]];
}

export async function startBackend(options: {
  repoRoot: string;
  dataDir: string;
  configs: readonly string[];
  logFile: string;
  /** Resources the catalog must list before the backend counts as ready. */
  resources: number;
  /** How the backend runs (see the top of this file); production by default. */
  runtime?: Runtime;
  /** A nice value for the backend and every thread it starts (e.g. -10). */
  nice?: number;
}): Promise<Backend> {
  const port = await freePort();
  const out = openSync(options.logFile, 'a');
  const watcher = new LogWatcher(options.logFile);
  const env = {
    ...process.env,
    PORT: String(port),
    COURT_OPS_DATA_DIR: options.dataDir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-node-snapshot`,
  };
  const configArgs = options.configs.flatMap(c => ['--config', c]);
  const runtime = options.runtime ?? 'production';
  const spawnOptions = {
    cwd: join(options.repoRoot, 'packages/backend'),
    detached: true, // own process group: stop() ends the backend and anything it started
    // Straight to a file: the backend logs every request, and the bench must not spend its
    // own CPU reading that.
    stdio: ['ignore', out, out] as ['ignore', number, number],
  };
  const child: ChildProcess =
    runtime === 'production'
      ? spawn(
          ...niced(options.nice, 'bash', [
            join(options.repoRoot, 'scripts/start.sh'),
            ...configArgs,
          ]),
          { ...spawnOptions, env },
        )
      : runtime === 'watch'
      ? spawn(
          ...niced(
            options.nice,
            join(options.repoRoot, 'node_modules/.bin/backstage-cli'),
            ['package', 'start', ...configArgs],
          ),
          { ...spawnOptions, env },
        )
      : spawn(
          ...niced(options.nice, process.execPath, [
            '--enable-source-maps',
            '--require',
            join(
              options.repoRoot,
              'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
            ),
            'src/index',
            ...configArgs,
          ]),
          {
            ...spawnOptions,
            env: {
              ...env,
              NODE_ENV: process.env.NODE_ENV ?? 'development',
              ESBK_TSCONFIG_PATH: join(options.repoRoot, 'tsconfig.json'),
            },
          },
        );
  closeSync(out);
  let exited: number | null | undefined;
  child.once('exit', code => {
    exited = code;
  });
  const baseUrl = `http://localhost:${port}`;
  const tail = () => readFileSync(options.logFile, 'utf8').slice(-3000);
  const waitReady = async () => {
    // start.sh builds first when a source changed: a few minutes more.
    const limitS = runtime === 'production' ? 900 : 300;
    const deadline = Date.now() + limitS * 1000;
    for (;;) {
      watcher.scan();
      if (watcher.completed > 0 && watcher.completed >= watcher.started) break;
      if (exited !== undefined) {
        throw new Error(`backend exited with ${exited}:\n${tail()}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`backend did not start in ${limitS} s:\n${tail()}`);
      }
      await sleep(250);
    }
    await waitForCatalog(baseUrl, options.resources);
  };
  const backend: Backend = {
    baseUrl,
    pid: child.pid!,
    logFile: options.logFile,
    generation: () => watcher.scan().started,
    waitReady,
    async stop() {
      if (exited !== undefined) return;
      const gone = new Promise(r => child.once('exit', r));
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000);
      await gone;
      clearTimeout(timer);
      // The group may outlive the CLI by a moment.
      for (let i = 0; i < 50 && groupPids(child.pid!).length > 0; i++) {
        await sleep(100);
      }
    },
  };
  try {
    await waitReady();
  } catch (error) {
    await backend.stop();
    throw error;
  }
  return backend;
}

/**
 * Resolves once the backend's log, since its last start, has a line holding each of `texts`.
 * The search indexes are first built 5 and 15 s after start (app-config.yaml), each blocking the
 * backend's thread for 100-300 ms: a bench that times requests right after start waits for them,
 * or they fall into its first requests.
 */
export async function waitForLog(
  backend: Backend,
  texts: readonly string[],
  limitS = 120,
): Promise<void> {
  const deadline = Date.now() + limitS * 1000;
  for (;;) {
    const log = readFileSync(backend.logFile, 'utf8');
    const sinceStart = log.slice(
      log.lastIndexOf('Plugin initialization started'),
    );
    if (texts.every(text => sinceStart.includes(text))) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the backend's log has no ${texts.join(' / ')} after ${limitS} s`,
      );
    }
    await sleep(250);
  }
}

/** The lines the search plugin logs when the start's first indexing is done. */
export const FIRST_SEARCH_INDEXING = [
  'Collating documents for software-catalog succeeded',
  'Collating documents for kb-article succeeded',
];

/** Signs in through the example-users provider, as the sign-in page does. */
export async function signIn(
  baseUrl: string,
  userName: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/example-users/refresh`, {
    headers: { 'x-court-ops-example-user': userName },
  });
  if (!res.ok) {
    throw new Error(
      `sign-in as ${userName} failed: ${res.status} ${await res.text()}`,
    );
  }
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/**
 * The catalog ingests catalog/all.yaml after start; users, their groups
 * (hence their roles) and every device must be in before the bench signs in.
 */
async function waitForCatalog(baseUrl: string, resources: number) {
  let last = '';
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      const token = await signIn(baseUrl, 'lina');
      const res = await fetch(
        `${baseUrl}/api/catalog/entity-facets?facet=kind`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = (await res.json()) as {
        facets: { kind: { value: string; count: number }[] };
      };
      const count = (kind: string) =>
        body.facets?.kind?.find(f => f.value.toLowerCase() === kind)?.count ??
        0;
      last = JSON.stringify(body.facets?.kind);
      if (
        count('resource') >= resources &&
        count('system') >= 9 &&
        count('user') > 0
      ) {
        return;
      }
    } catch (error) {
      last = String(error);
    }
    await sleep(1000);
  }
  throw new Error(`the example court did not appear in the catalog: ${last}`);
}

function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...; comm may hold spaces, so cut after ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

export interface Memory {
  /** The backend process itself: the group's largest. */
  readonly backendRssMb: number;
  readonly backendPeakMb: number;
  /** Every process of the group: the backend, and start.sh's log relay or backstage-cli's watcher. */
  readonly groupRssMb: number;
}

export function memoryOf(backend: Backend): Memory {
  let backendRss = 0;
  let backendPeak = 0;
  let group = 0;
  for (const pid of groupPids(backend.pid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string) =>
        Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      group += kb('VmRSS');
      if (kb('VmRSS') > backendRss) {
        backendRss = kb('VmRSS');
        backendPeak = kb('VmHWM');
      }
    } catch {
      // ended meanwhile
    }
  }
  return {
    backendRssMb: backendRss / 1024,
    backendPeakMb: backendPeak / 1024,
    groupRssMb: group / 1024,
  };
}
