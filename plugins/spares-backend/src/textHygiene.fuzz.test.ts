import {
  assertRefusedInEveryField,
  taintedText,
} from '@internal/plugin-court-common/testUtils';
import request from 'supertest';
import { RECORDER, as, startSparesBackend } from './__testUtils__/backend';

jest.setTimeout(300_000);

/** Ordinary text with one refused character somewhere in it. */
const tainted = taintedText('备件', '硬盘 4TB');

/**
 * Text hygiene through the spares API (issue 12): every single-line field
 * refuses control, bidi and lone-surrogate characters with a 400 naming the
 * field, and nothing changes.
 */
describe('text hygiene of the spares API', () => {
  let backend: Awaited<ReturnType<typeof startSparesBackend>>;
  beforeAll(async () => {
    backend = await startSparesBackend();
  });
  afterAll(() => backend.stop());

  const api = () => request(backend.server);
  const put = (path: string, body: object) =>
    api()
      .put(`/api/spares${path}`)
      .set('Authorization', as('sunlei'))
      .send(body);
  const post = (path: string, body: object) =>
    api()
      .post(`/api/spares${path}`)
      .set('Authorization', as('wangqiang'))
      .send(body);
  const partType = { id: 'fan-80mm', name: '风扇', deviceClasses: ['pc'] };
  const vendor = { id: 'acme', name: '厂商' };
  const receipt = {
    kind: 'receipt',
    partTypeId: 'hdd-4tb',
    locationId: 'store-a',
    quantity: 1,
    supplier: '锐取',
    reference: 'PO-1',
  };
  const repair = {
    deviceRef: RECORDER,
    vendorId: 'reach',
    terms: 'paid',
    sentOn: '2026-12-07',
  };

  const fields: [string, (value: string) => request.Test][] = [
    ['body.name', v => put('/part-types', { ...partType, name: v })],
    ['body.models.0', v => put('/part-types', { ...partType, models: [v] })],
    ['body.id', v => put('/locations', { id: v, name: '库' })],
    ['body.name', v => put('/locations', { id: 'store-c', name: v })],
    ['body.contacts.0', v => put('/vendors', { ...vendor, contacts: [v] })],
    ['body.serviceHours', v => put('/vendors', { ...vendor, serviceHours: v })],
    ['body.supplier', v => post('/movements', { ...receipt, supplier: v })],
    ['body.reference', v => post('/movements', { ...receipt, reference: v })],
    ['body.rma', v => post('/repairs', { ...repair, rma: v })],
    ['body.loaner', v => post('/repairs', { ...repair, loaner: v })],
    ['body.loanerWhere', v => post('/repairs', { ...repair, loanerWhere: v })],
  ];

  const snapshot = async () =>
    Promise.all(
      [
        '/part-types',
        '/locations',
        '/vendors',
        '/store',
        '/repairs?status=all',
      ].map(
        async path =>
          (
            await api()
              .get(`/api/spares${path}`)
              .set('Authorization', as('sunlei'))
          ).body,
      ),
    );

  it('refuses a control, bidi or lone-surrogate character in every single-line field with a 400 naming it, changing nothing', async () => {
    const before = await snapshot();
    await assertRefusedInEveryField(fields, tainted, { numRuns: 80 });
    expect(await snapshot()).toEqual(before);
  });
});
