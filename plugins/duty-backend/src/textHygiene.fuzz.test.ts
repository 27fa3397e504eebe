import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  assertRefusedInEveryField,
  taintedText,
} from '@internal/plugin-court-common/testUtils';
import { answered, as } from '@internal/plugin-court-node/testUtils';
import fc from 'fast-check';
import request from 'supertest';
import { startDutyBackend } from './__testUtils__/backend';

jest.setTimeout(300_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/** Ordinary text with one refused character somewhere in it. */
const tainted = taintedText('值班', '2026-02 desk 探亲');

/**
 * Text hygiene through the duty API: single-line fields refuse control, bidi and lone-surrogate
 * characters with a 400 naming the field; multi-line fields (reasons, notes) refuse NUL, which
 * PostgreSQL's text cannot store; nothing is stored either way.
 */
describe.each(databases.eachSupportedId())(
  'duty text hygiene on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startDutyBackend>>;
    let shiftId: string;
    const api = () => request(backend.server);
    const stored = async () => [
      answered(
        await api().get('/api/duty/leave').set('Authorization', as('wuxia')),
        200,
      ).body,
      answered(
        await api().get('/api/duty/swaps').set('Authorization', as('sunlei')),
        200,
      ).body,
    ];

    beforeAll(async () => {
      backend = await startDutyBackend({
        at: '2026-01-20T10:00:00+08:00',
        knex: await databases.init(databaseId as TestDatabaseId),
      });
      const roster = answered(
        await api()
          .post('/api/duty/rosters/2026-02/generate')
          .set('Authorization', as('sunlei'))
          .send({}),
        201,
      ).body;
      shiftId = roster.shifts.find(
        (s: { engineer: string }) => s.engineer === 'user:default/liuyang',
      ).id;
    });
    afterAll(() => backend?.stop());

    it('refuses a refused character in every single-line field, naming it', async () => {
      const before = await stored();
      await assertRefusedInEveryField(
        [
          [
            'body.shiftId',
            value =>
              api()
                .post('/api/duty/swaps')
                .set('Authorization', as('liuyang'))
                .send({ shiftId: value, toEngineer: 'user:default/chenjing' }),
          ],
          [
            'body.toEngineer',
            value =>
              api()
                .post('/api/duty/swaps')
                .set('Authorization', as('liuyang'))
                .send({ shiftId, toEngineer: value }),
          ],
          [
            'body.roomCode',
            value =>
              api()
                .post('/api/duty/attendance/check-in')
                .set('Authorization', as('liuyang'))
                .send({ roomCode: value }),
          ],
          [
            'body.engineer',
            value =>
              api()
                .put(`/api/duty/shifts/${shiftId}`)
                .set('Authorization', as('sunlei'))
                .send({ engineer: value, expectedVersion: 1 }),
          ],
        ],
        tainted,
        { numRuns: 40 },
      );
      expect(await stored()).toEqual(before);
    });

    it('refuses NUL in multi-line fields and keeps line breaks', async () => {
      const before = await stored();
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 6 }),
          fc.string({ maxLength: 6 }),
          async (a, b) => {
            const reason = `探亲${a}\u0000${b}`;
            const leave = await api()
              .post('/api/duty/leave')
              .set('Authorization', as('liuyang'))
              .send({ from: '2026-02-10', to: '2026-02-11', reason });
            expect(leave.status).toBe(400);
            expect(leave.body.error.message).toMatch(/^body\.reason: /);
            const swap = await api()
              .post('/api/duty/swaps')
              .set('Authorization', as('liuyang'))
              .send({
                shiftId,
                toEngineer: 'user:default/chenjing',
                note: reason,
              });
            expect(swap.status).toBe(400);
            expect(swap.body.error.message).toMatch(/^body\.note: /);
          },
        ),
        { numRuns: 20 },
      );
      expect(await stored()).toEqual(before);
      const kept = answered(
        await api()
          .post('/api/duty/leave')
          .set('Authorization', as('liuyang'))
          .send({
            from: '2026-02-10',
            to: '2026-02-11',
            reason: '探亲\n\t返乡',
          }),
        201,
      ).body;
      expect(kept.reason).toBe('探亲\n\t返乡');
    });
  },
);
