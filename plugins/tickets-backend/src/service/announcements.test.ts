import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { eventually } from '@internal/plugin-court-node/testUtils';
import {
  as,
  COURT_NOW,
  newIncident,
  startTicketsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'what a filing announces, on %s',
  databaseId => {
    it('survives the notifications backend being down and the replica that filed stopping: another replica sends it, once', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const clock = new ManualCourtClock(COURT_NOW);
      // One after the other: the first migrates the shared database.
      const a = await startTicketsBackend({ knex, clock });
      const b = await startTicketsBackend({ knex, clock });
      let aRunning = true;
      try {
        let refused = 0;
        a.notifications.push = () => {
          refused++;
          throw new Error('notifications backend unavailable');
        };
        const res = await request(a.server)
          .post('/api/tickets/tickets')
          .set('Authorization', as('lina'))
          .send(newIncident({ assignee: 'user:default/wangqiang' }));
        // The filing does not wait for its notifications: they are in the outbox.
        expect(res.status).toBe(201);
        await eventually(() => expect(refused).toBe(2));
        const queued = await knex('ticket_outbox').orderBy('id');
        expect(queued.map(row => row.id)).toEqual([
          `ticket:${res.body.id}:assigned`,
          `ticket:${res.body.id}:created`,
        ]);

        // Replica a goes; b, looking again after its idle period (the retry is due by then),
        // sends both, each once.
        await a.stop();
        aRunning = false;
        await clock.advance({ minutes: 5 });
        // The filing's own notifications (the SLA watch adds its warnings as time goes on).
        const scopes = () =>
          b.notifications
            .map(n => n.payload.scope)
            .filter(scope => scope?.startsWith('ticket:'))
            .sort();
        await eventually(() =>
          expect(scopes()).toEqual([
            `ticket:${res.body.id}:assigned`,
            `ticket:${res.body.id}:created`,
          ]),
        );
        await eventually(async () =>
          expect(await knex('ticket_outbox')).toEqual([]),
        );
        await clock.advance({ minutes: 5 });
        expect(scopes()).toHaveLength(2);
      } finally {
        await Promise.all([aRunning ? a.stop() : undefined, b.stop()]);
      }
    });
  },
);
