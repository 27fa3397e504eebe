import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DateTime } from 'luxon';
import request from 'supertest';
import { ManualCourtClock } from '@internal/plugin-court-node';
import {
  as,
  COURT_NOW,
  newIncident,
  startTicketsBackend,
  TicketsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** A policy on a stopwatch: L2 responds in 3 s, warned at half. */
const config = {
  sla: {
    activePolicy: 'stopwatch',
    policies: [
      {
        id: 'stopwatch',
        version: 1,
        warnings: [0.5],
        levels: {
          L2: {
            response: { target: { seconds: 3 }, calendar: 'always' },
            arrival: {
              target: { hours: 1 },
              calendar: 'always',
              outsideHours: null,
            },
          },
        },
      },
    ],
  },
  tickets: {
    notify: { serviceManagers: ['user:default/sunlei'] },
    breachWatch: { maxSleepSeconds: 30 },
  },
};

function slaAlerts(sent: { at: number; options: NotificationSendOptions }[]) {
  return sent.filter(s => s.options.payload.topic === 'sla');
}

/** Notifications with the court-clock instant each was sent at. */
function timed(backend: TicketsBackend) {
  const sent: { at: number; options: NotificationSendOptions }[] = [];
  const push = backend.notifications.push.bind(backend.notifications);
  backend.notifications.push = (...items) => {
    for (const options of items) {
      sent.push({ at: backend.clock.now().toMillis(), options });
    }
    return push(...items);
  };
  return sent;
}

/** Runs `test` on started backends and stops them whatever happens. */
async function withBackends(
  backends: Promise<TicketsBackend[]>,
  test: (started: TicketsBackend[]) => Promise<void>,
) {
  const started = await backends;
  try {
    await test(started);
  } finally {
    await Promise.all(started.map(b => b.stop()));
  }
}

const titles = (alerts: NotificationSendOptions[]) =>
  alerts.map(a => a.payload.title.split(' ·')[0]);

// The watch runs on the court clock: each test moves it on to the instants
// it is about instead of sleeping, so nothing here depends on the hour.
describe.each(databases.eachSupportedId())(
  'SLA breach watch on %s',
  databaseId => {
    it('warns and reports the breach at their instants, to assignee, group and service manager', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await withBackends(
        Promise.all([startTicketsBackend({ knex, config })]),
        async ([backend]) => {
          const sent = timed(backend);
          const res = await request(backend.server)
            .post('/api/tickets/tickets')
            .set('Authorization', as('lina'))
            .send(
              newIncident({
                assignee: 'user:default/wangqiang',
                group: 'group:default/hardware-post',
              }),
            );
          expect(res.status).toBe(201);
          expect(Date.parse(res.body.createdAt)).toBe(COURT_NOW.toMillis());
          const warnAt = Date.parse(res.body.clocks.response.warnings[0].at);
          const breachAt = Date.parse(res.body.clocks.response.dueAt);
          expect(warnAt - COURT_NOW.toMillis()).toBe(1500);
          expect(breachAt - COURT_NOW.toMillis()).toBe(3000);

          // Not a moment before the instant, and at it.
          await backend.clock.set(DateTime.fromMillis(warnAt - 1));
          expect(slaAlerts(sent)).toEqual([]);
          await backend.clock.set(DateTime.fromMillis(breachAt - 1));
          await backend.clock.set(DateTime.fromMillis(breachAt + 60_000));
          const alerts = slaAlerts(sent);
          expect(titles(alerts.map(a => a.options))).toEqual([
            'SLA 50%: response',
            'SLA breached: response',
          ]);
          expect(alerts.map(a => a.at)).toEqual([warnAt, breachAt]);
          expect(alerts[1].options.recipients).toEqual({
            type: 'entity',
            entityRef: [
              'user:default/wangqiang',
              'group:default/hardware-post',
              'user:default/sunlei',
            ],
          });
          expect(alerts[1].options.payload.severity).toBe('critical');

          // The queue finds it among the breached.
          const breached = await request(backend.server)
            .get('/api/tickets/tickets?breached=true')
            .set('Authorization', as('lina'));
          expect(breached.body.items.map((t: { id: string }) => t.id)).toEqual(
            [res.body.id],
          );
        },
      );
    });

    it('sends a breach missed while the backend was down once, after the restart, and only once across replicas', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const clock = new ManualCourtClock(COURT_NOW);
      let breachAt = 0;
      let ticketId = '';
      await withBackends(
        Promise.all([startTicketsBackend({ knex, config, clock })]),
        async ([first]) => {
          const res = await request(first.server)
            .post('/api/tickets/tickets')
            .set('Authorization', as('lina'))
            .send(newIncident({ assignee: 'user:default/wangqiang' }));
          expect(res.status).toBe(201);
          breachAt = Date.parse(res.body.clocks.response.dueAt);
          ticketId = res.body.id;
        },
      );
      // Down over the warning and the breach.
      await clock.set(DateTime.fromMillis(breachAt + 500));

      // Two replicas come up on the same database; each has looked once
      // when it has started.
      await withBackends(
        Promise.all([
          startTicketsBackend({ knex, config, clock }),
          startTicketsBackend({ knex, config, clock }),
        ]),
        async ([a, b]) => {
          const alerts = [...a.notifications, ...b.notifications].filter(
            n => n.payload.topic === 'sla',
          );
          // After an outage: the breach, not a burst of stale warnings too.
          expect(titles(alerts)).toEqual(['SLA breached: response']);
          const rows = await knex('ticket_sla_alerts').where({
            ticket_id: ticketId,
          });
          expect(rows.map(r => r.kind).sort()).toEqual([
            'breach',
            'warning-50',
          ]);
          // Later wake-ups send nothing again.
          await clock.advance({ minutes: 5 });
          expect(
            [...a.notifications, ...b.notifications].filter(
              n => n.payload.topic === 'sla',
            ),
          ).toHaveLength(1);
        },
      );
    });

    it('stops alerting once the engineer responds', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await withBackends(
        Promise.all([startTicketsBackend({ knex, config })]),
        async ([backend]) => {
          const res = await request(backend.server)
            .post('/api/tickets/tickets')
            .set('Authorization', as('lina'))
            .send(newIncident());
          await backend.clock.advance({ seconds: 1 });
          const ack = await request(backend.server)
            .post(`/api/tickets/tickets/${res.body.id}/actions`)
            .set('Authorization', as('wangqiang'))
            .send({ action: 'acknowledge', version: 1 });
          expect(ack.body.clocks.response.state).toBe('met');
          await backend.clock.set(
            DateTime.fromISO(res.body.clocks.response.dueAt).plus({
              minutes: 1,
            }),
          );
          expect(
            backend.notifications.filter(n => n.payload.topic === 'sla'),
          ).toEqual([]);
        },
      );
    });
  },
);
