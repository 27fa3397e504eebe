import { mockServices } from '@backstage/backend-test-utils';
import { AuditRowContent } from '@internal/plugin-audit-common';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { AuditSink, AuditWriter } from './AuditSink';

const AT = '2026-02-17T03:00:00+08:00';

function row(n: number, outcome = 'succeeded'): AuditRowContent {
  return {
    kind: 'event',
    occurredAt: '2026-02-16T19:00:00.000Z',
    plugin: 'tickets',
    eventId: `event-${n}`,
    severity: 'medium',
    outcome,
    actor: 'user:default/lina',
    target: null,
    method: null,
    url: null,
    ip: null,
    meta: null,
    error: null,
  };
}

/** A writer that keeps what it was given, and fails while told to. */
class RecordingWriter implements AuditWriter {
  readonly batches: string[][] = [];
  failing = false;
  gate?: Promise<void>;

  async append(rows: readonly AuditRowContent[]) {
    await this.gate;
    if (this.failing) throw new Error('database down');
    this.batches.push(rows.map(r => `${r.eventId}:${r.outcome}`));
  }

  get written() {
    return this.batches.flat();
  }
}

function sink(clock: ManualCourtClock, capacity = 100, batchSize = 10) {
  return new AuditSink({
    capacity,
    batchSize,
    clock,
    logger: mockServices.logger.mock(),
  });
}

describe('the audit sink', () => {
  it('writes accepted events once, in order, in batches off the caller', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    const s = sink(clock);
    s.attach(writer);
    for (let i = 0; i < 25; i++) await s.accept(row(i));
    await s.drained();
    expect(writer.written).toEqual(
      Array.from({ length: 25 }, (_, i) => `event-${i}:succeeded`),
    );
    expect(writer.batches.every(b => b.length <= 10)).toBe(true);
    expect(writer.batches.length).toBeLessThan(25);
  });

  it('holds events taken before the audit plugin attached its writer', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    const s = sink(clock);
    await s.accept(row(1));
    s.attach(writer);
    await s.drained();
    expect(writer.written).toEqual(['event-1:succeeded']);
  });

  it('keeps failed writes and retries them on the court clock, losing nothing', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    const s = sink(clock);
    s.attach(writer);
    writer.failing = true;
    await s.accept(row(1));
    await s.accept(row(2));
    await s.drained();
    expect(writer.written).toEqual([]);
    expect(s.backlog).toBe(2);
    writer.failing = false;
    await clock.advance({ seconds: 1 });
    await s.drained();
    expect(writer.written).toEqual(['event-1:succeeded', 'event-2:succeeded']);
  });

  it('makes callers wait while the queue is full, and lets them in as it drains', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    let open!: () => void;
    writer.gate = new Promise(resolve => {
      open = resolve;
    });
    const s = sink(clock, 10, 5);
    s.attach(writer);
    for (let i = 0; i < 10; i++) await s.accept(row(i));
    let eleventh = false;
    const late = s.accept(row(10)).then(() => {
      eleventh = true;
    });
    await new Promise(r => setImmediate(r));
    expect(eleventh).toBe(false);
    open();
    await late;
    await s.drained();
    expect(writer.written).toHaveLength(11);
  });

  it('writes one row per event: its outcome when it closes, initiated if the plugin stops first', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    const s = sink(clock);
    s.attach(writer);
    const done = await s.begin(row(1, 'initiated'));
    const hanging = await s.begin(row(2, 'initiated'));
    done!.close(row(1, 'failed'));
    await s.drained();
    expect(writer.written).toEqual(['event-1:failed']);
    await s.stop();
    expect(writer.written).toEqual(['event-1:failed', 'event-2:initiated']);
    hanging!.close(row(2, 'succeeded'));
    expect(await s.accept(row(3))).toBe(false);
    expect(writer.written).toHaveLength(2);
  });

  it('flushes what is queued on a stop', async () => {
    const clock = new ManualCourtClock(AT);
    const writer = new RecordingWriter();
    const s = sink(clock, 1000, 7);
    s.attach(writer);
    await Promise.all(Array.from({ length: 50 }, (_, i) => s.accept(row(i))));
    await s.stop();
    expect(writer.written).toHaveLength(50);
  });

  it('stores nothing, and blocks nobody, when no audit plugin attached by the start', async () => {
    const clock = new ManualCourtClock(AT);
    const s = sink(clock, 10);
    for (let i = 0; i < 10; i++) await s.accept(row(i));
    s.started();
    expect(await s.accept(row(11))).toBe(false);
    expect(s.backlog).toBe(0);
  });
});
