import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { AccessGrant, EngineerRecord } from '@internal/plugin-access-common';
import { as } from '@internal/plugin-court-node/testUtils';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AccessBackend, startAccessBackend } from './__testUtils__/backend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

// Users of the role fixture: an engineer, another, one not yet approved; the IT office; one
// IT office member who also holds an engineer post; the staff member who owns pc-xuli, another.
const ENGINEER = 'liuyang';
const OTHER_ENGINEER = 'wangqiang';
const UNAPPROVED = 'chenjing';
const IT = 'wuxia';
const IT_ENGINEER = 'it-engineer';
const OWNER = 'xuli';
const OTHER_STAFF = 'mahui';
const DESK = 'lina';

const TICKET = 'INC-2026-00042';

describe.each(databases.eachSupportedId())('access API on %s', databaseId => {
  let backend: AccessBackend;
  const api = () => request(backend.server);

  beforeAll(async () => {
    backend = await startAccessBackend({
      knex: await databases.init(databaseId as TestDatabaseId),
    });
  });
  afterAll(() => backend?.stop());

  async function requestGrant(
    overrides: object = {},
    user = ENGINEER,
  ): Promise<AccessGrant> {
    const res = await api()
      .post('/api/access/grants')
      .set('Authorization', as(user))
      .send({
        entityRef: 'resource:default/pc-xuli',
        ticket: TICKET,
        scopes: ['view-screen', 'copy-files'],
        reason: '打印机驱动异常，需查看屏幕并拷贝日志',
        startsAt: backend.clock.now().plus({ minutes: 10 }).toISO(),
        durationMinutes: 60,
        ...overrides,
      });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function step(
    grant: AccessGrant,
    name: 'approve' | 'refuse' | 'revoke',
    user = IT,
    note?: string,
  ) {
    return api()
      .post(`/api/access/grants/${grant.id}/${name}`)
      .set('Authorization', as(user))
      .send({ revision: grant.revision, ...(note ? { note } : {}) });
  }

  const grantOf = (id: string, user: string) =>
    api().get(`/api/access/grants/${id}`).set('Authorization', as(user));

  it('takes a grant through request, approval, live, use and expiry by the clock', async () => {
    const start = backend.clock.now();
    const requested = await requestGrant();
    expect(requested).toMatchObject({
      state: 'requested',
      requestedBy: `user:default/${ENGINEER}`,
      ownerRef: `user:default/${OWNER}`,
      scopes: ['view-screen', 'copy-files'],
      endsAt: start.plus({ minutes: 70 }).toUTC().toISO(),
    });
    expect(requested.verificationCode).toBeUndefined();

    const approved = await step(requested, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: `user:default/${IT}`,
      revision: 2,
    });
    const code = approved.body.verificationCode;
    expect(code).toMatch(/^\d{6}$/);

    // The staff member whose PC it is sees the grant and the same code on their ticket.
    const owners = await api()
      .get(`/api/access/grants?ticket=${TICKET}`)
      .set('Authorization', as(OWNER));
    expect(owners.status).toBe(200);
    expect(owners.body.map((g: AccessGrant) => g.id)).toContain(requested.id);
    expect(
      owners.body.find((g: AccessGrant) => g.id === requested.id)
        .verificationCode,
    ).toBe(code);
    // Another staff member does not see it at all.
    const others = await api()
      .get(`/api/access/grants?ticket=${TICKET}`)
      .set('Authorization', as(OTHER_STAFF));
    expect(others.body).toEqual([]);
    expect((await grantOf(requested.id, OTHER_STAFF)).status).toBe(404);

    // Before the start: refused, and the attempt is flagged.
    const early = await api()
      .post(`/api/access/grants/${requested.id}/uses`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      'The use is refused and flagged: the grant is approved, not live',
    );

    await backend.clock.advance({ minutes: 10 });
    expect((await grantOf(requested.id, ENGINEER)).body.state).toBe('live');
    // Someone else's grant is not theirs to use.
    const stranger = await api()
      .post(`/api/access/grants/${requested.id}/uses`)
      .set('Authorization', as(OTHER_ENGINEER))
      .send({});
    expect(stranger.status).toBe(403);

    const use = await api()
      .post(`/api/access/grants/${requested.id}/uses`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(use.status).toBe(201);
    expect(use.body).toMatchObject({ refused: false });
    await backend.clock.advance({ minutes: 20 });
    const ended = await api()
      .post(`/api/access/grants/${requested.id}/uses/${use.body.id}/end`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).toBe(
      start.plus({ minutes: 30 }).toUTC().toISO(),
    );
    expect(ended.body.flag).toBeUndefined();
    const again = await api()
      .post(`/api/access/grants/${requested.id}/uses/${use.body.id}/end`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(again.status).toBe(409);

    // One second before the end it is live; at the end it has expired by itself.
    await backend.clock.set(start.plus({ minutes: 70, seconds: -1 }).toISO()!);
    expect((await grantOf(requested.id, OWNER)).body.state).toBe('live');
    await backend.clock.set(start.plus({ minutes: 70 }).toISO()!);
    const expired = (await grantOf(requested.id, OWNER)).body;
    expect(expired.state).toBe('expired');
    expect(expired.verificationCode).toBeUndefined();
    const live = await api()
      .get(`/api/access/grants?requestedBy=me&state=live`)
      .set('Authorization', as(ENGINEER));
    expect(live.body.map((g: AccessGrant) => g.id)).not.toContain(requested.id);

    // A use after expiry is refused, and kept as a flagged attempt.
    const late = await api()
      .post(`/api/access/grants/${requested.id}/uses`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(late.status).toBe(409);
    const uses = (await grantOf(requested.id, IT)).body.uses;
    expect(
      uses.map((u: { refused: boolean; flag?: string }) => [u.refused, u.flag]),
    ).toEqual([
      [true, 'the grant is approved, not live'],
      [false, undefined],
      [true, 'the grant is expired, not live'],
    ]);
  });

  it('revokes a live grant at once, and refuses its use after', async () => {
    const grant = await requestGrant({
      startsAt: backend.clock.now().toISO(),
    });
    const approved = await step(grant, 'approve');
    expect(approved.body.state).toBe('live');
    // A revocation says why.
    const bare = await step(approved.body, 'revoke');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/^body\.note: /);
    const revoked = await step(approved.body, 'revoke', IT, '工单已关闭');
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      state: 'revoked',
      note: '工单已关闭',
    });
    const use = await api()
      .post(`/api/access/grants/${grant.id}/uses`)
      .set('Authorization', as(ENGINEER))
      .send({});
    expect(use.status).toBe(409);
    expect(use.body.error.message).toMatch(/the grant is revoked, not live/);
    // A stale revision loses against the step that came first.
    const stale = await step(approved.body, 'revoke', IT, '再次撤销');
    expect(stale.status).toBe(409);
  });

  it('never lets the requester approve their own grant', async () => {
    const grant = await requestGrant({}, IT_ENGINEER);
    const own = await step(grant, 'approve', IT_ENGINEER);
    expect(own.status).toBe(409);
    expect(own.body.error.message).toBe(
      'the engineer who requested a grant cannot approve or refuse it',
    );
    expect((await grantOf(grant.id, IT)).body.state).toBe('requested');
    const refused = await step(grant, 'refuse', IT, '无对应工单');
    expect(refused.body.state).toBe('refused');
    expect(refused.body.verificationCode).toBeUndefined();
    // Decided once: a second decision is a conflict.
    expect((await step(refused.body, 'approve')).status).toBe(409);
  });

  it('answers bad requests with 400 naming the field, after the permission', async () => {
    const bad = async (body: object, user = ENGINEER) =>
      api()
        .post('/api/access/grants')
        .set('Authorization', as(user))
        .send({
          entityRef: 'resource:default/pc-xuli',
          ticket: TICKET,
          scopes: ['remote-session'],
          reason: '远程排查',
          durationMinutes: 60,
          ...body,
        });
    const long = await bad({ durationMinutes: 241 });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe(
      'body.durationMinutes: is longer than the longest grant, 240 minutes',
    );
    expect((await bad({ durationMinutes: 240 })).status).toBe(201);
    const past = await bad({
      startsAt: backend.clock.now().minus({ minutes: 5 }).toISO(),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('body.startsAt: is in the past');
    const unknown = await bad({ entityRef: 'resource:default/no-such-pc' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'body.entityRef: resource:default/no-such-pc is not in the catalog',
    );
    expect((await bad({ scopes: ['format-disk'] })).body.error.message).toMatch(
      /^body\.scopes\.0: /,
    );
    // Court staff may not request access at all: 403 before looking at the body.
    expect((await bad({ durationMinutes: 9999 }, OWNER)).status).toBe(403);
    // The IT office decides; the desk does not.
    const grant = await requestGrant();
    expect((await step(grant, 'approve', DESK)).status).toBe(403);
    // An engineer the court has not approved may not ask for its data.
    const unapproved = await bad({}, UNAPPROVED);
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.message).toBe(
      'user:default/chenjing is not approved by the court IT office',
    );
  });

  it("lists the month's grants and uses for the IT office, also in Excel", async () => {
    const month = backend.clock.now().toFormat('yyyy-MM');
    const list = await api()
      .get(`/api/access/monthly/${month}`)
      .set('Authorization', as(IT));
    expect(list.status).toBe(200);
    expect(list.body.grants.length).toBeGreaterThan(0);
    const states = new Set(list.body.grants.map((g: AccessGrant) => g.state));
    expect(states).toEqual(
      new Set(['expired', 'revoked', 'refused', 'requested']),
    );
    const xlsx = await api()
      .get(`/api/access/monthly/${month}/xlsx`)
      .set('Authorization', as(IT))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const [grants, uses] = workbook.worksheets;
    expect(grants.rowCount).toBe(list.body.grants.length + 1);
    const useCount = list.body.grants.reduce(
      (n: number, g: AccessGrant) => n + g.uses.length,
      0,
    );
    expect(uses.rowCount).toBe(useCount + 1);
    expect(uses.getColumn(7).values).toContain(
      'the grant is expired, not live',
    );
    expect(
      (
        await api()
          .get(`/api/access/monthly/${month}`)
          .set('Authorization', as(OWNER))
      ).status,
    ).toBe(403);
    expect(
      (
        await api()
          .get('/api/access/monthly/2026-13')
          .set('Authorization', as(IT))
      ).body.error.message,
    ).toBe('path.month: is not a month (YYYY-MM)');
  });

  describe('engineers', () => {
    const ref = (name: string) => encodeURIComponent(`user:default/${name}`);
    const assignment = async (name: string) =>
      (
        await api()
          .get(`/api/access/engineers/${ref(name)}/assignment`)
          .set('Authorization', as(DESK))
      ).body;

    it('seeds the configured records, approved unless said otherwise', async () => {
      const list = await api()
        .get('/api/access/engineers')
        .set('Authorization', as(DESK));
      expect(list.status).toBe(200);
      expect(
        list.body.map((e: EngineerRecord) => [
          e.userRef,
          Boolean(e.approvedAt),
        ]),
      ).toEqual([
        ['user:default/chenjing', false],
        ['user:default/it-engineer', true],
        ['user:default/liuyang', true],
        ['user:default/wangqiang', true],
      ]);
      expect(await assignment(ENGINEER)).toEqual({ assignable: true });
      expect(await assignment('zhoujie')).toMatchObject({
        assignable: false,
        reason: 'no-record',
      });
    });

    it('answers several engineers in one call, as each one alone', async () => {
      const names = [ENGINEER, UNAPPROVED, 'zhoujie', OTHER_ENGINEER];
      const query = names.map(name => `userRef=${ref(name)}`).join('&');
      const res = await api()
        .get(`/api/access/assignments?${query}&userRef=${ref(ENGINEER)}`)
        .set('Authorization', as(DESK));
      expect(res.status).toBe(200);
      const alone: Record<string, unknown> = {};
      for (const name of names) {
        alone[`user:default/${name}`] = await assignment(name);
      }
      expect(res.body).toEqual(alone);
      expect(res.body[`user:default/${UNAPPROVED}`]).toMatchObject({
        assignable: false,
        reason: 'not-approved',
      });
      // One engineer is a list of one.
      const one = await api()
        .get(`/api/access/assignments?userRef=${ref(ENGINEER)}`)
        .set('Authorization', as(DESK));
      expect(one.body).toEqual({
        [`user:default/${ENGINEER}`]: { assignable: true },
      });
    });

    it('refuses a batch from one who may not read records with 403 before the query, and a bad query with 400 naming it', async () => {
      const batch = (query: string, user = DESK) =>
        api()
          .get(`/api/access/assignments${query}`)
          .set('Authorization', as(user));
      expect((await batch('?userRef=nonsense', OWNER)).status).toBe(403);
      const missing = await batch('');
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/^query\.userRef: /);
      const group = await batch(
        `?userRef=${ref(ENGINEER)}&userRef=group:default/it`,
      );
      expect(group.status).toBe(400);
      expect(group.body.error.message).toMatch(/^query\.userRef(\.1)?: /);
      const many = Array.from(
        { length: 101 },
        (_, i) => `userRef=${ref(`engineer-${i}`)}`,
      ).join('&');
      const tooMany = await batch(`?${many}`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toMatch(/^query\.userRef: /);
      const stray = await batch(`?userRef=${ref(ENGINEER)}&team=x`);
      expect(stray.status).toBe(400);
    });

    it('approves, suspends and reinstates, naming the reason an engineer cannot be assigned', async () => {
      const record = (
        await api()
          .get(`/api/access/engineers/${ref(UNAPPROVED)}`)
          .set('Authorization', as(IT))
      ).body as EngineerRecord;
      expect(await assignment(UNAPPROVED)).toMatchObject({
        assignable: false,
        reason: 'not-approved',
      });
      // The desk reads, only the IT office decides.
      expect(
        (
          await api()
            .post(`/api/access/engineers/${ref(UNAPPROVED)}/approve`)
            .set('Authorization', as(DESK))
            .send({ revision: record.revision })
        ).status,
      ).toBe(403);
      const approved = await api()
        .post(`/api/access/engineers/${ref(UNAPPROVED)}/approve`)
        .set('Authorization', as(IT))
        .send({ revision: record.revision });
      expect(approved.status).toBe(200);
      expect(approved.body.approvedBy).toBe(`user:default/${IT}`);
      expect(await assignment(UNAPPROVED)).toEqual({ assignable: true });

      const suspended = await api()
        .post(`/api/access/engineers/${ref(UNAPPROVED)}/suspend`)
        .set('Authorization', as(IT))
        .send({ revision: approved.body.revision, reason: '违反保密规定' });
      expect(suspended.status).toBe(200);
      expect(await assignment(UNAPPROVED)).toEqual({
        assignable: false,
        reason: 'suspended',
        message: 'user:default/chenjing is suspended (违反保密规定)',
      });
      // An edit made on the revision before the suspension is refused, not lost.
      const stale = await api()
        .put(`/api/access/engineers/${ref(UNAPPROVED)}`)
        .set('Authorization', as(IT))
        .send({
          revision: approved.body.revision,
          name: '陈静',
          employer: '另一家公司',
        });
      expect(stale.status).toBe(409);
      const reinstated = await api()
        .post(`/api/access/engineers/${ref(UNAPPROVED)}/reinstate`)
        .set('Authorization', as(IT))
        .send({ revision: suspended.body.revision });
      expect(reinstated.status).toBe(200);
      expect(await assignment(UNAPPROVED)).toEqual({ assignable: true });
    });

    it('creates, updates and deletes a record; unknown users and duplicates are refused', async () => {
      const create = (body: object) =>
        api()
          .post('/api/access/engineers')
          .set('Authorization', as(IT))
          .send(body);
      const unknown = await create({
        userRef: 'user:default/nobody',
        name: '无名',
        employer: '某公司',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        'body.userRef: user:default/nobody is not in the catalog',
      );
      const missing = await create({ userRef: 'user:default/xuli' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(
        /body\.name: .*body\.employer: /,
      );
      const created = await create({
        userRef: 'user:default/xuli',
        name: '徐丽',
        employer: '人民法院',
        qualifications: [{ name: '信息安全员', validUntil: '2027-06-30' }],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        revision: 1,
        qualifications: [{ name: '信息安全员', validUntil: '2027-06-30' }],
      });
      expect(
        (
          await create({
            userRef: 'user:default/xuli',
            name: '徐丽',
            employer: 'x',
          })
        ).status,
      ).toBe(409);
      // Approval needs the signed confidentiality agreement first.
      const early = await api()
        .post(`/api/access/engineers/${ref('xuli')}/approve`)
        .set('Authorization', as(IT))
        .send({ revision: 1 });
      expect(early.status).toBe(409);
      const updated = await api()
        .put(`/api/access/engineers/${ref('xuli')}`)
        .set('Authorization', as(IT))
        .send({
          revision: 1,
          name: '徐丽',
          employer: '人民法院',
          confidentialitySignedOn: '2026-12-01',
        });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        revision: 2,
        confidentialitySignedOn: '2026-12-01',
        qualifications: [],
      });
      const deleted = await api()
        .delete(`/api/access/engineers/${ref('xuli')}`)
        .set('Authorization', as(IT));
      expect(deleted.status).toBe(204);
      expect(
        (
          await api()
            .get(`/api/access/engineers/${ref('xuli')}`)
            .set('Authorization', as(IT))
        ).status,
      ).toBe(404);
    });
  });
});
