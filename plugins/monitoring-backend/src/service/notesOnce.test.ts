import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Caller, ManualCourtClock } from '@internal/plugin-court-node';
import { Knex } from 'knex';
import { readMonitoringConfig } from '../config';
import { DatabaseMonitoringStore } from '../database/DatabaseMonitoringStore';
import { IncidentDesk } from './IncidentDesk';
import { IncidentFiler } from './IncidentFiler';
import { IntakeService } from './IntakeService';

jest.setTimeout(60_000);

/**
 * The "alert cleared" and "flapping" events are written exactly once however
 * a delivery and the filer interleave. Each case stops one side at the
 * instant that used to lose or double an event (after the filer stored the
 * ticket; after a delivery read its alert) and lets the other run meanwhile.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const source = mockCredentials.service('monitoring-generic');
const caller: Caller = source as Caller;

/** The service desk as the intake sees it: tickets by sourceRef, and their events. */
function recordingDesk() {
  const tickets = new Map<string, string>();
  const notes: { ticket: string; body: string }[] = [];
  const desk: IncidentDesk = {
    async file(request) {
      const known = tickets.get(request.sourceRef!);
      if (known) return known;
      const number = `INC-${tickets.size + 1}`;
      tickets.set(request.sourceRef!, number);
      return number;
    },
    async note(ticket, body) {
      notes.push({ ticket, body });
    },
    async link() {},
    async resolve() {
      return false;
    },
    async isDone() {
      return false;
    },
  };
  return { desk, notes };
}

/**
 * The real store, one of whose methods stops after it has done its work
 * (the `when`-th call matching) until the test releases it.
 */
function pausing(
  store: DatabaseMonitoringStore,
  method: 'setTicket' | 'recordFiring',
  when: (args: unknown[]) => boolean,
) {
  let reached!: () => void;
  let release!: () => void;
  const atPause = new Promise<void>(r => (reached = r));
  const released = new Promise<void>(r => (release = r));
  const paused = new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        const result = await value.apply(target, args);
        if (when(args)) {
          reached();
          await released;
        }
        return result;
      };
    },
  });
  return { store: paused, atPause, release };
}

const generic = (status: 'firing' | 'resolved', startsAt: string) => ({
  alerts: [
    {
      id: 'ups-b1-battery',
      status,
      severity: 'major',
      title: 'UPS on battery',
      host: 'ups-a-b1',
      startsAt,
    },
  ],
});

describe.each(databases.eachSupportedId())('alert events on %s', id => {
  let knex: Knex;
  let filer: IncidentFiler | undefined;
  let release = () => {};
  beforeEach(async () => {
    knex = await databases.init(id);
  });
  afterEach(async () => {
    release();
    await filer?.stop();
  });

  async function setUp(
    method: 'setTicket' | 'recordFiring',
    when: (args: unknown[]) => boolean,
  ) {
    const real = await DatabaseMonitoringStore.fromKnex(knex);
    const clock = new ManualCourtClock('2026-12-06T10:00:00+08:00');
    const config = readMonitoringConfig(
      new ConfigReader({
        monitoring: { flapping: { fires: 3, minutes: 30 } },
      }),
    );
    const { desk, notes } = recordingDesk();
    const logger = mockServices.logger.mock();
    const paused = pausing(real, method, when);
    release = paused.release;
    const deps = { desk, clock, logger, config };
    // Each side gets the store that stops only where the case says.
    const storeOf = (side: 'setTicket' | 'recordFiring') =>
      method === side ? paused.store : real;
    filer = new IncidentFiler({
      ...deps,
      store: storeOf('setTicket'),
      credentials: async () => caller,
    });
    const intake = new IntakeService({
      ...deps,
      store: storeOf('recordFiring'),
      place: async () => ({ entityRef: 'resource:default/ups-a-b1' }),
      permissions: mockServices.permissions(),
      queued: () => {},
    });
    // A minute apart, as deliveries come.
    const receive = async (body: unknown) => {
      await clock.advance({ minutes: 1 });
      return intake.receive('generic', body, caller);
    };
    const filed = async () => {
      for (let i = 0; i < 200; i++) {
        if ((await knex('monitoring_outbox')).length === 0) return;
        await new Promise(r => setTimeout(r, 25));
      }
      throw new Error('the filer did not finish');
    };
    const written = (prefix: string) =>
      notes.filter(n => n.body.startsWith(prefix));
    return { real, paused, filer, receive, filed, written, deps };
  }

  it('writes a clearing once when it arrives just after the filer stored the ticket', async () => {
    const t = await setUp('setTicket', () => true);
    await t.receive(generic('firing', '2026-12-06T10:00:00+08:00'));
    t.filer.poke();
    await t.paused.atPause;
    // The ticket is stored and the filer has not looked at the alert yet.
    await t.receive(generic('resolved', '2026-12-06T10:00:00+08:00'));
    t.paused.release();
    await t.filed();
    expect(t.written('告警已清除')).toEqual([
      { ticket: 'INC-1', body: expect.stringContaining('UPS on battery') },
    ]);
  });

  it('writes clearings and the flapping mark once when the filer files while a delivery is under way', async () => {
    // The third firing's delivery stops once it has read its alert (no ticket yet).
    let firings = 0;
    const t = await setUp('recordFiring', () => ++firings === 3);
    await t.receive(generic('firing', '2026-12-06T10:00:00+08:00'));
    await t.receive(generic('resolved', '2026-12-06T10:00:00+08:00'));
    await t.receive(generic('firing', '2026-12-06T10:05:00+08:00'));
    await t.receive(generic('resolved', '2026-12-06T10:05:00+08:00'));
    const third = t.receive(generic('firing', '2026-12-06T10:10:00+08:00'));
    await t.paused.atPause;
    // Filed meanwhile: the alert is open again, its two clearings before the ticket.
    t.filer.poke();
    await t.filed();
    t.paused.release();
    await third;
    expect(t.written('告警已清除')).toHaveLength(2);
    expect(t.written('告警抖动')).toEqual([
      { ticket: 'INC-1', body: expect.stringContaining('3 次触发') },
    ]);
    expect(await t.real.get('generic:ups-b1-battery')).toMatchObject({
      flapping: true,
      ticketNumber: 'INC-1',
    });
  });

  it('writes each event once under concurrent deliveries and filers', async () => {
    const t = await setUp('setTicket', () => false);
    const second = new IncidentFiler({
      ...t.deps,
      store: t.real,
      credentials: async () => caller,
    });
    await t.receive(generic('firing', '2026-12-06T10:00:00+08:00'));
    // Two replicas' filers and repeated clearings (Alertmanager's retries) at once.
    t.filer.poke();
    second.poke();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        t.receive(generic('resolved', '2026-12-06T10:00:00+08:00')),
      ),
    );
    await t.filed();
    await second.stop();
    expect(t.written('告警已清除')).toHaveLength(1);
  });
});
