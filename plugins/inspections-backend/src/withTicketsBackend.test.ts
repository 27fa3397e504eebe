import { createServiceFactory } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
// A test wiring both backends together, as packages/backend does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ticketsPlugin from '@internal/plugin-tickets-backend';
import request from 'supertest';
import { as, startInspectionsBackend } from './__testUtils__/backend';
import { UPS } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

/**
 * The inspections backend and the real tickets backend in one test backend:
 * the incident goes through the tickets API with service credentials.
 */
describe('incidents through the real service desk', () => {
  let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;
  beforeAll(async () => {
    backend = await startInspectionsBackend({
      features: [
        ticketsPlugin,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
      ],
    });
  });
  afterAll(() => backend.stop());

  it('files one incident on the device for a failed UPS battery check, retry or not', async () => {
    const api = () => request(backend.server);
    const { body: round } = await api()
      .post('/api/inspections/rounds')
      .set('Authorization', as('wangqiang'))
      .send({ devices: [UPS] });
    const { body: detail } = await api()
      .get(`/api/inspections/rounds/${round.id}`)
      .set('Authorization', as('wangqiang'));
    const [check] = detail.checks;
    const answer = {
      value: { kind: 'reading', value: 35 },
      idempotencyKey: 'real-desk-battery-1',
    };
    const saves = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      saves.push(
        await api()
          .put(`/api/inspections/checks/${check.id}/results/battery-charge`)
          .set('Authorization', as('wangqiang'))
          .send(
            attempt === 2
              ? { ...answer, idempotencyKey: 'real-desk-battery-2' }
              : answer,
          ),
      );
    }
    const numbers = saves.map(s => s.body.result.incident?.number);
    expect(numbers[0]).toMatch(/^INC-\d{4}-\d{5}$/);
    expect(new Set(numbers)).toEqual(new Set([numbers[0]]));

    const { body: ticket } = await api()
      .get(`/api/tickets/tickets/${numbers[0]}`)
      .set('Authorization', as('lina'));
    expect(ticket.ticket).toMatchObject({
      type: 'incident',
      channel: 'inspection',
      reporter: 'user:default/wangqiang',
      level: 'L2', // high × medium
      sourceRef: `inspections:${round.id}:${check.id}:battery-charge`,
    });
    expect(ticket.ticket.entityRefs).toEqual([UPS]);
    const { body: onDevice } = await api()
      .get(`/api/tickets/tickets?entity=${encodeURIComponent(UPS)}`)
      .set('Authorization', as('lina'));
    expect(onDevice.items).toHaveLength(1);
  });
});
