import { TestDatabases } from '@backstage/backend-test-utils';
import { ReceivedAlert } from '@internal/plugin-monitoring-common';
import { DatabaseMonitoringStore } from './DatabaseMonitoringStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const alert: ReceivedAlert = {
  source: 'generic',
  fingerprint: 'generic:ups-b1-battery',
  status: 'firing',
  severity: 'major',
  title: 'UPS on battery',
  description: '',
  host: 'ups-a-b1',
  startsAt: '2026-12-06T10:00:00+08:00',
};
const placement = {
  entityRef: 'resource:default/ups-a-b1',
  systemRef: 'system:default/machine-rooms',
};
const at = (minute: number) =>
  `2026-12-06T02:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(databases.eachSupportedId())(
  'DatabaseMonitoringStore on %s',
  id => {
    let store: DatabaseMonitoringStore;
    beforeEach(async () => {
      store = await DatabaseMonitoringStore.fromKnex(await databases.init(id));
    });

    it('makes one row of concurrent first deliveries, counts every one and queues one filing', async () => {
      const device = { entityRef: placement.entityRef };
      const firings = await Promise.all(
        Array.from({ length: 25 }, () =>
          store.recordFiring(alert, device, at(0)),
        ),
      );
      expect(firings.filter(f => f.created)).toHaveLength(1);
      expect(firings.filter(f => f.queued)).toHaveLength(1);
      expect(await store.dueFilings(at(0), 10)).toEqual([
        {
          fingerprint: alert.fingerprint,
          episode: 1,
          dueAt: at(0),
          attempts: 0,
        },
      ]);
      expect(firings.filter(f => f.newFire)).toHaveLength(1);
      expect(await store.get(alert.fingerprint)).toMatchObject({
        occurrences: 25,
        episode: 1,
        entityRef: placement.entityRef,
      });
    });

    it('reopens a cleared alert only for a new firing, and starts an episode once', async () => {
      await store.recordFiring(alert, placement, at(0));
      expect(
        await store.recordCleared(alert.fingerprint, at(5), () => 'cleared'),
      ).toMatchObject({
        status: 'cleared',
        clearedAt: at(5),
      });
      expect(
        await store.recordCleared(alert.fingerprint, at(6), () => 'cleared'),
      ).toBeUndefined();
      // A late copy of the old firing does not reopen it.
      const late = await store.recordFiring(alert, placement, at(7));
      expect(late).toMatchObject({ refired: false, newFire: false });
      expect(late.alert.status).toBe('cleared');
      const again = { ...alert, startsAt: '2026-12-06T10:10:00+08:00' };
      const refired = await store.recordFiring(again, placement, at(10));
      expect(refired).toMatchObject({ refired: true, newFire: true });
      const [first, second] = await Promise.all([
        store.startEpisode(again, placement, at(10), 1),
        store.startEpisode(again, placement, at(10), 1),
      ]);
      expect([first.started, second.started].sort()).toEqual([false, true]);
      expect(first.alert.episode).toBe(2);
      expect(second.alert.episode).toBe(2);
      expect(await store.get(alert.fingerprint)).toMatchObject({
        episode: 2,
        occurrences: 1,
        firstSeen: at(10),
      });
      expect(await store.fires(alert.fingerprint, 2)).toEqual([
        '2026-12-06T02:10:00.000Z',
      ]);
    });

    it("queues a system's alert only once the storm rule gives it its own incident", async () => {
      await store.recordFiring(alert, placement, at(0));
      expect(await store.dueFilings(at(0), 10)).toEqual([]);
      const own = await store.placeInSystem(
        { fingerprint: alert.fingerprint, episode: 1, link: 'https://x' },
        placement.systemRef,
        at(0),
        () => ({ siblings: [] }),
      );
      expect(own.queued).toBe(true);
      expect(await store.dueFilings(at(0), 10)).toMatchObject([
        { fingerprint: alert.fingerprint, link: 'https://x' },
      ]);
      // Queued: its repeats count on the fast path and queue nothing more.
      const repeat = await store.recordFiring(alert, placement, at(1));
      expect(repeat.queued).toBe(false);
      expect(repeat.alert.occurrences).toBe(2);
    });

    it('records and places a new alert of a system in one call when given the storm rule', async () => {
      const own = await store.recordFiring(
        { ...alert, link: 'https://x' },
        placement,
        at(0),
        () => ({ siblings: [] }),
      );
      expect(own).toMatchObject({ created: true, queued: true });
      expect(own.placed).toEqual({ siblings: [], queued: true });
      expect(await store.dueFilings(at(0), 10)).toMatchObject([
        { fingerprint: alert.fingerprint, link: 'https://x' },
      ]);
      // The next alert of the system opens a storm: it joins it, and nothing is queued for it.
      const other = { ...alert, fingerprint: 'generic:ups-b2' };
      const rule = jest.fn().mockReturnValue({ siblings: [], open: true });
      const stormed = await store.recordFiring(other, placement, at(0), rule);
      expect(rule.mock.calls[0][0].ownInLastMinute).toMatchObject([
        { fingerprint: alert.fingerprint },
      ]);
      expect(stormed.queued).toBe(false);
      expect(stormed.alert.stormId).toBe(stormed.placed!.stormId);
      expect((await store.get(other.fingerprint))!.stormId).toBe(
        stormed.placed!.stormId,
      );
      expect(await store.dueFilings(at(0), 10)).toHaveLength(1);
      // A repeat is not placed again.
      rule.mockClear();
      await store.recordFiring(other, placement, at(1), rule);
      expect(rule).not.toHaveBeenCalled();
    });

    it('lets one claimant hold a filing until its lease ends, then another', async () => {
      await store.recordFiring(
        alert,
        { entityRef: placement.entityRef },
        at(0),
      );
      const [filing] = await store.dueFilings(at(0), 10);
      const claims = await Promise.all(
        Array.from({ length: 6 }, () => store.claimFiling(filing, at(2))),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.dueFilings(at(1), 10)).toEqual([]);
      expect(await store.nextFilingDue()).toBe(at(2));
      // The claimant stopped: the lease runs out and the filing is due again.
      const [again] = await store.dueFilings(at(2), 10);
      expect(again).toMatchObject({ attempts: 1, dueAt: at(2) });
      expect(await store.claimFiling(again, at(4))).toBe(true);
      await store.deferFiling(again, at(9));
      expect(await store.dueFilings(at(8), 10)).toEqual([]);
      await store.finishFiling(again);
      expect(await store.nextFilingDue()).toBeUndefined();
    });

    it('keeps only the newest dead letters', async () => {
      for (let i = 0; i < 5; i++) {
        await store.addDeadLetter(
          {
            source: 'zabbix',
            receivedAt: at(i),
            error: `body.event_value: ${i}`,
            body: '{}',
          },
          3,
        );
      }
      const letters = await store.listDeadLetters();
      expect(letters.map(l => l.receivedAt)).toEqual([at(4), at(3), at(2)]);
    });

    it('claims a silence once, and again only after a delivery', async () => {
      await store.watchSource('alertmanager', at(0));
      expect(await store.claimSilence('alertmanager', at(11))).toBe(true);
      expect(await store.claimSilence('alertmanager', at(12))).toBe(false);
      await store.touchSource('alertmanager', at(20));
      expect(await store.claimSilence('alertmanager', at(31))).toBe(true);
      expect(await store.sources()).toEqual([
        {
          source: 'alertmanager',
          lastDeliveryAt: at(20),
          watchedSince: at(0),
          silenceAlertedAt: at(31),
        },
      ]);
    });

    it('opens one storm per system and lets later alerts join it', async () => {
      const decide = jest.fn();
      decide.mockReturnValueOnce({ siblings: [], open: true });
      await store.recordFiring(alert, placement, at(0));
      const opened = await store.placeInSystem(
        { ...alert, episode: 1 },
        placement.systemRef,
        at(0),
        decide,
      );
      const other = { ...alert, fingerprint: 'generic:ups-b2' };
      await store.recordFiring(other, placement, at(0));
      const seen = jest.fn().mockImplementation(state => ({
        siblings: [],
        stormId: state.openStorm?.id,
      }));
      const joined = await store.placeInSystem(
        { ...other, episode: 1 },
        placement.systemRef,
        at(0),
        seen,
      );
      expect(seen.mock.calls[0][0].openStorm).toMatchObject({
        id: opened.stormId,
        members: 1,
      });
      expect(joined.stormId).toBe(opened.stormId);
      expect((await store.storm(opened.stormId!))!.members).toBe(2);
      // A minute without alerts ends it.
      const later = jest.fn().mockReturnValue({ siblings: [] });
      await store.recordFiring(
        { ...other, fingerprint: 'generic:x' },
        placement,
        at(2),
      );
      await store.placeInSystem(
        { fingerprint: 'generic:x', episode: 1 },
        placement.systemRef,
        at(2),
        later,
      );
      expect(later.mock.calls[0][0].openStorm).toBeUndefined();
    });
  },
);
