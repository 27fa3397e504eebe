import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startCourtBackend, template } from './__testUtils__/courtBackend';
import { LAST_ENDED, OPS_MANAGER } from './__testUtils__/fakeArchive';

jest.setTimeout(120_000);

interface TaskEvent {
  type: string;
  body: {
    message?: string;
    status?: string;
    output?: {
      links: { url: string; title: string }[];
      text?: { content: string }[];
    };
  };
}

describe('the archive templates, run by the real scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startCourtBackend>>;
  beforeAll(async () => {
    backend = await startCourtBackend({ scaffolder: true });
  });
  afterAll(() => backend.stop());

  const as = (user: string) => mockCredentials.user.header(user);

  async function finish(taskId: string, user: string) {
    let task: { status: string };
    do {
      await new Promise(r => setTimeout(r, 200));
      task = (
        await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}`)
          .set('Authorization', as(user))
      ).body;
    } while (task.status === 'open' || task.status === 'processing');
    const events: TaskEvent[] = (
      await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
        .set('Authorization', as(user))
    ).body;
    const completions = events.filter(e => e.type === 'completion');
    return { status: task.status, completion: completions.at(-1)!, events };
  }

  async function run(
    name: string,
    values: Record<string, unknown>,
    user = OPS_MANAGER,
  ) {
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', as(user))
      .send({ templateRef: `template:default/${name}`, values });
    expect(created.status).toBe(201);
    return {
      id: created.body.id as string,
      ...(await finish(created.body.id, user)),
    };
  }

  const callsOf = (requestKey: string) =>
    backend.archive.calls.filter(c => c.body.requestKey === requestKey);

  it('lists both archive actions with their input schemas', async () => {
    const res = await request(backend.server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', as(OPS_MANAGER));
    const byId = new Map(
      res.body.map((a: { id: string }) => [a.id, a] as const),
    );
    expect(byId.get('courtops:archive:compile-volume')).toMatchObject({
      schema: { input: { properties: { year: {}, quarter: {}, classes: {} } } },
    });
    expect(byId.get('courtops:archive:draft')).toMatchObject({
      schema: {
        input: { required: expect.arrayContaining(['kind', 'from', 'to']) },
      },
    });
  });

  it('compiles the last ended quarter when none is picked, as the ops manager, linking to the volume', async () => {
    const task = await run('quarterly-volume', {});
    expect(task.status).toBe('completed');
    expect(callsOf(task.id)).toEqual([
      {
        path: '/volumes',
        user: OPS_MANAGER,
        body: { ...LAST_ENDED, requestKey: task.id },
      },
    ]);
    expect(task.completion.body.output!.links[0]).toEqual({
      title: '查看汇编 Open the volume BG-2026-0001',
      url: '/archive/documents/volume-2025-Q4',
    });
    expect(task.completion.body.output!.text![0].content).toContain(
      '**2025-Q4** 已编制为 BG-2026-0001 第 1 版，共 120 页。',
    );
  });

  it('compiles a picked quarter and classes; compiling it again adds a version', async () => {
    const values = {
      year: 2025,
      quarter: 3,
      classes: ['om', 'service-report'],
    };
    const first = await run('quarterly-volume', values);
    const second = await run('quarterly-volume', values);
    expect(callsOf(first.id)[0].body).toEqual({
      year: 2025,
      quarter: 3,
      classes: ['om', 'service-report'],
      requestKey: first.id,
    });
    expect([first.status, second.status]).toEqual(['completed', 'completed']);
    expect(second.completion.body.output!.text![0].content).toContain(
      '第 2 版',
    );
    expect(backend.archive.versionsOf(2025, 3)).toBe(2);
  });

  it('retried after the archive’s answer was lost, the task compiles one volume', async () => {
    backend.archive.failAfterNext();
    const failed = await run('quarterly-volume', { year: 2025, quarter: 2 });
    expect(failed.status).toBe('failed');
    const retried = await request(backend.server)
      .post(`/api/scaffolder/v2/tasks/${failed.id}/retry`)
      .set('Authorization', as(OPS_MANAGER))
      .send({});
    expect(retried.status).toBe(201);
    const done = await finish(failed.id, OPS_MANAGER);
    expect(done.status).toBe('completed');
    // The same task, the same request key: the archive found the version it had compiled.
    expect(callsOf(failed.id).map(c => c.body.requestKey)).toEqual([
      failed.id,
      failed.id,
    ]);
    expect(backend.archive.versionsOf(2025, 2)).toBe(1);
    expect(done.completion.body.output!.text![0].content).toContain('第 1 版');
  });

  it.each([
    [
      'a quarter that has not ended',
      { year: 2026, quarter: 1 },
      OPS_MANAGER,
      'body.quarter: 2026-Q1 has not ended',
    ],
    [
      'a year without its quarter',
      { year: 2025 },
      OPS_MANAGER,
      'input.quarter: give both the year and the quarter',
    ],
    [
      'an engineer',
      { year: 2025, quarter: 1 },
      'user:default/wangqiang',
      'archive.volume.compile is not allowed',
    ],
  ])(
    'fails with the reason for %s, compiling nothing',
    async (_, values, user, message) => {
      const task = await run('quarterly-volume', values, user);
      expect(task.status).toBe('failed');
      // The step's log says why, as the task page shows it.
      expect(task.events.map(e => e.body.message).join('\n')).toContain(
        message,
      );
      expect(backend.archive.versionsOf(2026, 1)).toBe(0);
      expect(backend.archive.versionsOf(2025, 1)).toBe(0);
    },
  );

  it('dry-runs the quarterly volume through the scaffolder API, calling the archive not at all', async () => {
    const before = backend.archive.calls.length;
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', as(OPS_MANAGER))
      .send({
        template: template('quarterly-volume'),
        values: { year: 2025, quarter: 4 },
        directoryContents: [],
      });
    expect(res.status).toBe(200);
    expect(res.body.output.links[0].url).toBe('/archive');
    expect(res.body.output.text[0].content).toContain('**2025-Q4**');
    expect(backend.archive.calls.length).toBe(before);
  });

  it('drafts a DOC-3 document and links to it in the archive; a dry run drafts nothing', async () => {
    const values = { kind: 'monthly', from: '2026-02-01', to: '2026-02-28' };
    const task = await run('doc-drafts', values);
    expect(task.status).toBe('completed');
    expect(callsOf(task.id)).toEqual([
      {
        path: '/drafts',
        user: OPS_MANAGER,
        body: { ...values, requestKey: task.id },
      },
    ]);
    expect(task.completion.body.output!.links[0].url).toMatch(
      /^\/archive\/documents\/draft-\d+$/,
    );
    const drafted = backend.archive.draftCount();
    const dry = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', as(OPS_MANAGER))
      .send({
        template: template('doc-drafts'),
        values,
        directoryContents: [],
      });
    expect(dry.status).toBe(200);
    expect(dry.body.output.links[0].url).toBe('/archive');
    expect(backend.archive.draftCount()).toBe(drafted);
  });
});
