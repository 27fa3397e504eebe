import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { as } from '@internal/plugin-court-node/testUtils';
import {
  MatrixBackend,
  startMatrixBackend,
} from './routeMatrix/__testUtils__/matrixBackend';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../..');
const templateNames = readdirSync(path.join(repo, 'templates'));

/**
 * The templates of templates/ as the real catalog reads them (the scaffolder entity model
 * validates each; one it refuses never appears), seen by each role under the court policy.
 */
describe('the templates in the real catalog', () => {
  let backend: MatrixBackend;
  const api = () => request(backend.server as Parameters<typeof request>[0]);
  const byName = (name: string) =>
    `/api/catalog/entities/by-name/template/default/${name}`;

  async function waitForTemplate(name: string) {
    for (let i = 0; i < 150; i++) {
      const res = await api()
        .get(byName(name))
        .set('authorization', as('platform-admin'));
      if (res.status === 200) return res.body;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`template ${name} never appeared in the catalog`);
  }

  beforeAll(async () => {
    backend = await startMatrixBackend({
      catalogFiles: [
        path.join(repo, 'catalog/all.yaml'),
        ...templateNames.map(name =>
          path.join(repo, 'templates', name, 'template.yaml'),
        ),
      ],
    });
  });
  afterAll(() => backend?.stop());

  it('accepts every template file', async () => {
    for (const name of templateNames) {
      expect(await waitForTemplate(name)).toMatchObject({
        kind: 'Template',
        metadata: { name },
      });
    }
    expect(templateNames).toEqual(
      expect.arrayContaining(['quarterly-volume', 'doc-drafts']),
    );
  });

  const visible = async (user: string) =>
    (
      await api()
        .get('/api/catalog/entities?filter=kind=template&fields=metadata.name')
        .set('authorization', as(user))
    ).body
      .map((e: { metadata: { name: string } }) => e.metadata.name)
      .sort();

  it('shows the archive templates to the ops manager only; the change templates to the team', async () => {
    await Promise.all(templateNames.map(waitForTemplate));
    const archive = ['doc-drafts', 'quarterly-volume'];
    const changes = ['change-request', 'emergency-change', 'software-release'];
    expect(await visible('sunlei')).toEqual([...archive, ...changes].sort());
    for (const user of ['lina', 'liuyang', 'wuxia']) {
      expect({ user, templates: await visible(user) }).toEqual({
        user,
        templates: changes,
      });
    }
    expect(await visible('xuli')).toEqual([]);
    expect(
      (
        await api()
          .get(byName('quarterly-volume'))
          .set('authorization', as('liuyang'))
      ).status,
    ).toBe(404);
  });

  it('does not start an archive template for an engineer', async () => {
    await waitForTemplate('quarterly-volume');
    const res = await api()
      .post('/api/scaffolder/v2/tasks')
      .set('authorization', as('liuyang'))
      .send({ templateRef: 'template:default/quarterly-volume', values: {} });
    expect(res.status).toBe(404);
  });
});
