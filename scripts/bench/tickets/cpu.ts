/**
 * Who used the machine's CPU during a measurement: the backend's process
 * group, the PostgreSQL processes serving the bench's databases, this bench
 * (autocannon runs in it), and everything else
 * (on a shared 2-core box, other people's builds and tests). Shares are in
 * cores: 1.0 is one core busy for the whole window.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { PG_PREFIX } from './seed';

const TICKS = 100; // USER_HZ on Linux

interface Sample {
  at: number;
  busy: number;
  backend: number;
  postgres: number;
  self: number;
}

function procTicks(
  filter: (pgrp: number, comm: string, pid: string) => boolean,
): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is state: pgrp is field 5 of stat, utime 14, stime 15.
      if (filter(Number(fields[2]), comm, entry)) {
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    } catch {
      // ended meanwhile
    }
  }
  return ticks;
}

function machineBusyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [, user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .map(Number);
  return user + nice + system + irq + softirq + steal;
}

/** `backendPgids`: the backend's process group, or each replica's. */
export function cpuSample(
  backendPgids: readonly number[],
  prefix = PG_PREFIX,
): Sample {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    busy: machineBusyTicks(),
    backend: backendPgids.length
      ? procTicks(pgrp => backendPgids.includes(pgrp))
      : 0,
    // Only the server processes serving this bench's databases: others'
    // tests and benches use the same PostgreSQL.
    postgres: procTicks(
      (_pgrp, comm, pid) =>
        comm === 'postgres' &&
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(prefix),
    ),
    self: ((usage.user + usage.system) / 1e6) * TICKS,
  };
}

export interface CpuShare {
  /** in cores */
  readonly backend: number;
  readonly postgres: number;
  readonly bench: number;
  readonly others: number;
}

export function cpuShare(before: Sample, after: Sample): CpuShare {
  const seconds = (after.at - before.at) / 1000;
  const cores = (ticks: number) => Math.max(0, ticks / TICKS / seconds);
  const backend = after.backend - before.backend;
  const postgres = after.postgres - before.postgres;
  const self = after.self - before.self;
  return {
    backend: cores(backend),
    postgres: cores(postgres),
    bench: cores(self),
    others: cores(after.busy - before.busy - backend - postgres - self),
  };
}

/**
 * Waits (up to `maxMs`) until other processes have used less than
 * `threshold` cores for two seconds, so a measurement does not share the
 * machine with someone's build. Returns the load it last saw.
 */
export async function waitForQuiet(
  backendPgids: readonly number[],
  maxMs = 45_000,
  threshold = 0.25,
): Promise<{ others: number; waitedMs: number }> {
  const started = performance.now();
  let others = Infinity;
  while (performance.now() - started < maxMs) {
    const before = cpuSample(backendPgids);
    await new Promise(r => setTimeout(r, 2000));
    others = cpuShare(before, cpuSample(backendPgids)).others;
    if (others < threshold) break;
  }
  return { others, waitedMs: performance.now() - started };
}

/**
 * Gives the PostgreSQL server processes serving this bench's databases the
 * backend's priority (they are forked per connection, at the server's).
 */
export function prioritisePostgres(nice: number, prefix = PG_PREFIX): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres:') && cmd.includes(prefix)) {
        setPriority(Number(entry), nice);
      }
    } catch {
      // ended meanwhile, or not ours to change
    }
  }
}
