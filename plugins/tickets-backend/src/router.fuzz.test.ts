import fc from 'fast-check';
import request from 'supertest';
import {
  as,
  newChange,
  newIncident,
  startTicketsBackend,
  TicketsBackend,
} from './__testUtils__/backend';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

jest.setTimeout(180_000);

/**
 * Malformed requests, generated: each must get a 4xx whose message names a
 * field (`body.…` / `query.…`), never a 500, and leave the database as it was.
 */
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

describe('bad input', () => {
  let knex: Knex;
  let backend: TicketsBackend;
  let ticket: { id: string; version: number };

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    backend = await startTicketsBackend({ knex });
    const res = await request(backend.server)
      .post('/api/tickets/tickets')
      .set('Authorization', as('lina'))
      .send(newIncident());
    ticket = res.body;
  });
  afterAll(() => backend.stop());

  async function snapshot() {
    const tables = [
      'tickets',
      'ticket_events',
      'ticket_entities',
      'ticket_work_logs',
      'ticket_links',
      'ticket_clocks',
      'ticket_changes',
      'change_parameter_edits',
      'device_parameter_changes',
    ];
    return Promise.all(tables.map(t => knex(t).select()));
  }

  const json = fc.jsonValue({ maxDepth: 3 });
  /** A valid body with one field replaced or added by junk. */
  const corrupted = (valid: Record<string, unknown>, fields: string[]) =>
    fc
      .tuple(fc.constantFrom(...fields, 'unexpected'), json)
      .filter(
        ([key, value]) => JSON.stringify(valid[key]) !== JSON.stringify(value),
      )
      .map(([key, value]) => ({ ...valid, [key]: value }));

  function expectNamedRejection(
    res: request.Response,
    where: 'body' | 'query',
  ) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (res.status === 400) {
      expect(res.body.error.message).toMatch(new RegExp(`${where}(\\.|:|\\[)`));
    }
  }

  it('rejects malformed new tickets', async () => {
    const before = await snapshot();
    const valid = newIncident();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          corrupted(valid, Object.keys(valid)),
          json.filter(
            v => typeof v !== 'object' || v === null || Array.isArray(v),
          ),
        ),
        async body => {
          // An accidental valid value (e.g. another urgency) is allowed to pass.
          const res = await request(backend.server)
            .post('/api/tickets/tickets')
            .set('Authorization', as('lina'))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          if (res.status === 201) {
            await knex('tickets').where({ id: res.body.id }).delete();
            return;
          }
          expectNamedRejection(res, 'body');
        },
      ),
      { numRuns: 150 },
    );
    // Deleting accidental successes restores the ticket rows; their numbers moved on.
    const after = await snapshot();
    expect(after[0].length).toBe(before[0].length);
  });

  it('rejects malformed lifecycle actions and changes nothing', async () => {
    const before = await snapshot();
    const valid = {
      action: 'pause',
      reason: 'waiting-part',
      note: '等待备件',
      version: ticket.version,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          corrupted(valid, ['reason', 'note', 'version']),
          fc.record({ action: fc.string(), version: fc.integer() }),
          json,
        ),
        async body => {
          const res = await request(backend.server)
            .post(`/api/tickets/tickets/${ticket.id}/actions`)
            .set('Authorization', as('wangqiang'))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectNamedRejection(res, 'body');
        },
      ),
      { numRuns: 150 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('rejects malformed change requests', async () => {
    const before = await snapshot();
    const valid = newChange();
    await fc.assert(
      fc.asyncProperty(corrupted(valid, Object.keys(valid)), async body => {
        const res = await request(backend.server)
          .post('/api/tickets/changes')
          .set('Authorization', as('wangqiang'))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        if (res.status === 201) {
          await knex('tickets').where({ id: res.body.change.id }).delete();
          return;
        }
        expectNamedRejection(res, 'body');
      }),
      { numRuns: 150 },
    );
    // Deleting accidental successes restores the ticket rows.
    expect((await snapshot())[0].length).toBe(before[0].length);
  });

  it('rejects malformed change steps and changes nothing', async () => {
    const { body: filed } = await request(backend.server)
      .post('/api/tickets/changes')
      .set('Authorization', as('wangqiang'))
      .send(newChange());
    const before = await snapshot();
    const valid = {
      action: 'approve',
      comment: '同意',
      freezeException: false,
      version: filed.change.version,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          corrupted(valid, ['comment', 'freezeException', 'version']),
          fc.record({ action: fc.string(), version: fc.integer() }),
          json,
        ),
        async body => {
          const res = await request(backend.server)
            .post(`/api/tickets/changes/${filed.change.number}/actions`)
            .set('Authorization', as('wangqiang'))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectNamedRejection(res, 'body');
        },
      ),
      { numRuns: 150 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('rejects malformed queue queries', async () => {
    const keys = [
      'status',
      'type',
      'level',
      'open',
      'entity',
      'system',
      'assignee',
      'reporter',
      'atRisk',
      'breached',
      'q',
      'sort',
      'cursor',
      'limit',
      'bogus',
    ];
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
          {
            minKeys: 1,
            maxKeys: 3,
          },
        ),
        async query => {
          const res = await request(backend.server)
            .get('/api/tickets/tickets')
            .query(query)
            .set('Authorization', as('lina'));
          if (res.status !== 200) {
            statuses.add(res.status);
            expectNamedRejection(res, 'query');
          }
        },
      ),
      { numRuns: 200 },
    );
    // Junk was generated and refused, and only ever as a named 400.
    expect([...statuses]).toEqual([400]);
  });
});
