/**
 * Where a backend's CPU went while it did one thing: reads a V8 CPU profile (`node --cpu-prof`,
 * e.g. `NODE_OPTIONS="--cpu-prof --cpu-prof-dir=DIR" yarn bench:tickets ...`), keeps the samples
 * between the first and the last one whose stack holds `--during` (default: the ticket service's
 * `create`, i.e. the bench's create load; `name@path` is a function of that name in a file whose
 * path holds `path`), and prints the time by package and by function,
 * self time and inclusive (a function's whole stack below it).
 *
 *   yarn tsx scripts/bench/profile.ts FILE.cpuprofile [--during create@plugin-tickets-backend] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { arg } from './lib';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  throw new Error('usage: profile.ts FILE.cpuprofile [--during NAME]');
}
const during = arg('during') ?? 'create@plugin-tickets-backend';
const top = Number(arg('top') ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map(node => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}
const stackOf = (id: number) => {
  const stack: ProfileNode[] = [];
  for (
    let at: number | undefined = id;
    at !== undefined;
    at = parentOf.get(at)
  ) {
    stack.push(byId.get(at)!);
  }
  return stack;
};

// Sample i's duration is the delta to the next sample.
const times: number[] = [];
let clock = 0;
for (const delta of profile.timeDeltas) times.push((clock += delta));
// `name@package`: a function of that name in a file under that package's path.
const [duringName, duringPackage = ''] = during.split('@');
const inWindow = profile.samples.map(id =>
  stackOf(id).some(
    ({ callFrame }) =>
      callFrame.functionName === duringName &&
      callFrame.url.includes(duringPackage),
  ),
);
const first = inWindow.indexOf(true);
const last = inWindow.lastIndexOf(true);
if (first < 0) throw new Error(`no sample has ${during} on its stack`);

/** A frame's package: node_modules/<pkg>, a workspace package, node's own, or V8's. */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const workspace = /\/(plugins|packages)\/([^/]+)\//.exec(url);
  return workspace ? `${workspace[1]}/${workspace[2]}` : url;
}

const self = new Map<string, number>();
const selfByPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
for (let i = first; i <= last; i++) {
  const ms = (times[i + 1] ?? times[i]) - times[i];
  const stack = stackOf(profile.samples[i]);
  const leaf = stack[0].callFrame;
  total += ms / 1000;
  if (leaf.functionName === '(idle)') {
    idle += ms / 1000;
    continue;
  }
  const name = (frame: ProfileNode['callFrame']) =>
    `${frame.functionName || '(anonymous)'} ${packageOf(
      frame.url,
      frame.functionName,
    )}:${frame.lineNumber + 1}`;
  const add = (into: Map<string, number>, key: string) =>
    into.set(key, (into.get(key) ?? 0) + ms / 1000);
  add(self, name(leaf));
  add(selfByPackage, packageOf(leaf.url, leaf.functionName));
  for (const key of new Set(stack.map(node => name(node.callFrame)))) {
    add(inclusive, key);
  }
}

const busy = total - idle;
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busy)
        .toFixed(1)
        .padStart(5)} %  ${key}`,
    );
  }
};
console.log(
  `${file}: ${(total / 1000).toFixed(
    1,
  )} s with ${during} on the stack from first to last sample; busy ${(
    busy / 1000
  ).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %), idle ${(
    idle / 1000
  ).toFixed(1)} s`,
);
print('self time by package', selfByPackage);
print('self time by function', self);
print('inclusive time by function', inclusive);
