import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { periodWindow, TicketFact } from '@internal/plugin-reports-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  as,
  COURTROOM,
  NETWORK,
  newChange,
  newIncident,
  startTicketsBackend,
  SWITCH,
  TicketsBackend,
} from '../__testUtils__/backend';
import { createTicketStores } from './createTicketStores';
import { DatabaseTicketFiguresStore } from './TicketFiguresStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const ZONE = 'Asia/Shanghai';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const utc = (local: string) => new Date(local).toISOString();

describe.each(databases.eachSupportedId())(
  'ticket figures store on %s',
  databaseId => {
    let knex: Knex;
    let backend: TicketsBackend;
    let clock: ManualCourtClock;

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      // Friday before the reported month: what happens here counts in February.
      clock = new ManualCourtClock('2026-02-27T10:00:00+08:00');
      backend = await startTicketsBackend({ knex, clock });
    });
    afterAll(() => backend.stop());

    async function file(user: string, overrides: Record<string, unknown> = {}) {
      const res = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as(user))
        .send(newIncident(overrides));
      expect(res.status).toBe(201);
      return res.body as { id: string; number: string; version: number };
    }

    /** Runs actions in turn as `user`, each on the version the last one left. */
    async function act(
      user: string,
      ticket: { id: string; version: number },
      ...actions: Record<string, unknown>[]
    ) {
      let version = ticket.version;
      for (const body of actions) {
        const res = await request(backend.server)
          .post(`/api/tickets/tickets/${ticket.id}/actions`)
          .set('Authorization', as(user))
          .send({ ...body, version });
        expect({ action: body.action, status: res.status }).toEqual({
          action: body.action,
          status: 200,
          ...(res.status === 200 ? {} : { error: res.body.error?.message }),
        });
        version = res.body.version;
      }
      return { ...ticket, version };
    }

    async function logWork(
      ticketId: string,
      workDate: string,
      minutes: number,
    ) {
      const res = await request(backend.server)
        .post(`/api/tickets/tickets/${ticketId}/work-logs`)
        .set('Authorization', as('wangqiang'))
        .send({ minutes, workDate, note: '现场处理' });
      expect(res.status).toBe(201);
    }

    const store = () => new DatabaseTicketFiguresStore(knex);
    const march = (system?: string) =>
      store().factsIn(MARCH, periodWindow(MARCH, ZONE), system);

    it('reads the facts of the tickets and changes that may count in a month, and no others', async () => {
      // February: one ticket that ends there, one that spans into March, one with work dated in March.
      const endedInFebruary = await file('xuli', { title: '二月已结' });
      await act(
        'wangqiang',
        endedInFebruary,
        { action: 'acknowledge' },
        { action: 'arrive' },
        { action: 'resolve', resolution: '重启录音主机' },
      );
      const spanning = await file('xuli', { title: '跨月工单' });
      const workedInMarch = await file('xuli', { title: '三月补登工时' });
      await act(
        'wangqiang',
        workedInMarch,
        { action: 'acknowledge' },
        { action: 'arrive' },
        { action: 'resolve', resolution: '更换电源' },
      );
      await logWork(workedInMarch.id, '2026-02-27', 30);

      // March 3rd, 10:00.
      await clock.set('2026-03-03T10:00:00+08:00');
      await act(
        'wangqiang',
        spanning,
        { action: 'acknowledge' },
        { action: 'arrive' },
        { action: 'resolve', resolution: '更换麦克风' },
      );
      await logWork(workedInMarch.id, '2026-03-02', 45);
      const filedAssigned = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('lina'))
        .send(
          newIncident({
            title: '分派后转交',
            reporter: 'user:default/xuli',
            assignee: 'user:default/wangqiang',
          }),
        );
      expect(filedAssigned.status).toBe(201);
      // Handed over once after its assignment at filing.
      await act('wangqiang', filedAssigned.body, {
        action: 'assign',
        assignee: 'user:default/liuyang',
      });
      // First assignment only: no hand-over.
      const assignedLater = await file('xuli', { title: '首次分派' });
      await act('wangqiang', assignedLater, {
        action: 'assign',
        assignee: 'user:default/wangqiang',
      });

      // Reopened: resolved at 12:00, reopened at 13:00, resolved again at 15:00.
      const reopened = await file('mahui', { title: '反复故障' });
      let r = await act(
        'wangqiang',
        reopened,
        { action: 'acknowledge' },
        { action: 'arrive' },
      );
      await clock.set('2026-03-03T12:00:00+08:00');
      r = await act('wangqiang', r, {
        action: 'resolve',
        resolution: '重插线缆',
      });
      await clock.set('2026-03-03T13:00:00+08:00');
      r = await act('wangqiang', r, { action: 'reopen', reason: '再次无声' });
      await clock.set('2026-03-03T15:00:00+08:00');
      r = await act('wangqiang', r, {
        action: 'resolve',
        resolution: '更换音频板',
        knowledgeArticle: 'KB-0042',
      });
      r = await act('lina', r, {
        action: 'call-back',
        outcome: 'satisfied',
        satisfaction: 4,
        note: '确认正常',
      });

      // Reprioritised from high × medium (L2) down to medium × medium (L3) while running.
      const reprioritised = await file('xuli', { title: '降级处理' });
      const before = await request(backend.server)
        .get(`/api/tickets/tickets/${reprioritised.id}`)
        .set('Authorization', as('lina'));
      await act('lina', reprioritised, {
        action: 'reprioritise',
        urgency: 'medium',
        impact: 'medium',
        reason: '仅影响备用设备',
      });

      // Paused for an hour while waiting for a part.
      const paused = await file('xuli', {
        title: '等待备件',
        entityRefs: [SWITCH],
      });
      let p = await act(
        'wangqiang',
        paused,
        { action: 'acknowledge' },
        { action: 'arrive' },
        { action: 'start-work' },
        { action: 'pause', reason: 'waiting-part', note: '等待交换机模块' },
      );
      await clock.set('2026-03-03T16:00:00+08:00');
      p = await act('wangqiang', p, { action: 'resume' });
      await clock.set('2026-03-03T16:30:00+08:00');
      p = await act('wangqiang', p, {
        action: 'resolve',
        resolution: '更换模块',
      });

      // A change filed for approval, and a draft that is not filed.
      const change = await request(backend.server)
        .post('/api/tickets/changes')
        .set('Authorization', as('wangqiang'))
        .send(newChange());
      expect(change.status).toBe(201);
      const draft = await request(backend.server)
        .post('/api/tickets/changes')
        .set('Authorization', as('wangqiang'))
        .send(newChange({ submit: false, title: '草稿变更' }));
      expect(draft.status).toBe(201);

      const { tickets, changes } = await march();
      const byTitle = new Map(tickets.map(t => [t.title, t]));
      expect([...byTitle.keys()].sort()).toEqual(
        [
          '跨月工单',
          '三月补登工时',
          '分派后转交',
          '首次分派',
          '反复故障',
          '降级处理',
          '等待备件',
        ].sort(),
      );
      const fact = (title: string): TicketFact => byTitle.get(title)!;

      // Created in February, resolved in March: its clocks' outcomes count here.
      expect(fact('跨月工单').createdAt).toBe(utc('2026-02-27T10:00:00+08:00'));
      expect(fact('跨月工单').resolvedAt).toBe(
        utc('2026-03-03T10:00:00+08:00'),
      );
      expect(
        fact('跨月工单').clocks.find(c => c.clock === 'resolution')?.stoppedAt,
      ).toBe(utc('2026-03-03T10:00:00+08:00'));
      // Only the work dated in the period.
      expect(fact('三月补登工时').workLogs).toEqual([
        {
          engineer: 'user:default/wangqiang',
          minutes: 45,
          workDate: '2026-03-02',
        },
      ]);
      expect(fact('分派后转交').reassignments).toBe(1);
      expect(fact('分派后转交').assignee).toBe('user:default/liuyang');
      expect(fact('首次分派').reassignments).toBe(0);

      expect(fact('反复故障')).toMatchObject({
        reopenedAt: [utc('2026-03-03T13:00:00+08:00')],
        resolvedAt: utc('2026-03-03T15:00:00+08:00'),
        arrivedAt: utc('2026-03-03T10:00:00+08:00'),
        knownErrorArticle: 'KB-0042',
        satisfaction: 4,
        calledBackAt: utc('2026-03-03T15:00:00+08:00'),
        systemRefs: [COURTROOM],
      });

      const levelBefore = before.body.ticket.level;
      const after = fact('降级处理');
      expect(after.level).not.toBe(levelBefore);
      expect(after.clocks.map(c => c.clock).sort()).toEqual([
        'arrival',
        'resolution',
        'response',
      ]);
      for (const c of after.clocks) expect(c.level).toBe(after.level);

      // The engine's own account of the paused clock, as the ticket page shows it.
      const pausedDetail = await request(backend.server)
        .get(`/api/tickets/tickets/${paused.id}`)
        .set('Authorization', as('lina'));
      const resolution = fact('等待备件').clocks.find(
        c => c.clock === 'resolution',
      )!;
      expect(resolution.pausedMs).toBe(
        pausedDetail.body.ticket.clocks.resolution.pausedMs,
      );
      expect(resolution.pausedMs).toBeGreaterThan(0);
      expect(resolution.elapsedMs).toBe(
        pausedDetail.body.ticket.clocks.resolution.elapsedMs,
      );
      expect(fact('等待备件').systemRefs).toEqual([NETWORK]);

      expect(changes).toEqual([
        expect.objectContaining({
          number: change.body.change.number,
          status: 'submitted',
          emergency: false,
          risk: change.body.change.change.riskLevel,
          filedAt: utc('2026-03-03T16:30:00+08:00'),
          systemRefs: [NETWORK],
        }),
      ]);
      expect(changes[0].decision).toBeUndefined();
    });

    it('narrows to the facts whose systems include the one asked for', async () => {
      const network = await march(NETWORK);
      expect(network.tickets.map(t => t.title)).toEqual(['等待备件']);
      expect(network.changes).toHaveLength(1);
      const courtroom = await march(COURTROOM);
      expect(
        courtroom.tickets.every(t => t.systemRefs.includes(COURTROOM)),
      ).toBe(true);
      expect(courtroom.tickets).toHaveLength(6);
      expect(courtroom.changes).toEqual([]);
    });

    it('reads the same facts in the same order however many tickets a round of reads takes', async () => {
      const window = periodWindow(MARCH, ZONE);
      const whole = await store().factsIn(MARCH, window);
      expect(whole.tickets.length).toBeGreaterThan(3);
      for (const factsChunk of [1, 2, 3]) {
        const chunked = new DatabaseTicketFiguresStore(knex, { factsChunk });
        expect(await chunked.factsIn(MARCH, window)).toEqual(whole);
        expect(await chunked.factsIn(MARCH, window, COURTROOM)).toEqual(
          await march(COURTROOM),
        );
      }
    });

    it('finds nothing in a month where nothing happened', async () => {
      const january = { from: '2026-01-01', to: '2026-01-31' };
      expect(
        await store().factsIn(january, periodWindow(january, ZONE)),
      ).toEqual({ tickets: [], changes: [] });
    });
  },
);

describe.each(databases.eachSupportedId())(
  "a ticket's log as its fact reads it, on %s",
  databaseId => {
    /** The tickets' logs below, written in one filing or entry by entry. */
    async function writeLogs(knex: Knex, piecewise: boolean) {
      const { records, history } = await createTicketStores(knex);
      const at = (hour: number) =>
        utc(`2026-03-03T${String(hour).padStart(2, '0')}:00:00+08:00`);
      const entry = (
        type: string,
        hour: number,
        data: Record<string, unknown> = {},
      ) => ({
        type,
        at: at(hour),
        actor: 'user:default/wangqiang',
        data,
      });
      const ticket = async (title: string, log: ReturnType<typeof entry>[]) => {
        const [created, ...rest] = log;
        const { ticket: filed } = await records.insert(
          {
            id: randomUUID(),
            type: 'incident',
            title,
            description: '',
            channel: 'phone',
            reporter: 'user:default/xuli',
            createdBy: 'user:default/lina',
            urgency: 'high',
            impact: 'medium',
            level: 'L2',
            entities: [{ entityRef: SWITCH, systemRef: NETWORK }],
            policy: { id: 'contract', version: 1 },
            createdAt: at(8),
            year: 2026,
          },
          piecewise ? [created] : log,
          { clocks: [] },
        );
        if (!piecewise) return;
        // Half through the history (one entry a write), half through the record's updates.
        let version = filed.version;
        for (const [i, event] of rest.entries()) {
          if (i % 2 === 0) {
            await history.append(filed.id, event);
          } else {
            const updated = await records.update(filed.id, version, {
              fields: {},
              events: [event],
              projection: { clocks: [] },
              at: event.at,
            });
            version = updated.version;
          }
        }
      };
      // Written out of time order on purpose: the entries' numbers decide first and last.
      await ticket('反复处理', [
        entry('created', 8, { assignee: null }),
        entry('assigned', 8),
        entry('arrived', 10),
        entry('arrived', 9),
        entry('resolved', 11, { knowledgeArticle: 'KB-0007' }),
        entry('reopened', 13),
        entry('resolved', 14, { knowledgeArticle: 'KB-0042' }),
        entry('called-back', 15, { satisfaction: 2 }),
        entry('reopened', 12),
        entry('assigned', 16),
        entry('resolved', 17, { knowledgeArticle: 42 }),
        entry('resolved', 18),
        entry('called-back', 19, { satisfaction: 5 }),
        entry('assigned', 20),
      ]);
      await ticket('回访未评分', [
        entry('created', 8, { group: 'group:default/onsite' }),
        entry('called-back', 9, { satisfaction: 4 }),
        entry('called-back', 10, { satisfaction: 'good' }),
      ]);
      await ticket('后来分派', [
        entry('created', 8, {}),
        entry('assigned', 9),
        entry('assigned', 10),
      ]);
      return at;
    }

    async function expectFolded(
      knex: Knex,
      at: (hour: number) => string,
    ): Promise<TicketFact[]> {
      const { tickets } = await new DatabaseTicketFiguresStore(knex).factsIn(
        MARCH,
        periodWindow(MARCH, ZONE),
      );
      const fact = (title: string) => tickets.find(t => t.title === title)!;
      expect(fact('反复处理')).toMatchObject({
        arrivedAt: at(10),
        reopenedAt: [at(13), at(12)],
        knownErrorArticle: 'KB-0042',
        calledBackAt: at(19),
        satisfaction: 5,
        // Routed at filing (a null assignee is still named): each of three assignments hands over.
        reassignments: 3,
      });
      expect(fact('回访未评分')).toMatchObject({
        calledBackAt: at(10),
        reassignments: 0,
        reopenedAt: [],
      });
      expect(fact('回访未评分').satisfaction).toBeUndefined();
      expect(fact('回访未评分').arrivedAt).toBeUndefined();
      expect(fact('回访未评分').knownErrorArticle).toBeUndefined();
      // Not routed at filing: the first of two assignments hands nothing over.
      expect(fact('后来分派').reassignments).toBe(1);
      return tickets;
    }

    it('takes the first arrival, every reopening in order, the last named known error and the last call-back', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const tickets = await expectFolded(knex, await writeLogs(knex, false));
      expect(tickets).toHaveLength(3);
    });

    it('reads the same when each entry came in its own write', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const tickets = await expectFolded(knex, await writeLogs(knex, true));
      expect(tickets).toHaveLength(3);
    });

    it("folds a log written before its columns existed as the writes do (the upgrade's backfill)", async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const at = await writeLogs(knex, true);
      const written = await expectFolded(knex, at);
      const directory = resolvePackagePath(
        '@internal/plugin-tickets-backend',
        'migrations',
      );
      const name = '20261208000000_ticket_log_columns.js';
      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasColumn('tickets', 'reopened_at')).toBe(false);
      await knex.migrate.up({ directory, name });
      expect(await expectFolded(knex, at)).toEqual(written);
    });
  },
);
