import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import {
  CachingRecipientResolver,
  courtNotificationRecipientsModule,
  RECIPIENTS_KEPT_MS,
} from './notificationRecipients';

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const group = (
  name: string,
  members: string[],
  children: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children },
  relations: [
    ...members.map(m => ({
      type: 'hasMember',
      targetRef: `user:default/${m}`,
    })),
    ...children.map(c => ({
      type: 'parentOf',
      targetRef: `group:default/${c}`,
    })),
  ],
});

/** The example court's shape: the on-site team with a night sub-team, and a device it owns. */
const court = (): Entity[] => [
  user('zhangwei'),
  user('wangfang'),
  user('liuyang'),
  user('sunlei'),
  group('onsite', ['zhangwei', 'wangfang'], ['onsite-night']),
  group('onsite-night', ['liuyang']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'camera-02', namespace: 'default' },
    spec: { type: 'camera', owner: 'group:default/onsite-night' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/onsite-night' }],
  },
];

describe('CachingRecipientResolver', () => {
  let now: number;
  const resolverOver = (entities: Entity[]) => {
    const catalog = catalogServiceMock({ entities });
    const answer = catalog.getEntitiesByRefs.bind(catalog);
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const resolver = new CachingRecipientResolver({
      catalog,
      auth: mockServices.auth(),
      now: () => now,
    });
    const resolve = async (entityRefs: string[], excluded?: string[]) =>
      (
        await resolver.resolveNotificationRecipients({
          entityRefs,
          excludedEntityRefs: excluded,
        })
      ).userEntityRefs.sort();
    return { resolve, byRefs, answer };
  };

  beforeEach(() => {
    now = Date.parse('2026-12-07T01:00:00Z');
  });

  it('reaches users, group members, sub-groups and an owner, as the default resolver does', async () => {
    const { resolve } = resolverOver(court());

    expect(await resolve(['group:default/onsite'])).toEqual([
      'user:default/liuyang',
      'user:default/wangfang',
      'user:default/zhangwei',
    ]);
    expect(
      await resolve(['resource:default/camera-02', 'user:default/sunlei']),
    ).toEqual(['user:default/liuyang', 'user:default/sunlei']);
    expect(await resolve(['group:default/nobody'])).toEqual([]);
  });

  it('leaves out excluded users and does not expand excluded groups', async () => {
    const { resolve } = resolverOver(court());

    expect(
      await resolve(['group:default/onsite'], ['user:default/wangfang']),
    ).toEqual(['user:default/liuyang', 'user:default/zhangwei']);
    expect(
      await resolve(['group:default/onsite'], ['group:default/onsite-night']),
    ).toEqual(['user:default/wangfang', 'user:default/zhangwei']);
  });

  it('asks again for a team the catalog did not have, or had without members', async () => {
    const ops = group('ops', []);
    const { resolve, byRefs } = resolverOver([...court(), ops]);
    expect(await resolve(['group:default/nobody'])).toEqual([]);
    expect(await resolve(['group:default/nobody'])).toEqual([]);
    expect(byRefs).toHaveBeenCalledTimes(2);

    expect(await resolve(['group:default/ops'])).toEqual([]);
    // The catalog has processed the members now (a first start): they are told at once.
    ops.relations!.push({
      type: 'hasMember',
      targetRef: 'user:default/sunlei',
    });

    expect(await resolve(['group:default/ops'])).toEqual([
      'user:default/sunlei',
    ]);
  });

  it('keeps a team found in the cache though its entry expires while another is fetched', async () => {
    const { resolve, byRefs, answer } = resolverOver([
      ...court(),
      group('court-it', ['sunlei']),
    ]);
    await resolve(['group:default/onsite']);
    now += RECIPIENTS_KEPT_MS - 1;
    byRefs.mockImplementation(async (...args) => {
      now += 10; // the catalog's answer arrives after the team's entry expired
      return answer(...args);
    });

    expect(
      await resolve(['group:default/onsite', 'group:default/court-it']),
    ).toEqual([
      'user:default/liuyang',
      'user:default/sunlei',
      'user:default/wangfang',
      'user:default/zhangwei',
    ]);
  });

  it('asks the catalog once a minute per entity, and sees a membership change after it', async () => {
    const entities = court();
    const { resolve, byRefs } = resolverOver(entities);
    await resolve(['group:default/onsite']);
    const asked = byRefs.mock.calls.length;
    expect(asked).toBe(2); // the team, then its sub-team

    now += RECIPIENTS_KEPT_MS - 1;
    await resolve(['group:default/onsite']);
    await resolve(['user:default/sunlei']); // users are never looked up
    expect(byRefs).toHaveBeenCalledTimes(asked);

    // sunlei joins the night team; the catalog has it, the cache does not yet.
    const night = entities.find(e => e.metadata.name === 'onsite-night')!;
    night.relations!.push({
      type: 'hasMember',
      targetRef: 'user:default/sunlei',
    });
    expect(await resolve(['group:default/onsite'])).not.toContain(
      'user:default/sunlei',
    );
    now += 1;
    expect(await resolve(['group:default/onsite'])).toContain(
      'user:default/sunlei',
    );
  });
});

describe('courtNotificationRecipientsModule', () => {
  it("is the notifications backend's resolver: a team's members are told, the catalog asked once", async () => {
    const catalog = catalogServiceMock({ entities: court() });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const { server } = await startTestBackend({
      features: [
        notificationsPlugin,
        courtNotificationRecipientsModule,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });
    // Two new tickets for the on-site team.
    for (const number of ['INC-2026-00042', 'INC-2026-00043']) {
      await request(server)
        .post('/api/notifications/notifications')
        .set(
          'Authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:tickets'),
            targetPluginId: 'notifications',
          }),
        )
        .send({
          recipients: { type: 'entity', entityRef: 'group:default/onsite' },
          payload: {
            title: `${number} L3 投影仪无信号`,
            topic: 'ticket-created',
          },
        })
        .expect(200);
    }

    for (const [name, count] of [
      ['liuyang', 2],
      ['zhangwei', 2],
      ['sunlei', 0],
    ] as const) {
      const res = await request(server)
        .get('/api/notifications/notifications')
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/${name}`),
        )
        .expect(200);
      expect(res.body.totalCount).toBe(count);
    }
    // Backstage's default resolver asks twice per notification (the team, then its sub-team).
    expect(byRefs).toHaveBeenCalledTimes(2);
  });
});
