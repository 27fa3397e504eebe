import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { ConfigReader } from '@backstage/config';
import { courtPolicyPermissions, ROLES, USERS } from '../__testUtils__/backend';
import { readCalendarConfig } from '../config';
import { DatabaseCalendarStore } from '../database/DatabaseCalendarStore';
import { CalendarService } from './CalendarService';
import { MissingYearWarning } from './MissingYearWarning';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const y2027 = {
  year: 2027,
  holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }],
  makeUpWorkingDays: [],
};

describe.each(databases.eachSupportedId())(
  'the missing-year warning on %s',
  id => {
    let now: Date;
    const clock = () => now;
    const sent: NotificationSendOptions[] = [];
    const notifications = {
      send: async (s: NotificationSendOptions) => void sent.push(s),
    };
    let service: CalendarService;
    let warnings: MissingYearWarning[];

    beforeEach(async () => {
      const knex = await databases.init(id as TestDatabaseId);
      const config = readCalendarConfig(
        new ConfigReader({ courtOps: { roles: ROLES } }),
      );
      sent.length = 0;
      // Two replicas on one database.
      warnings = [];
      for (let replica = 0; replica < 2; replica++) {
        const store = await DatabaseCalendarStore.create({
          database: mockServices.database({ knex }),
        });
        service = new CalendarService({
          store,
          permissions: courtPolicyPermissions(),
          config,
          now: clock,
        });
        warnings.push(
          new MissingYearWarning({
            service,
            store,
            notifications,
            logger: mockServices.logger.mock(),
            recipients: config.notify,
            now: clock,
          }),
        );
      }
    });

    const status = () =>
      service.status(mockCredentials.user(USERS.opsManager[0]));

    it('is quiet in October, warns from 1 November (Shanghai) once a day across replicas', async () => {
      now = new Date('2026-10-31T15:59:00Z'); // 23:59 in Shanghai
      expect(await status()).toMatchObject({ warning: false, nextYear: 2027 });
      expect(await warnings[0].check()).toBe(false);

      now = new Date('2026-10-31T16:00:00Z'); // 1 November 00:00 in Shanghai
      expect(await status()).toMatchObject({
        today: '2026-11-01',
        warning: true,
        missingYear: 2027,
      });
      const results = await Promise.all(warnings.map(w => w.check()));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await warnings[1].check()).toBe(false);
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: [
          'group:default/ops-managers',
          'group:default/court-it-office',
        ],
      });
      expect(sent[0].payload.title).toContain('2027');
      expect(sent[0].payload.link).toBe('/calendar');

      now = new Date('2026-12-05T02:00:00Z');
      expect(await warnings[1].check()).toBe(true);
      expect(sent).toHaveLength(2);
    });

    it('stops once next year is entered, and warns all through a year that is missing', async () => {
      now = new Date('2026-12-05T02:00:00Z');
      await service.saveYear(
        2027,
        { schedule: y2027, expectedVersion: 0 },
        mockCredentials.user(USERS.itOffice[0]),
      );
      expect(await status()).toMatchObject({
        warning: false,
        nextYearCovered: true,
      });
      expect(await warnings[0].check()).toBe(false);

      now = new Date('2028-03-01T02:00:00Z');
      expect(await status()).toMatchObject({
        thisYearCovered: false,
        warning: true,
        missingYear: 2028,
      });
      expect(await warnings[0].check()).toBe(true);
      expect(sent[0].payload.description).toContain('2028');
    });
  },
);
