// The example court's systems, devices and people, read from catalog/ as the catalog reads them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Not portal.ts's repoRoot: portal.ts imports this file.
const dir = resolve(import.meta.dirname, '../../../catalog');

export interface CatalogEntity {
  kind: string;
  metadata: {
    name: string;
    title?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

function entitiesIn(files: string[]): CatalogEntity[] {
  return files.flatMap(file =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(
      d => d.toJSON() as CatalogEntity,
    ),
  );
}

export function exampleCourt(): CatalogEntity[] {
  return entitiesIn([
    'systems.yaml',
    ...readdirSync(join(dir, 'devices')).map(f => join('devices', f)),
  ]);
}

/** How many systems, groups and users the example court has, by the catalog's lower-case kind. */
export function exampleCourtCounts(): Record<
  'system' | 'group' | 'user',
  number
> {
  const entities = entitiesIn(['systems.yaml', 'org.yaml']);
  const count = (kind: string) => entities.filter(e => e.kind === kind).length;
  return {
    system: count('System'),
    group: count('Group'),
    user: count('User'),
  };
}
