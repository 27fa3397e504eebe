import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { AlertsChanged, alertSignals } from './signals';

/** The signal middleware in front of a stand-in receiver answering `status`. */
function appAnswering(status: number) {
  const publish = jest.fn().mockResolvedValue(undefined);
  const app = express();
  app.use(
    alertSignals(
      new AlertsChanged({
        signals: { publish },
        logger: mockServices.logger.mock(),
      }),
    ),
  );
  app.post('/:source', (_req, res) => {
    res.status(status).json({});
  });
  app.get('/incidents', (_req, res) => {
    res.json([]);
  });
  return { app, publish };
}

describe('alertSignals', () => {
  it('broadcasts the source on monitoring:alerts after an accepted delivery', async () => {
    const { app, publish } = appAnswering(200);
    await request(app).post('/zabbix').send({}).expect(200);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'monitoring:alerts',
      message: { source: 'zabbix' },
    });
  });

  it.each([400, 401, 403, 500])(
    'stays silent when the receiver answered %i',
    async status => {
      const { app, publish } = appAnswering(status);
      await request(app).post('/generic').send({}).expect(status);
      expect(publish).not.toHaveBeenCalled();
    },
  );

  it('ignores reads and paths that are not receivers', async () => {
    const { app, publish } = appAnswering(200);
    await request(app).get('/incidents').expect(200);
    await request(app).post('/other').send({}).expect(200);
    expect(publish).not.toHaveBeenCalled();
  });
});

describe('AlertsChanged', () => {
  afterEach(() => jest.useRealTimers());

  it('broadcasts the first change at once and a burst once more at the end of its second', () => {
    jest.useFakeTimers();
    const publish = jest.fn().mockResolvedValue(undefined);
    const changes = new AlertsChanged({
      signals: { publish },
      logger: mockServices.logger.mock(),
    });
    const sent = (source: string) =>
      publish.mock.calls.filter(([s]) => s.message.source === source).length;

    changes.changed('alertmanager');
    expect(sent('alertmanager')).toBe(1);
    for (let i = 0; i < 499; i++) changes.changed('alertmanager');
    // Another source has a window of its own.
    changes.changed('zabbix');
    expect(sent('alertmanager')).toBe(1);
    expect(sent('zabbix')).toBe(1);

    jest.advanceTimersByTime(1000);
    expect(sent('alertmanager')).toBe(2);
    // The one at the window's end opened the next window: nothing more came, nothing more goes.
    jest.advanceTimersByTime(1000);
    expect(sent('alertmanager')).toBe(2);
    expect(sent('zabbix')).toBe(1);

    // Quiet since: the next change goes at once again.
    changes.changed('alertmanager');
    expect(sent('alertmanager')).toBe(3);
    changes.stop();
  });
});
