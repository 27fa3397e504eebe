import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  CourtClock,
  courtClockFactory,
  courtClockServiceRef,
  SystemCourtClock,
} from './CourtClock';
import { ManualCourtClock } from './ManualCourtClock';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('ManualCourtClock', () => {
  it('stands at the instant it is given, in UTC', () => {
    const clock = new ManualCourtClock('2026-02-17T03:00:00+08:00');
    expect(clock.now().toISO()).toBe('2026-02-16T19:00:00.000Z');
    expect(clock.now().toISO()).toBe(clock.now().toISO());
  });

  it('refuses an instant without its offset, and going back', async () => {
    expect(() => new ManualCourtClock('2026-02-17T03:00:00')).toThrow(
      /offset/,
    );
    const clock = new ManualCourtClock('2026-02-17T03:00:00+08:00');
    await expect(clock.set('2026-02-17T02:59:59+08:00')).rejects.toThrow(
      /does not go back/,
    );
  });

  it('fires wake-ups in order, each at its own instant, and those they arm', async () => {
    const clock = new ManualCourtClock('2026-03-03T10:00:00+08:00');
    const seen: string[] = [];
    const note = (name: string) => () => {
      seen.push(`${name}@${clock.now().toISO()}`);
    };
    clock.wakeAt(at('2026-03-03T10:05:00+08:00'), note('second'));
    clock.wakeAt(at('2026-03-03T10:01:00+08:00'), async () => {
      note('first')();
      await Promise.resolve();
      clock.wakeAt(at('2026-03-03T10:03:00+08:00'), note('armed by first'));
    });
    const cancel = clock.wakeAt(at('2026-03-03T10:02:00+08:00'), note('x'));
    cancel();
    clock.wakeAt(at('2026-03-03T11:00:00+08:00'), note('later'));

    await clock.advance({ minutes: 10 });
    expect(seen).toEqual([
      'first@2026-03-03T02:01:00.000Z',
      'armed by first@2026-03-03T02:03:00.000Z',
      'second@2026-03-03T02:05:00.000Z',
    ]);
    expect(clock.now().toISO()).toBe('2026-03-03T02:10:00.000Z');
    await clock.set('2026-03-03T11:00:00+08:00');
    expect(seen).toHaveLength(4);
  });
});

describe('SystemCourtClock', () => {
  it('tells the machine time in UTC and wakes when an instant is reached', async () => {
    const clock = new SystemCourtClock();
    const before = Date.now();
    const now = clock.now();
    expect(now.zoneName).toBe('UTC');
    expect(Math.abs(now.toMillis() - before)).toBeLessThan(1000);
    const woke = await new Promise<number>(resolve =>
      clock.wakeAt(clock.now().plus({ milliseconds: 30 }), () =>
        resolve(Date.now()),
      ),
    );
    expect(woke).toBeGreaterThanOrEqual(now.toMillis() + 30);
    let fired = false;
    const cancel = clock.wakeAt(clock.now().plus({ milliseconds: 10 }), () => {
      fired = true;
    });
    cancel();
    await new Promise(r => setTimeout(r, 50));
    expect(fired).toBe(false);
  });
});

describe('courtClockServiceRef', () => {
  async function clockOf(features: Parameters<typeof startTestBackend>[0]['features']) {
    let seen: CourtClock | undefined;
    const backend = await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { clock: courtClockServiceRef },
              async init({ clock }) {
                seen = clock;
              },
            });
          },
        }),
        ...(features ?? []),
      ],
    });
    await backend.stop();
    return seen;
  }

  it('is the machine clock unless a backend names another', async () => {
    expect(await clockOf([])).toBeInstanceOf(SystemCourtClock);
    const manual = new ManualCourtClock('2026-02-28T12:00:00+08:00');
    expect(await clockOf([courtClockFactory(manual)])).toBe(manual);
  });
});
