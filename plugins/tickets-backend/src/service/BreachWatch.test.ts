import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { as, newIncident, startTicketsBackend } from '../__testUtils__/backend';

jest.setTimeout(120_000);

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

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function slaAlerts(sent: { at: number; options: NotificationSendOptions }[]) {
  return sent.filter(s => s.options.payload.topic === 'sla');
}

/** Notifications with the instant each was sent. */
function timed(backend: { notifications: NotificationSendOptions[] }) {
  const sent: { at: number; options: NotificationSendOptions }[] = [];
  const push = backend.notifications.push.bind(backend.notifications);
  backend.notifications.push = (...items) => {
    for (const options of items) sent.push({ at: Date.now(), options });
    return push(...items);
  };
  return sent;
}

describe.each(databases.eachSupportedId())(
  'SLA breach watch on %s',
  databaseId => {
    it('warns and reports the breach at their instants, to assignee, group and service manager', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startTicketsBackend({ knex, config });
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
      const warnAt = Date.parse(res.body.clocks.response.warnings[0].at);
      const breachAt = Date.parse(res.body.clocks.response.dueAt);
      expect(breachAt - Date.parse(res.body.createdAt)).toBe(3000);

      await sleep(breachAt - Date.now() + 2500);
      const alerts = slaAlerts(sent);
      expect(alerts.map(a => a.options.payload.title.split(' ·')[0])).toEqual([
        'SLA 50%: response',
        'SLA breached: response',
      ]);
      // Not before the instant, and promptly after it.
      expect(alerts[0].at).toBeGreaterThanOrEqual(warnAt);
      expect(alerts[0].at - warnAt).toBeLessThan(2000);
      expect(alerts[1].at).toBeGreaterThanOrEqual(breachAt);
      expect(alerts[1].at - breachAt).toBeLessThan(2000);
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
      expect(breached.body.items.map((t: { id: string }) => t.id)).toEqual([
        res.body.id,
      ]);
      await backend.stop();
    });

    it('sends a breach missed while the backend was down once, after the restart, and only once across replicas', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const first = await startTicketsBackend({ knex, config });
      const res = await request(first.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('lina'))
        .send(newIncident({ assignee: 'user:default/wangqiang' }));
      const breachAt = Date.parse(res.body.clocks.response.dueAt);
      await first.stop();
      await sleep(breachAt - Date.now() + 500);

      // Two replicas come up on the same database after the breach.
      const [a, b] = await Promise.all([
        startTicketsBackend({ knex, config }),
        startTicketsBackend({ knex, config }),
      ]);
      await sleep(1500);
      const alerts = [...a.notifications, ...b.notifications].filter(
        n => n.payload.topic === 'sla',
      );
      // After an outage: the breach, not a burst of stale warnings too.
      expect(alerts.map(n => n.payload.title.split(' ·')[0])).toEqual([
        'SLA breached: response',
      ]);
      const rows = await knex('ticket_sla_alerts').where({
        ticket_id: res.body.id,
      });
      expect(rows.map(r => r.kind).sort()).toEqual(['breach', 'warning-50']);
      await Promise.all([a.stop(), b.stop()]);
    });

    it('stops alerting once the engineer responds', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startTicketsBackend({ knex, config });
      const res = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('lina'))
        .send(newIncident());
      const ack = await request(backend.server)
        .post(`/api/tickets/tickets/${res.body.id}/actions`)
        .set('Authorization', as('wangqiang'))
        .send({ action: 'acknowledge', version: 1 });
      expect(ack.body.clocks.response.state).toBe('met');
      await sleep(
        Date.parse(res.body.clocks.response.dueAt) - Date.now() + 1000,
      );
      expect(
        backend.notifications.filter(n => n.payload.topic === 'sla'),
      ).toEqual([]);
      await backend.stop();
    });
  },
);
