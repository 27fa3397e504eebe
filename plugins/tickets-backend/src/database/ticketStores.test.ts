import { randomUUID } from 'node:crypto';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, newIncident, startTicketsBackend } from '../__testUtils__/backend';
import { createTicketStores } from './createTicketStores';
import { announcementIdPrefix, TICKET_OUTBOX_TABLE } from './numbering';
import { LeasedOutbox, ManualCourtClock } from '@internal/plugin-court-node';
import { formatTicketNumber } from '@internal/plugin-tickets-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'tickets stores on %s',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startTicketsBackend({ knex });
      return { knex, backend };
    }

    it('gives 200 parallel filings 200 tickets with 200 distinct numbers', async () => {
      const { knex, backend } = await start();
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          request(backend.server)
            .post('/api/tickets/tickets')
            .set('Authorization', as(i % 2 ? 'xuli' : 'lina'))
            .send(newIncident({ title: `并发工单 ${i}` })),
        ),
      );
      expect(responses.map(r => r.status)).toEqual(Array(200).fill(201));
      const numbers = new Set(responses.map(r => r.body.number));
      expect(numbers.size).toBe(200);
      const [{ count }] = await knex('tickets').count({ count: '*' });
      expect(Number(count)).toBe(200);
      const year = responses[0].body.number.split('-')[1];
      // Numbers are a gapless run: 1..200.
      expect([...numbers].sort()).toEqual(
        Array.from(
          { length: 200 },
          (_, i) => `INC-${year}-${String(i + 1).padStart(5, '0')}`,
        ),
      );
      await backend.stop();
    });

    it('lets exactly one of two updates from the same version through, and loses neither write silently', async () => {
      const { knex, backend } = await start();
      const { body: ticket } = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('xuli'))
        .send(newIncident());
      for (let round = 0; round < 5; round++) {
        const { body: current } = await request(backend.server)
          .get(`/api/tickets/tickets/${ticket.id}`)
          .set('Authorization', as('lina'));
        const version = current.ticket.version;
        const [a, b] = await Promise.all(
          ['wangqiang', 'liuyang'].map(user =>
            request(backend.server)
              .post(`/api/tickets/tickets/${ticket.id}/actions`)
              .set('Authorization', as('lina'))
              .send({
                action: 'assign',
                assignee: `user:default/${user}`,
                version,
              }),
          ),
        );
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const winner = a.status === 200 ? a : b;
        const { body: after } = await request(backend.server)
          .get(`/api/tickets/tickets/${ticket.id}`)
          .set('Authorization', as('lina'));
        expect(after.ticket.version).toBe(version + 1);
        expect(after.ticket.assignee).toBe(winner.body.assignee);
      }
      const events = await knex('ticket_events').where({
        ticket_id: ticket.id,
      });
      expect(events).toHaveLength(1 + 5);
      await backend.stop();
    });

    it('keeps concurrent comments, each with its own place in the log', async () => {
      const { knex, backend } = await start();
      const { body: ticket } = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('xuli'))
        .send(newIncident());
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          request(backend.server)
            .post(`/api/tickets/tickets/${ticket.id}/comments`)
            .set('Authorization', as(i % 2 ? 'xuli' : 'wangqiang'))
            .send({ body: `comment ${i}` }),
        ),
      );
      expect(responses.map(r => r.status)).toEqual(Array(30).fill(201));
      const seqs = (await knex('ticket_events').where({ ticket_id: ticket.id }))
        .map(e => Number(e.seq))
        .sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
      await backend.stop();
    });

    it('finds at-risk and breached tickets from the stored due instants', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records } = await createTicketStores(knex);
      const base = {
        type: 'incident' as const,
        title: 't',
        description: '',
        channel: 'portal' as const,
        reporter: 'user:default/xuli',
        createdBy: 'user:default/xuli',
        urgency: 'high' as const,
        impact: 'large' as const,
        level: 'L1' as const,
        entities: [{ entityRef: 'resource:default/core-switch-01' }],
        policy: { id: 'contract', version: 1 },
        createdAt: '2026-11-27T01:00:00.000Z',
        year: 2026,
      };
      const event = {
        type: 'created',
        at: base.createdAt,
        actor: 'user:default/xuli',
        data: {},
      };
      const projections = {
        calm: {
          nextDueAt: '2026-11-27T03:00:00.000Z',
          atRiskAt: '2026-11-27T02:30:00.000Z',
        },
        risky: {
          nextDueAt: '2026-11-27T02:10:00.000Z',
          atRiskAt: '2026-11-27T01:50:00.000Z',
        },
        overdue: {
          nextDueAt: '2026-11-27T01:30:00.000Z',
          atRiskAt: '2026-11-27T01:20:00.000Z',
        },
        breachedThenMet: { breachedAt: '2026-11-27T01:10:00.000Z' },
      };
      const ids: Record<string, string> = {};
      for (const [name, projection] of Object.entries(projections)) {
        const { ticket: stored } = await records.insert(
          { ...base, id: randomUUID(), title: name },
          [event],
          { ...projection, clocks: [] },
        );
        ids[name] = stored.id;
      }
      const list = async (filter: Record<string, unknown>) =>
        (
          await records.list({
            filter: { sort: 'due', limit: 50, ...filter },
            now: '2026-11-27T02:00:00.000Z',
          })
        ).items.map(t => t.title);
      expect(await list({ atRisk: true })).toEqual(['risky']);
      expect((await list({ breached: true })).sort()).toEqual([
        'breachedThenMet',
        'overdue',
      ]);
      expect(await list({})).toEqual([
        'overdue',
        'risky',
        'calm',
        'breachedThenMet',
      ]);
    });

    it("lists one device's tickets newest first, page by page, as the whole list narrowed to it", async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records } = await createTicketStores(knex);
      const RECORDER = 'resource:default/courtroom-recorder-t01';
      const SWITCH = 'resource:default/core-switch-01';
      const links = {
        recorder: [
          { entityRef: RECORDER, systemRef: 'system:default/courtroom-av' },
        ],
        switch: [{ entityRef: SWITCH, systemRef: 'system:default/network' }],
        both: [
          { entityRef: SWITCH, systemRef: 'system:default/network' },
          { entityRef: RECORDER, systemRef: 'system:default/courtroom-av' },
        ],
      };
      // Twelve tickets; three pairs filed in the same millisecond, so the id decides.
      const plan = Array.from({ length: 12 }, (_, i) => ({
        createdAt: `2026-11-${10 + i}T01:00:00.000Z`,
        entities: [links.recorder, links.switch, links.both][i % 3],
        status: i % 4 === 0 ? ('closed' as const) : ('new' as const),
      }));
      plan[5].createdAt = plan[4].createdAt;
      plan[8].createdAt = plan[7].createdAt;
      plan[11].createdAt = plan[10].createdAt;
      const stored: {
        id: string;
        title: string;
        version: number;
        createdAt: string;
        entityRefs: string[];
        status: 'new' | 'closed';
      }[] = [];
      for (const [i, p] of plan.entries()) {
        const { ticket } = await records.insert(
          {
            type: 'incident',
            title: `第${i}单`,
            description: '',
            channel: 'portal',
            reporter: 'user:default/xuli',
            createdBy: 'user:default/xuli',
            urgency: 'medium',
            impact: 'medium',
            level: 'L3',
            entities: p.entities,
            policy: { id: 'contract', version: 1 },
            createdAt: p.createdAt,
            year: 2026,
            id: randomUUID(),
          },
          [
            {
              type: 'created',
              at: p.createdAt,
              actor: 'user:default/xuli',
              data: {},
            },
          ],
          { clocks: [] },
        );
        stored.push({
          id: ticket.id,
          title: ticket.title,
          version: ticket.version,
          createdAt: p.createdAt,
          entityRefs: p.entities.map(e => e.entityRef),
          status: p.status,
        });
      }
      // Later edits move links: the first switch ticket gains the recorder, the first
      // recorder ticket loses it. The links keep each ticket's own creation instant.
      const relink = async (index: number, entities: typeof links.both) => {
        const ticket = stored[index];
        await records.update(ticket.id, ticket.version, {
          fields: {},
          events: [],
          projection: { clocks: [] },
          entities,
          at: '2026-12-01T01:00:00.000Z',
        });
        ticket.entityRefs = entities.map(e => e.entityRef);
      };
      await relink(1, links.both);
      await relink(0, links.switch);
      await knex('tickets')
        .whereIn(
          'id',
          stored.filter(t => t.status === 'closed').map(t => t.id),
        )
        .update({ status: 'closed' });

      // Code-unit order, as the databases order these ASCII columns.
      const byText = (x: string, y: string) => (x < y ? -1 : Number(x > y));
      const newestFirst = (a: { createdAt: string; id: string }, b: typeof a) =>
        byText(b.createdAt, a.createdAt) || byText(b.id, a.id);
      const pages = async (filter: Record<string, unknown>) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await records.list({
            filter: { sort: 'created', limit: 2, ...filter, cursor },
            now: '2026-12-01T02:00:00.000Z',
          });
          seen.push(...page.items.map(t => t.title));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      const expected = (keep: (t: (typeof stored)[number]) => boolean) =>
        stored
          .filter(t => t.entityRefs.includes(RECORDER))
          .filter(keep)
          .sort(newestFirst)
          .map(t => t.title);

      const recorderTickets = await pages({ entity: RECORDER });
      expect(recorderTickets).toEqual(expected(() => true));
      expect(recorderTickets).toContain('第1单');
      expect(recorderTickets).not.toContain('第0单');
      expect(await pages({ entity: RECORDER, status: ['new'] })).toEqual(
        expected(t => t.status === 'new'),
      );
      expect(
        await pages({ entity: RECORDER, system: 'system:default/network' }),
      ).toEqual(expected(t => t.entityRefs.includes(SWITCH)));
      // Another order reads the same tickets.
      const bySort = await records.list({
        filter: { sort: 'updated', limit: 50, entity: RECORDER },
        now: '2026-12-01T02:00:00.000Z',
      });
      expect(bySort.items.map(t => t.title).sort()).toEqual(
        [...recorderTickets].sort(),
      );
    });

    it('keeps the part a paused ticket waits for and finds the tickets waiting for a part type', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records } = await createTicketStores(knex);
      const at = '2026-12-07T02:00:00.000Z';
      const file = async (title: string) =>
        (
          await records.insert(
            {
              id: randomUUID(),
              type: 'incident',
              title,
              description: '',
              channel: 'portal',
              reporter: 'user:default/xuli',
              createdBy: 'user:default/xuli',
              urgency: 'high',
              impact: 'medium',
              level: 'L2',
              entities: [
                { entityRef: 'resource:default/courtroom-recorder-t01' },
              ],
              policy: { id: 'contract', version: 1 },
              createdAt: at,
              year: 2026,
            },
            [{ type: 'created', at, actor: 'user:default/xuli', data: {} }],
            { clocks: [] },
          )
        ).ticket;
      const pause = (
        id: string,
        version: number,
        part: { id?: string; name: string },
      ) =>
        records.update(id, version, {
          fields: {
            status: 'pending',
            pauseReason: 'waiting-part',
            awaitedPartTypeId: part.id ?? null,
            awaitedPartName: part.name,
          },
          events: [],
          projection: { clocks: [] },
          at,
        });
      const disk = await pause((await file('disk')).id, 1, {
        id: 'hdd-4tb',
        name: '4 TB 录像硬盘',
      });
      expect(disk.awaitedPart).toEqual({
        partTypeId: 'hdd-4tb',
        name: '4 TB 录像硬盘',
      });
      const board = await pause((await file('board')).id, 1, {
        name: '主板',
      });
      expect(board.awaitedPart).toEqual({ name: '主板' });
      await pause((await file('another disk')).id, 1, {
        id: 'hdd-4tb',
        name: '4 TB 录像硬盘',
      });
      await file('not waiting');
      const waiting = async (part: string) =>
        (
          await records.list({
            filter: { sort: 'created', limit: 50, awaitingPart: part },
            now: at,
          })
        ).items
          .map(t => t.title)
          .sort();
      expect(await waiting('hdd-4tb')).toEqual(['another disk', 'disk']);

      // Resumed, the ticket waits for nothing.
      const resumed = await records.update(disk.id, disk.version, {
        fields: {
          status: 'in-progress',
          pauseReason: null,
          awaitedPartTypeId: null,
          awaitedPartName: null,
        },
        events: [],
        projection: { clocks: [] },
        at,
      });
      expect(resumed.awaitedPart).toBeUndefined();
      expect(await waiting('hdd-4tb')).toEqual(['another disk']);
    });

    /** A new L2 incident filed at 10:00 on 7 December 2026, its first events and clocks. */
    function filing(sourceRef?: string) {
      const at = '2026-12-07T02:00:00.000Z';
      const ticket = {
        id: randomUUID(),
        type: 'incident' as const,
        title: 'recorder silent in courtroom 3',
        description: '',
        channel: 'portal' as const,
        reporter: 'user:default/xuli',
        createdBy: 'user:default/xuli',
        urgency: 'high' as const,
        impact: 'medium' as const,
        level: 'L2' as const,
        entities: [{ entityRef: 'resource:default/courtroom-recorder-t01' }],
        policy: { id: 'contract', version: 1 },
        createdAt: at,
        year: 2026,
        ...(sourceRef ? { sourceRef } : {}),
      };
      const events = [
        { type: 'created', at, actor: 'user:default/xuli', data: {} },
        { type: 'assigned', at, actor: 'user:default/xuli', data: {} },
      ];
      const sla = {
        nextWakeUpAt: '2026-12-07T03:00:00.000Z',
        nextDueAt: '2026-12-07T04:00:00.000Z',
        clocks: [
          {
            clock: 'response',
            level: 'L2' as const,
            state: 'running',
            startedAt: at,
            dueAt: '2026-12-07T04:00:00.000Z',
            elapsedMs: 0,
            pausedMs: 0,
          },
        ],
      };
      return { ticket, events, sla };
    }

    it('files a ticket, its first events and its clocks together or not at all', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records, history, projection } = await createTicketStores(knex);
      const { ticket, events, sla } = filing();
      // A failure in the same transaction (here the type's own rows) leaves no trace in any aggregate.
      await expect(
        records.insert(ticket, events, sla, async () => {
          throw new Error('the change rows could not be written');
        }),
      ).rejects.toThrow('the change rows could not be written');
      expect(await records.get(ticket.id)).toBeUndefined();
      expect(await history.events(ticket.id)).toEqual([]);
      expect(await projection.nextWakeUp()).toBeUndefined();
      expect(
        await knex('ticket_clocks').where({ ticket_id: ticket.id }),
      ).toEqual([]);

      // Two devices a locale collation orders one way and code units the other ('-' sorts before
      // 'b', but a collation that ignores punctuation compares "rackc" with "rackb").
      ticket.entities = [
        { entityRef: 'resource:default/rackb-01' },
        { entityRef: 'resource:default/rack-c' },
      ];
      const { ticket: filed } = await records.insert(ticket, events, sla);
      expect(filed.number).toBe('INC-2026-00001');
      // What the filing answers is what a later read finds (it is not read back).
      expect(await records.get(ticket.id)).toEqual(filed);
      expect(filed.entityRefs).toEqual([
        'resource:default/rack-c',
        'resource:default/rackb-01',
      ]);
      expect(
        (await history.events(ticket.id)).map(e => [e.seq, e.type]),
      ).toEqual([
        [1, 'created'],
        [2, 'assigned'],
      ]);
      expect(
        await projection.dueForWatch('2026-12-07T03:00:00.000Z', 10),
      ).toEqual([ticket.id]);
      expect(
        await projection.clockOutcomes({
          from: '2026-12-07T00:00:00.000Z',
          to: '2026-12-08T00:00:00.000Z',
        }),
      ).toEqual([
        { clock: 'response', level: 'L2', state: 'running', count: 1 },
      ]);
    });

    it('files a burst together: a failing filing leaves no trace and no gap, a repeated source returns the first', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records } = await createTicketStores(knex);
      const file = (sourceRef?: string, extra?: () => Promise<void>) => {
        const { ticket, events, sla } = filing(sourceRef);
        return records.insert(ticket, events, sla, extra);
      };
      const answers = await Promise.allSettled([
        ...Array.from({ length: 8 }, () => file()),
        file(undefined, async () => {
          throw new Error('the change rows could not be written');
        }),
        file('alertmanager:fp-1'),
        file('alertmanager:fp-1'),
        ...Array.from({ length: 8 }, () => file()),
      ]);
      const rejected = answers.filter(a => a.status === 'rejected');
      expect(rejected).toHaveLength(1);
      const filed = answers.flatMap(a =>
        a.status === 'fulfilled' ? [a.value] : [],
      );
      // The repeated source: one filing, the other answered with it.
      const bySource = filed.filter(
        f => f.ticket.sourceRef === 'alertmanager:fp-1',
      );
      expect(bySource.map(f => f.created).sort()).toEqual([false, true]);
      expect(bySource[0].ticket.number).toBe(bySource[1].ticket.number);
      // 17 tickets, numbered 1 to 17: the failed one took no number with it.
      const numbers = [...new Set(filed.map(f => f.ticket.number))].sort();
      expect(numbers).toEqual(
        Array.from(
          { length: 17 },
          (_, i) => `INC-2026-${String(i + 1).padStart(5, '0')}`,
        ),
      );
      const [{ count }] = await knex('tickets').count({ count: '*' });
      expect(Number(count)).toBe(17);
      for (const f of filed) {
        expect(await records.get(f.ticket.id)).toEqual(f.ticket);
      }
    });

    it('numbers a filing last: past five digits as formatTicketNumber writes it, in its search text and in what it announced', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { records } = await createTicketStores(knex);
      const delivered: string[] = [];
      const outbox = new LeasedOutbox<{ title: string }>({
        db: knex,
        table: TICKET_OUTBOX_TABLE,
        clock: new ManualCourtClock('2026-12-07T10:00:00+08:00'),
        logger: mockServices.logger.mock(),
        deliver: async m => {
          delivered.push(`${m.id} ${m.payload.title}`);
        },
      });
      await knex('ticket_sequences').insert({ key: 'INC-2026', last: 99998 });
      const file = () => {
        const { ticket, events, sla } = filing();
        return records.insert(ticket, events, sla, (trx, stored) =>
          outbox.enqueue(trx, [
            {
              id: `${announcementIdPrefix(stored.id)}created`,
              payload: { title: `${stored.number} ${stored.title}` },
            },
          ]),
        );
      };
      const filed = await Promise.all([file(), file()]);
      const numbers = filed.map(f => f.ticket.number).sort();
      expect(numbers).toEqual([
        formatTicketNumber('incident', 2026, 100000),
        formatTicketNumber('incident', 2026, 99999),
      ]);
      expect(numbers).toEqual(['INC-2026-100000', 'INC-2026-99999']);
      for (const { ticket } of filed) {
        expect((await records.get(ticket.number))?.id).toBe(ticket.id);
        expect(
          await knex('tickets')
            .where('search_text', 'like', `${ticket.number.toLowerCase()}\n%`)
            .pluck('id'),
        ).toEqual([ticket.id]);
      }
      await outbox.drain();
      expect(delivered.sort()).toEqual(
        filed
          .map(
            ({ ticket }) =>
              `ticket:${ticket.id}:created ${ticket.number} recorder silent in courtroom 3`,
          )
          .sort(),
      );
    });
  },
);

describe.each(databases.eachSupportedId())(
  'tickets migrations on %s',
  databaseId => {
    it('go up and down cleanly', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const directory = resolvePackagePath(
        '@internal/plugin-tickets-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('ticket_events')).toBe(true);
      await knex('ticket_sequences').insert({ key: 'INC-2026', last: 7 });
      await knex.migrate.rollback({ directory }, true);
      for (const table of [
        'tickets',
        'ticket_events',
        'ticket_clocks',
        'ticket_sla_alerts',
        'ticket_changes',
        'device_parameter_changes',
        'change_freezes',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory });
      expect(await knex('ticket_sequences')).toEqual([]);
    });

    it("keep every ticket's log on the way down, to the first migration", async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const directory = resolvePackagePath(
        '@internal/plugin-tickets-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      const at = '2026-03-03T02:00:00.000Z';
      await knex('tickets').insert({
        id: 't-1',
        number: 'INC-2026-00001',
        type: 'incident',
        title: '录音主机无声',
        description: '',
        channel: 'phone',
        reporter: 'user:default/xuli',
        created_by: 'user:default/lina',
        urgency: 'high',
        impact: 'medium',
        level: 'L2',
        status: 'new',
        policy_id: 'contract',
        policy_version: 1,
        version: 1,
        created_at: at,
        updated_at: at,
        next_due_at: '9999-12-31T23:59:59.999Z',
        search_text: '',
      });
      await knex('ticket_events').insert({
        ticket_id: 't-1',
        seq: 1,
        type: 'created',
        at,
        actor: 'user:default/lina',
        data: '{}',
      });
      // Down one migration at a time, until only the first (which made the tables) is left.
      for (;;) {
        const [done] = (await knex.migrate.list({ directory })) as [
          unknown[],
          unknown,
        ];
        if (done.length <= 1) break;
        await knex.migrate.down({ directory });
        expect(
          await knex('ticket_events').where({ ticket_id: 't-1' }),
        ).toHaveLength(1);
      }
    });
  },
);
