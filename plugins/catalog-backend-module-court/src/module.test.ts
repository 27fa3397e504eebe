import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin, { CATALOG_ERRORS_TOPIC } from '@backstage/plugin-catalog-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import catalogModuleCourt from './index';

jest.setTimeout(60_000);

const repoRoot = resolve(__dirname, '../../..');
// The register under test is the one the portal ships with.
const appConfig = parse(readFileSync(resolve(repoRoot, 'app-config.yaml'), 'utf8'));

interface CatalogError {
  entity: string;
  message: string;
}

async function startCatalog(locationFile: string) {
  const errors: CatalogError[] = [];
  const errorCollector = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-collector',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-error-collector',
            topics: [CATALOG_ERRORS_TOPIC],
            async onEvent({ eventPayload }) {
              const payload = eventPayload as { entity: string; errors: Error[] };
              for (const error of payload.errors) {
                errors.push({ entity: payload.entity, message: error.message });
              }
            },
          });
        },
      });
    },
  });

  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleCourt,
      errorCollector,
      mockServices.rootConfig.factory({
        data: {
          courtOps: appConfig.courtOps,
          catalog: {
            rules: [{ allow: ['Domain', 'System', 'Component', 'Resource', 'Group', 'User', 'Location', 'Template'] }],
            locations: [{ type: 'file', target: locationFile }],
          },
        },
      }),
    ],
  });

  const listEntities = async (): Promise<Entity[]> => {
    const res = await request(server).get('/api/catalog/entities');
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Processing is asynchronous: wait until the entity count holds still. */
  const settle = async (expectedAtLeast: number) => {
    let previous = -1;
    for (let attempt = 0; attempt < 100; attempt++) {
      const entities = await listEntities();
      if (entities.length >= expectedAtLeast && entities.length === previous) return entities;
      previous = entities.length;
      await new Promise(r => setTimeout(r, 300));
    }
    return listEntities();
  };

  return { errors, settle };
}

describe('catalogModuleCourt', () => {
  it('ingests every entity of the example court with no processing errors', async () => {
    const catalogDir = resolve(repoRoot, 'catalog');
    const root = parse(readFileSync(resolve(catalogDir, 'all.yaml'), 'utf8'));
    const documents: Entity[] = [root];
    for (const target of root.spec.targets as string[]) {
      const text = readFileSync(resolve(catalogDir, target), 'utf8');
      documents.push(...parseAllDocuments(text).map(d => d.toJSON()));
    }

    const { errors, settle } = await startCatalog(resolve(catalogDir, 'all.yaml'));
    // +1: the catalog adds its own Location for the configured file.
    const entities = await settle(documents.length + 1);

    expect(errors).toEqual([]);
    expect(entities).toHaveLength(documents.length + 1);
    const systems = entities.filter(e => e.kind === 'System');
    expect(systems).toHaveLength(9);
    const devices = entities.filter(e => e.kind === 'Resource');
    expect(devices.length).toBeGreaterThanOrEqual(60);
    // Every system has devices, and every device sits in a system that exists.
    const systemNames = new Set(systems.map(s => s.metadata.name));
    for (const device of devices) {
      expect(systemNames).toContain(device.spec?.system);
    }
    for (const system of systemNames) {
      expect(devices.some(d => d.spec?.system === system)).toBe(true);
    }
  });

  it('rejects malformed devices whole, naming the bad field', async () => {
    const { errors, settle } = await startCatalog(
      resolve(__dirname, '__fixtures__/broken-devices.yaml'),
    );
    const entities = await settle(2);
    const resources = entities.filter(e => e.kind === 'Resource').map(e => e.metadata.name);
    expect(resources).toEqual(['fixture-good-ups']);

    const byEntity = Object.fromEntries(errors.map(e => [e.entity, e.message]));
    expect(byEntity['resource:default/fixture-bad-asset-tag']).toMatch(
      /metadata\.annotations\.court-ops\.io\/asset-tag: "UPS-9002" must look like YX-NET-0001/,
    );
    expect(byEntity['resource:default/fixture-unknown-location']).toMatch(
      /metadata\.annotations\.court-ops\.io\/location: "Z-9F-X99" is not in the court's location register/,
    );
    expect(byEntity['resource:default/fixture-bad-ip']).toMatch(
      /metadata\.annotations\.court-ops\.io\/ip: "10\.40\.0\.256" is not a valid IPv4 address/,
    );
    expect(Object.keys(byEntity)).toHaveLength(3);
  });
});
