import { EventEmitter } from 'node:events';
import type { AuditorService } from '@backstage/backend-plugin-api';
import { auditRoutes, UNAUDITED_ROUTES } from './routeAudit';

/** What the middleware told the auditor, in order. */
function recordingAuditor() {
  const told: string[] = [];
  const auditor = {
    async createEvent(options: { eventId: string; meta?: object }) {
      told.push(`open ${options.eventId} ${JSON.stringify(options.meta)}`);
      return {
        async success() {
          told.push(`success ${options.eventId}`);
        },
        async fail(failure: { error: Error }) {
          told.push(`fail ${options.eventId}: ${failure.error.message}`);
        },
      };
    },
  } as unknown as AuditorService;
  return { auditor, told };
}

/** A response that ends (or whose connection closes) when the test says. */
function response() {
  return Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
  });
}

async function call(
  pluginId: string,
  method: string,
  path: string,
  end: (res: ReturnType<typeof response>) => void,
) {
  const { auditor, told } = recordingAuditor();
  const res = response();
  let passedOn = false;
  const middleware = auditRoutes(UNAUDITED_ROUTES[pluginId], auditor);
  await new Promise<void>(resolve => {
    middleware({ method, path } as never, res as never, () => {
      passedOn = true;
      resolve();
    });
  });
  end(res);
  await new Promise(r => setImmediate(r));
  return { told, passedOn };
}

const finish = (status: number) => (res: ReturnType<typeof response>) => {
  res.statusCode = status;
  res.writableFinished = true;
  res.emit('finish');
  res.emit('close');
};

describe('auditRoutes', () => {
  it('opens one event for a call of an unaudited route and closes it once with the answer', async () => {
    expect(await call('notifications', 'POST', '/update', finish(200))).toEqual(
      {
        passedOn: true,
        told: ['open notification-update {}', 'success notification-update'],
      },
    );
    expect(
      await call(
        'catalog',
        'POST',
        '/.backstage/actions/v2/actions/catalog%3Aget-catalog-entity/invoke',
        finish(403),
      ),
    ).toEqual({
      passedOn: true,
      told: [
        'open action-invoke {"actionId":"catalog:get-catalog-entity"}',
        'fail action-invoke: answered 403',
      ],
    });
  });

  it('records a call whose connection closed before the answer as failed', async () => {
    const { told } = await call('notifications', 'POST', '/settings', res =>
      res.emit('close'),
    );
    expect(told).toEqual([
      'open notification-settings-update {}',
      'fail notification-settings-update: answered 200',
    ]);
  });

  it('leaves every other route to the plugin', async () => {
    for (const [pluginId, method, path] of [
      ['notifications', 'GET', '/settings'],
      ['notifications', 'POST', '/settings/extra'],
      ['catalog', 'POST', '/entities/by-refs'],
      ['scaffolder', 'POST', '/v2/tasks'],
    ]) {
      expect(await call(pluginId, method, path, finish(200))).toEqual({
        passedOn: true,
        told: [],
      });
    }
  });
});
