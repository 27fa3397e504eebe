/**
 * The example court's catalog as the seeded tickets see it: the devices
 * (catalog/devices/*.yaml), the systems (catalog/systems.yaml) and the people
 * in each group (catalog/org.yaml), read from the same files the backend
 * ingests, so every seeded entity ref and user ref exists in the catalog.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface Device {
  /** resource:default/core-switch-01 */
  readonly ref: string;
  readonly title: string;
  /** spec.type, e.g. courtroom-camera */
  readonly deviceType: string;
  /** system:default/network */
  readonly systemRef: string;
}

export interface CourtCatalog {
  readonly devices: readonly Device[];
  readonly systems: readonly { ref: string; title: string }[];
  /** user refs by group name (direct members only) */
  readonly members: Readonly<Record<string, readonly string[]>>;
  /** Resources the backend should list once the catalog has ingested them. */
  readonly resourceCount: number;
}

interface RawEntity {
  kind: string;
  metadata: { name: string; title?: string; namespace?: string };
  spec?: { type?: string; system?: string; memberOf?: string[] };
}

function entities(file: string): RawEntity[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON() as RawEntity | null)
    .filter((e): e is RawEntity => !!e && typeof e.kind === 'string');
}

export function readCourtCatalog(repoRoot: string): CourtCatalog {
  const dir = join(repoRoot, 'catalog');
  const deviceFiles = readdirSync(join(dir, 'devices'))
    .filter(f => f.endsWith('.yaml'))
    .sort();
  const devices: Device[] = [];
  for (const file of deviceFiles) {
    for (const e of entities(join(dir, 'devices', file))) {
      if (e.kind !== 'Resource' || !e.spec?.system) continue;
      devices.push({
        ref: `resource:default/${e.metadata.name}`,
        title: e.metadata.title ?? e.metadata.name,
        deviceType: e.spec.type ?? 'device',
        systemRef: `system:default/${e.spec.system}`,
      });
    }
  }
  const systems = entities(join(dir, 'systems.yaml'))
    .filter(e => e.kind === 'System')
    .map(e => ({
      ref: `system:default/${e.metadata.name}`,
      title: e.metadata.title ?? e.metadata.name,
    }));
  const members: Record<string, string[]> = {};
  for (const e of entities(join(dir, 'org.yaml'))) {
    if (e.kind !== 'User') continue;
    for (const group of e.spec?.memberOf ?? []) {
      (members[group] ??= []).push(`user:default/${e.metadata.name}`);
    }
  }
  if (devices.length === 0 || systems.length === 0) {
    throw new Error(`no devices or systems found under ${dir}`);
  }
  return { devices, systems, members, resourceCount: devices.length };
}
