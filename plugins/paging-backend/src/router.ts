import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  actorOf,
  Caller,
  CourtClock,
  createCourtRouter,
  parseInput,
} from '@internal/plugin-court-node';
import {
  PAGE_EVENT_KINDS,
  PAGE_LEVELS,
  PagingConfig,
  personalSettingsSchema,
} from '@internal/plugin-paging-common';
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { z } from 'zod';
import { PagingStore } from './database/PagingStore';
import { Pager } from './service/Pager';

/** What the routes ask of the caller. */
type PagingAction = 'report-event' | 'own-settings';

const instant = z.iso.datetime({ offset: true });

const pageEventSchema = z.strictObject({
  key: z.string().min(1).max(300),
  kind: z.enum(PAGE_EVENT_KINDS),
  ticketId: z.string().min(1).max(36).optional(),
  ticketNumber: z.string().min(1).max(40),
  level: z.enum(PAGE_LEVELS),
  title: z.string().min(1).max(300),
  place: z.string().max(100).optional(),
  deadline: instant.optional(),
  at: instant,
  onCall: z
    .array(z.string().regex(/^user:[^/\s]+\/\S+$/, 'must be a user entity ref'))
    .min(1)
    .max(20)
    .optional(),
});

const smsReplySchema = z.strictObject({
  mobile: z.string().min(5).max(20),
  text: z.string().max(500),
});

const codeSchema = z
  .string()
  .regex(/^[A-Z2-9]{10}$/, 'is not an acknowledgement code');

async function authorize(action: PagingAction, caller: Caller) {
  const type = caller.principal.type;
  // Events come from other plugins (the tickets' notifications, the monitoring).
  if (action === 'report-event' && type !== 'service') {
    throw new NotAllowedError(
      'Only the portal itself reports events to page for',
    );
  }
  // Settings are a person's own.
  if (action === 'own-settings' && type !== 'user') {
    throw new NotAllowedError('Paging settings belong to a signed-in user');
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function html(title: string, body: string): string {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/**
 * /api/paging: events to page for (service only), the acknowledgement short
 * link (GET shows the page and a button, so a chat app's link preview
 * acknowledges nothing; POST acknowledges), the SMS gateway's replies, and
 * each person's own channels and quiet hours.
 */
export async function createRouter(options: {
  pager: Pager;
  store: PagingStore;
  config: PagingConfig;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  clock: CourtClock;
}): Promise<express.Router> {
  const { pager, store, config, clock } = options;
  const court = createCourtRouter<PagingAction>({
    httpAuth: options.httpAuth,
    auditor: options.auditor,
    bodyLimitKb: 16,
    authorize,
  });
  const { router } = court;
  router.use(express.urlencoded({ extended: false, limit: '4kb' }));

  router.post('/events', async (req, res) => {
    await court.allowed(req, 'report-event');
    const event = parseInput(pageEventSchema, req.body, 'body');
    const result = await court.audited(
      req,
      'paging-event',
      { key: event.key },
      () => pager.page(event),
    );
    res.status(202).json(result);
  });

  router.get('/a/:code', async (req, res) => {
    const code = parseInput(codeSchema, req.params.code, 'path.code');
    const delivery = await store.deliveryByAckCode(code);
    const page = delivery && (await store.getPage(delivery.pageId));
    if (!page) throw new NotFoundError('No page has this code');
    const event = page.event;
    const what = escapeHtml(
      `${event.level} ${event.ticketNumber} ${event.title}`,
    );
    res
      .type('html')
      .send(
        page.status === 'open'
          ? html(
              '确认寻呼',
              `<p>${what}</p><form method="post"><button type="submit">我已收到，正在处理</button></form>`,
            )
          : html(
              '已确认',
              `<p>${what}</p><p>${escapeHtml(
                page.acknowledgedBy ?? '',
              )} ${escapeHtml(page.acknowledgedAt ?? '')}</p>`,
            ),
      );
  });

  router.post('/a/:code', async (req, res) => {
    const code = parseInput(codeSchema, req.params.code, 'path.code');
    // An unknown code is a refused acknowledgement: its row says failed, not succeeded.
    const page = await court.audited(
      req,
      'paging-acknowledge',
      { code },
      async () => {
        const result = await pager.acknowledgeByLink(code);
        const found =
          result?.page ??
          (await store.getPage(
            (await store.deliveryByAckCode(code))?.pageId ?? '',
          ));
        if (!found) throw new NotFoundError('No page has this code');
        return found;
      },
    );
    res
      .type('html')
      .send(
        html(
          '已确认',
          `<p>${escapeHtml(
            `${page.event.ticketNumber} ${page.acknowledgedBy ?? ''}`,
          )}</p>`,
        ),
      );
  });

  router.post('/sms-replies', async (req, res) => {
    const token = config.channels.sms?.replyToken;
    if (!token || !sameSecret(req.header('x-paging-token'), token)) {
      throw new AuthenticationError(
        'The SMS gateway token is missing or wrong',
      );
    }
    const reply = parseInput(smsReplySchema, req.body, 'body');
    const result = await court.audited(
      req,
      'paging-acknowledge',
      { mobile: reply.mobile },
      () => pager.acknowledgeBySms(reply.mobile, reply.text),
    );
    res.json({
      acknowledged: result !== undefined,
      ticketNumber: result?.page.event.ticketNumber,
    });
  });

  router.get('/settings', async (req, res) => {
    const caller = await court.allowed(req, 'own-settings');
    const own = (await store.settingsOf([actorOf(caller)])).get(
      actorOf(caller),
    );
    res.json(own ?? { channels: config.defaultChannels, quietHours: null });
  });

  router.put('/settings', async (req, res) => {
    const caller = await court.allowed(req, 'own-settings');
    const settings = parseInput(personalSettingsSchema, req.body, 'body');
    await court.audited(req, 'paging-settings-update', {}, () =>
      store.saveSettings(
        actorOf(caller),
        settings,
        clock.now().toUTC().toISO()!,
      ),
    );
    res.json(settings);
  });

  return router;
}
