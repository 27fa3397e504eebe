import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { engineerApprovalOf } from '@internal/plugin-access-node';
import { Caller } from '@internal/plugin-court-node';
import { adHocRoundRequestSchema } from '@internal/plugin-inspections-common';
import { at, services, UPS } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const duty = mockCredentials.service('plugin:duty');
const SUSPENDED = 'user:default/zhaolei';
const approvals = engineerApprovalOf(async ref =>
  ref === SUSPENDED
    ? {
        assignable: false as const,
        reason: 'suspended' as const,
        message: `${ref} is suspended`,
      }
    : { assignable: true as const },
);

describe.each(databases.eachSupportedId())(
  'an ad-hoc round named for an engineer on %s',
  databaseId => {
    async function start(body: unknown, caller: Caller = duty) {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { service } = await services({
        knex,
        clock: at('2026-03-02'),
        approvals,
      });
      return {
        knex,
        run: () =>
          service.startAdHoc(adHocRoundRequestSchema.parse(body), caller),
      };
    }

    it('goes to the engineer another family names', async () => {
      const { run } = await start({
        devices: [UPS],
        assignee: 'user:default/wangqiang',
      });
      const round = await run();
      expect(round).toMatchObject({
        kind: 'ad-hoc',
        assignee: 'user:default/wangqiang',
      });
    });

    it('refuses an engineer the court does not approve, naming the field, and stores nothing', async () => {
      const { run, knex } = await start({
        devices: [UPS],
        assignee: SUSPENDED,
      });
      await expect(run()).rejects.toMatchObject({
        name: 'ConflictError',
        message: `body.assignee: ${SUSPENDED} is suspended`,
      });
      const [{ n }] = await knex('inspection_rounds').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it("refuses a user naming someone else: a user's round is their own", async () => {
      const { run } = await start(
        { devices: [UPS], assignee: 'user:default/lihua' },
        mockCredentials.user('user:default/wangqiang'),
      );
      await expect(run()).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  },
);
