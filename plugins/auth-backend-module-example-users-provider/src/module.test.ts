import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authPlugin from '@backstage/plugin-auth-backend';
import request from 'supertest';
import { decodeJwt } from 'jose';
import authModuleExampleUsersProvider, { EXAMPLE_USER_HEADER } from './index';

jest.setTimeout(30_000);

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'xuli' },
    spec: { profile: { displayName: '徐丽' }, memberOf: ['court-staff'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/court-staff' }],
  },
];

async function startAuth(environment = 'development') {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleExampleUsersProvider,
      catalogServiceMock.factory({ entities: users }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { environment, providers: { 'example-users': { development: {} } } },
        },
      }),
    ],
  });
  return server;
}

describe('example-users auth provider', () => {
  it('signs in as the picked catalog user, with their group ownership', async () => {
    const server = await startAuth();
    const res = await request(server)
      .get('/api/auth/example-users/refresh')
      .set(EXAMPLE_USER_HEADER, 'xuli');
    expect(res.status).toBe(200);
    const token = res.body.backstageIdentity.token;
    expect(decodeJwt(token).sub).toBe('user:default/xuli');
    expect(res.body.backstageIdentity.identity.ownershipEntityRefs).toEqual(
      expect.arrayContaining(['user:default/xuli', 'group:default/court-staff']),
    );
  });

  it('refuses a user who is not in the catalog', async () => {
    const server = await startAuth();
    const res = await request(server)
      .get('/api/auth/example-users/refresh')
      .set(EXAMPLE_USER_HEADER, 'nobody');
    expect(res.status).toBe(404);
  });

  it('refuses a missing or malformed user name, naming the header', async () => {
    const server = await startAuth();
    const missing = await request(server).get('/api/auth/example-users/refresh');
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toContain(EXAMPLE_USER_HEADER);
    const malformed = await request(server)
      .get('/api/auth/example-users/refresh')
      .set(EXAMPLE_USER_HEADER, 'user:default/xuli');
    expect(malformed.status).toBe(401);
  });

  it('does not answer in another auth environment', async () => {
    const server = await startAuth('production');
    const res = await request(server)
      .get('/api/auth/example-users/refresh')
      .set(EXAMPLE_USER_HEADER, 'xuli');
    expect(res.status).toBe(404);
    expect(res.body.backstageIdentity).toBeUndefined();
  });
});
