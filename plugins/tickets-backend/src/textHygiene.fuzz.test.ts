import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  assertRefusedInEveryField,
  taintedText,
} from '@internal/plugin-court-common/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  as,
  newChange,
  newIncident,
  startTicketsBackend,
  SWITCH,
  TicketsBackend,
} from './__testUtils__/backend';

jest.setTimeout(300_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** Ordinary text with one refused character somewhere in it. */
const tainted = taintedText('核心', '交换机 UPS-01 3F');

/**
 * Text hygiene through the API (issue 12, finding 9): every single-line
 * field refuses control, bidi and lone-surrogate characters with a 400
 * naming the field and changes nothing; NUL is refused everywhere; multi-line
 * fields keep tabs and line breaks. On both databases (PostgreSQL `text`
 * cannot store NUL: it would have been a 500 there).
 */
describe.each(databases.eachSupportedId())('text hygiene on %s', databaseId => {
  let knex: Knex;
  let backend: TicketsBackend;
  let ticket: { id: string; number: string; version: number };
  let change: string;

  beforeAll(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startTicketsBackend({ knex });
    ticket = (
      await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('lina'))
        .send(newIncident())
    ).body;
    change = (
      await request(backend.server)
        .post('/api/tickets/changes')
        .set('Authorization', as('wangqiang'))
        .send(newChange())
    ).body.change.number;
  });
  afterAll(() => backend.stop());

  const snapshot = () =>
    Promise.all(
      [
        'tickets',
        'ticket_events',
        'ticket_entities',
        'ticket_links',
        'ticket_changes',
        'change_freezes',
        'device_parameter_changes',
      ].map(table => knex(table).select()),
    );

  const post = (path: string, user: string, body: object) =>
    request(backend.server)
      .post(`/api/tickets${path}`)
      .set('Authorization', as(user))
      .send(body);

  /** Every single-line field of the API: where it goes, and its name in the 400. */
  const fields: [string, (value: string) => request.Test][] = [
    ['body.title', v => post('/tickets', 'lina', newIncident({ title: v }))],
    [
      'body.sourceRef',
      v => post('/tickets', 'lina', newIncident({ sourceRef: v })),
    ],
    [
      'body.entityRefs.0',
      v => post('/tickets', 'lina', newIncident({ entityRefs: [v] })),
    ],
    [
      'body.title',
      v =>
        request(backend.server)
          .patch(`/api/tickets/tickets/${ticket.number}`)
          .set('Authorization', as('lina'))
          .send({ version: ticket.version, title: v }),
    ],
    [
      'body.knowledgeArticle',
      v =>
        post(`/tickets/${ticket.number}/actions`, 'lina', {
          action: 'resolve',
          version: ticket.version,
          resolution: '已恢复',
          knowledgeArticle: v,
        }),
    ],
    [
      'body.target',
      v =>
        post(`/tickets/${ticket.number}/links`, 'lina', {
          kind: 'article',
          target: v,
        }),
    ],
    [
      'query.q',
      v =>
        request(backend.server)
          .get('/api/tickets/tickets')
          .query({ q: v })
          .set('Authorization', as('lina')),
    ],
    ['body.title', v => post('/changes', 'wangqiang', newChange({ title: v }))],
    [
      'body.parameterEdits.0.newValue',
      v =>
        post(
          '/changes',
          'wangqiang',
          newChange({
            parameterEdits: [
              { device: SWITCH, parameter: 'vrrp-priority', newValue: v },
            ],
          }),
        ),
    ],
    [
      'body.release.toVersion',
      v =>
        post(
          '/changes',
          'wangqiang',
          newChange({
            release: {
              software: '审判管理系统',
              toVersion: v,
              requirementAnalysis: '需求',
              trialFeedback: '反馈',
              simulationTest: '测试',
            },
          }),
        ),
    ],
    [
      'body.title',
      v =>
        post('/changes/freezes', 'wuxia', {
          title: v,
          window: newChange().window,
        }),
    ],
    [
      'body.value',
      v =>
        post(`/parameters/${encodeURIComponent(SWITCH)}`, 'wangqiang', {
          change,
          parameter: 'vrrp-priority',
          value: v,
        }),
    ],
  ];

  it('refuses a control, bidi or lone-surrogate character in every single-line field with a 400 naming it, changing nothing', async () => {
    const before = await snapshot();
    await assertRefusedInEveryField(fields, tainted, { numRuns: 120 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses NUL in multi-line fields too, and keeps their tabs and line breaks', async () => {
    const before = await snapshot();
    for (const [field, res] of [
      [
        'body.description',
        await post(
          '/tickets',
          'lina',
          newIncident({ description: '无声\u0000音' }),
        ),
      ],
      [
        'body.body',
        await post(`/tickets/${ticket.number}/comments`, 'lina', {
          body: '\u0000',
        }),
      ],
      [
        'body.rollbackPlan',
        await post(
          '/changes',
          'wangqiang',
          newChange({ rollbackPlan: '改回\u0000' }),
        ),
      ],
    ] as const) {
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.error.message).toContain(`${field}: `);
    }
    expect(await snapshot()).toEqual(before);

    const kept = await post(
      '/tickets',
      'lina',
      newIncident({ description: '现象：\n\t1. 无声音\r\n\t2. 无图像' }),
    );
    expect(kept.status).toBe(201);
    expect(kept.body.description).toBe('现象：\n\t1. 无声音\r\n\t2. 无图像');
    // A right-to-left override never reaches the queue (finding 9).
    const rlo = await post(
      '/tickets',
      'lina',
      newIncident({ title: '录像\u202E无声音' }),
    );
    expect(rlo.status).toBe(400);
  });
});
