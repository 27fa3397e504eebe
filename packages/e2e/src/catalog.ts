// The example court's systems and devices, read from catalog/ as the catalog reads them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './portal.ts';

export interface CatalogEntity {
  kind: string;
  metadata: { name: string; title?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

export function exampleCourt(): CatalogEntity[] {
  const dir = join(repoRoot, 'catalog');
  const files = ['systems.yaml', ...readdirSync(join(dir, 'devices')).map(f => join('devices', f))];
  return files.flatMap(file =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(d => d.toJSON() as CatalogEntity),
  );
}
