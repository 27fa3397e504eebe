import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  assertRefusedInEveryField,
  taintedText,
} from '@internal/plugin-court-common/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { as, startInspectionsBackend } from './__testUtils__/backend';

jest.setTimeout(300_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** Ordinary text with one refused character somewhere in it. */
const tainted = taintedText('巡检', '机房 UPS-1');

const plan = {
  id: 'ups-weekly',
  title: 'UPS 周巡检',
  titleEn: 'UPS weekly',
  devices: { classes: ['ups'] },
  frequency: 'weekly',
  team: 'group:default/hardware-post',
};

/**
 * Text hygiene through the inspections API (issue 12): every single-line
 * field refuses control, bidi and lone-surrogate characters with a 400
 * naming the field and changes nothing.
 */
describe.each(databases.eachSupportedId())('text hygiene on %s', databaseId => {
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;

  beforeAll(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startInspectionsBackend({ knex });
  });
  afterAll(() => backend.stop());

  const snapshot = () =>
    Promise.all(
      ['inspection_plans', 'inspection_rounds', 'inspection_scans'].map(t =>
        knex(t).select(),
      ),
    );
  const savePlan = (body: object) =>
    request(backend.server)
      .put('/api/inspections/plans/ups-weekly')
      .set('Authorization', as('sunlei'))
      .send({ ...plan, ...body });
  const post = (path: string, body: object) =>
    request(backend.server)
      .post(`/api/inspections${path}`)
      .set('Authorization', as('wangqiang'))
      .send(body);

  const fields: [string, (value: string) => request.Test][] = [
    ['body.title', v => savePlan({ title: v })],
    ['body.titleEn', v => savePlan({ titleEn: v })],
    ['body.calendar', v => savePlan({ calendar: v })],
    ['body.team', v => savePlan({ team: v })],
    ['body.devices.entities.0', v => savePlan({ devices: { entities: [v] } })],
    ['body.devices.0', v => post('/rounds', { devices: [v] })],
    ['body.device', v => post('/scans', { device: v })],
  ];

  it('refuses a control, bidi or lone-surrogate character in every single-line field with a 400 naming it, changing nothing', async () => {
    const before = await snapshot();
    await assertRefusedInEveryField(fields, tainted, { numRuns: 80 });
    expect(await snapshot()).toEqual(before);
  });
});
