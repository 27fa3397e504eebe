import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { Article } from '@internal/plugin-kb-common';
import { KbArticleCollatorFactory } from './KbArticleCollatorFactory';

const article = (n: number, visibility: 'public' | 'internal'): Article => ({
  id: `KB-${String(n).padStart(5, '0')}`,
  kind: 'runbook',
  title: `UPS 转电池供电 ${n}`,
  body: '1. **确认**市电是否中断\n2. 查看[后备时间](https://example.org)',
  tags: ['UPS'],
  language: 'zh',
  entityRefs: ['resource:default/ups-01'],
  ticketRefs: [],
  owner: 'group:default/onsite-team',
  visibility,
  version: 1,
  createdAt: '2026-11-30T02:00:00.000Z',
  createdBy: 'plugin:kb',
  updatedAt: '2026-11-30T02:00:00.000Z',
  updatedBy: 'plugin:kb',
});

describe('the knowledge article collator', () => {
  it('reads every article page by page as the search plugin, each with its resource ref', async () => {
    const articles = Array.from({ length: 130 }, (_, i) =>
      article(i + 1, i % 2 ? 'internal' : 'public'),
    );
    const requests: { after: string; caller: string }[] = [];
    const collected: unknown[] = [];
    await startTestBackend({
      features: [
        // A stand-in for the kb backend's export.
        createBackendPlugin({
          pluginId: 'kb',
          register(env) {
            env.registerInit({
              deps: {
                httpRouter: coreServices.httpRouter,
                httpAuth: coreServices.httpAuth,
              },
              async init({ httpRouter, httpAuth }) {
                httpRouter.use(async (req, res, next) => {
                  if (req.path !== '/export') {
                    next();
                    return;
                  }
                  const credentials = await httpAuth.credentials(req, {
                    allow: ['service'],
                  });
                  requests.push({
                    after: String(req.query.after),
                    caller: credentials.principal.subject,
                  });
                  const after = Number(req.query.after);
                  res.json(
                    articles
                      .filter(a => Number(a.id.slice(3)) > after)
                      .slice(0, Number(req.query.limit)),
                  );
                });
              },
            });
          },
        }),
        createBackendModule({
          pluginId: 'search',
          moduleId: 'collector',
          register(env) {
            env.registerInit({
              deps: {
                auth: coreServices.auth,
                discovery: coreServices.discovery,
              },
              async init({ auth, discovery }) {
                const factory = new KbArticleCollatorFactory({
                  auth,
                  discovery,
                });
                expect(factory.type).toBe('kb-article');
                expect(factory.visibilityPermission.name).toBe(
                  'kb.article.read',
                );
                const { documents } = await TestPipeline.fromCollator(
                  await factory.getCollator(),
                ).execute();
                collected.push(...documents);
              },
            });
          },
        }),
      ],
    });

    expect(requests).toEqual([
      { after: '0', caller: 'plugin:search' },
      { after: '100', caller: 'plugin:search' },
    ]);
    expect(collected).toHaveLength(130);
    expect(collected[1]).toEqual({
      title: 'UPS 转电池供电 2',
      text: '确认 市电是否中断 查看后备时间',
      location: '/kb/articles/KB-00002',
      id: 'KB-00002',
      kind: 'runbook',
      language: 'zh',
      tags: ['UPS'],
      entityRefs: ['resource:default/ups-01'],
      updatedAt: '2026-11-30T02:00:00.000Z',
      authorization: { resourceRef: 'KB-00002' },
    });
  });
});
