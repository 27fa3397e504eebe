#!/usr/bin/env node
// Sets every @backstage/* dependency in every workspace package.json to the registry's current
// `latest`, so the whole repo sits on one Backstage release. `backstage-cli versions:bump` would do
// this, but its release-manifest host is not reachable from the court's build machines.
//
//   node scripts/align-backstage-versions.mjs          # rewrite package.json files
//   node scripts/align-backstage-versions.mjs --check  # list what would change, exit 1 if anything
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const manifests = ['package.json'];
for (const dir of ['packages', 'plugins']) {
  if (!existsSync(join(root, dir))) continue;
  for (const name of readdirSync(join(root, dir))) {
    const file = join(dir, name, 'package.json');
    if (existsSync(join(root, file))) manifests.push(file);
  }
}

const latest = new Map();
function latestOf(pkg) {
  if (!latest.has(pkg)) {
    const v = execFileSync('npm', ['view', pkg, 'dist-tags.latest'], { encoding: 'utf8' }).trim();
    latest.set(pkg, v);
  }
  return latest.get(pkg);
}

let changes = 0;
for (const file of manifests) {
  const json = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const [pkg, range] of Object.entries(json[field] ?? {})) {
      if (!pkg.startsWith('@backstage/') || range.startsWith('workspace:')) continue;
      const wanted = `^${latestOf(pkg)}`;
      if (range !== wanted) {
        changes++;
        console.log(`${file}: ${pkg} ${range} -> ${wanted}`);
        json[field][pkg] = wanted;
      }
    }
  }
  if (!check) writeFileSync(join(root, file), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`${changes} change(s)`);
if (check && changes > 0) process.exit(1);
