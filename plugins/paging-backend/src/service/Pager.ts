import { LoggerService } from '@backstage/backend-plugin-api';
import { CourtClock, CourtWaker } from '@internal/plugin-court-node';
import {
  EscalationTier,
  firstTier,
  formatPage,
  inDailyWindow,
  nextEscalation,
  PageEvent,
  pagingRuleFor,
  PagingConfig,
  PagingChannel,
  PersonalSettings,
  retryDelaySeconds,
  usableChannels,
  windowEnd,
} from '@internal/plugin-paging-common';
import { OnCallService } from '@internal/plugin-paging-node';
import { DateTime } from 'luxon';
import { randomInt, randomUUID } from 'node:crypto';
import { ChannelSender } from '../channels/senders';
import {
  NewDelivery,
  PagingStore,
  StoredDelivery,
  StoredPage,
} from '../database/PagingStore';
import { Directory, Reachable } from './Directory';
import { PageHistory } from './TicketHistory';

const BATCH = 50;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** UTC, fixed width: compares as text the same on SQLite and PostgreSQL. */
function iso(at: DateTime): string {
  return at.toUTC().toISO()!;
}

function ackCode(): string {
  return Array.from(
    { length: 10 },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join('');
}

function replyCode(): string {
  return String(randomInt(100_000, 1_000_000));
}

export interface PageResult {
  readonly paged: boolean;
  readonly pageId?: string;
  readonly reason?: string;
}

/**
 * Pages people: decides whether an event pages, enqueues one delivery per
 * person in the outbox, sends what is due (retrying with backoff, then the
 * next channel), escalates on the court clock until someone acknowledges.
 * Each replica runs one; the store makes every step happen once.
 */
export class Pager {
  private readonly owner = randomUUID();
  private readonly waker: CourtWaker;

  constructor(
    private readonly deps: {
      store: PagingStore;
      config: PagingConfig;
      clock: CourtClock;
      onCall: OnCallService;
      directory: Pick<Directory, 'people'>;
      senders: Partial<Record<PagingChannel, ChannelSender>>;
      history: PageHistory;
      logger: LoggerService;
      /** Longest sleep: another replica's new page is seen at the latest after this. */
      maxSleepMs: number;
    },
  ) {
    this.waker = new CourtWaker({
      name: 'paging sweep',
      logger: deps.logger,
      clock: deps.clock,
      sweep: () => this.sweep(),
      nextDue: () => deps.store.nextDue(),
      maxSleep: { milliseconds: deps.maxSleepMs },
      // Never again at the instant just swept: a delivery another replica
      // holds, or one it could not take, is looked at a second later.
      minSleep: { seconds: 1 },
    });
  }

  /** Starts paging; resolves after the first sweep. */
  start(): Promise<void> {
    return this.waker.start();
  }

  stop(): Promise<void> {
    return this.waker.stop();
  }

  /** Pages for an event if a rule says so; the same event twice pages once. */
  async page(event: PageEvent): Promise<PageResult> {
    const { config, clock, store, history } = this.deps;
    if (!config.enabled) return { paged: false, reason: 'paging is disabled' };
    const rule = pagingRuleFor(event, config);
    if (!rule) return { paged: false, reason: 'no rule pages for this event' };
    const tiers = await this.deps.onCall.escalationChain(event.at, event);
    const first = firstTier(tiers, rule.first);
    if (first === undefined) {
      await history.record(
        event.ticketId,
        `无人可寻呼：${rule.first} 及之后的升级链为空`,
      );
      return { paged: false, reason: 'the escalation chain is empty' };
    }
    const now = clock.now();
    const next = nextEscalation(
      tiers,
      first,
      event.level,
      now,
      config.escalationMinutes,
    );
    const { deliveries, unreachable } = await this.deliveriesFor(
      tiers[first],
      first,
      event,
      now,
    );
    const { created, page } = await store.createPage(
      {
        id: randomUUID(),
        event,
        tiers,
        firstTier: first,
        nextEscalationAt: next && iso(next.at),
        createdAt: iso(now),
      },
      deliveries,
    );
    if (created) {
      await history.record(
        event.ticketId,
        this.describeTier(page, first, deliveries, unreachable),
      );
      this.waker.wakeBy(now);
    }
    return { paged: created, pageId: page.id };
  }

  /** Acknowledges by the short link's code. */
  async acknowledgeByLink(code: string) {
    return this.acknowledged(
      await this.deps.store.acknowledge(
        { ackCode: code },
        iso(this.deps.clock.now()),
      ),
      '链接',
    );
  }

  /** Acknowledges by an SMS reply: the code must be one sent to that mobile. */
  async acknowledgeBySms(mobile: string, text: string) {
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (!code) return undefined;
    const delivery = await this.deps.store.deliveryByReplyCode(code);
    const sentTo = delivery?.route.some(
      step => step.channel === 'sms' && step.address === mobile,
    );
    if (!delivery || !sentTo) return undefined;
    return this.acknowledged(
      await this.deps.store.acknowledge(
        { replyCode: code },
        iso(this.deps.clock.now()),
      ),
      '短信回复',
    );
  }

  private async acknowledged(
    result: Awaited<ReturnType<PagingStore['acknowledge']>>,
    how: string,
  ) {
    if (!result) return undefined;
    await this.deps.history.record(
      result.page.event.ticketId,
      `${result.delivery.recipient} 已确认（${how}），停止升级`,
    );
    return result;
  }

  private async sweep() {
    const { store, clock, config } = this.deps;
    for (const page of await store.dueEscalations(iso(clock.now()), BATCH)) {
      await this.escalate(page);
    }
    for (;;) {
      const now = clock.now();
      const claimed = await store.claimDue(
        iso(now),
        this.owner,
        iso(now.plus({ seconds: config.leaseSeconds })),
        BATCH,
      );
      for (const delivery of claimed) await this.deliver(delivery);
      // Again until nothing is due: a delivery moved to its next channel is due at once.
      if (claimed.length === 0) return;
    }
  }

  private async escalate(page: StoredPage) {
    const { config, store, history } = this.deps;
    const dueAt = DateTime.fromISO(page.nextEscalationAt!, { zone: 'utc' });
    const step = nextEscalation(
      page.tiers,
      page.tier,
      page.event.level,
      dueAt,
      config.escalationMinutes,
    );
    if (!step) return;
    const after = nextEscalation(
      page.tiers,
      step.tier,
      page.event.level,
      dueAt,
      config.escalationMinutes,
    );
    const { deliveries, unreachable } = await this.deliveriesFor(
      page.tiers[step.tier],
      step.tier,
      page.event,
      this.deps.clock.now(),
    );
    const moved = await store.escalate(
      page.id,
      page.tier,
      step.tier,
      after && iso(after.at),
      deliveries,
    );
    if (moved) {
      await history.record(
        page.event.ticketId,
        `${
          config.escalationMinutes[page.event.level]
        } 分钟无人确认，升级：${this.describeTier(
          page,
          step.tier,
          deliveries,
          unreachable,
        )}`,
      );
    }
  }

  private async deliver(delivery: StoredDelivery) {
    const { store, clock, config, history } = this.deps;
    const page = (await store.getPage(delivery.pageId))!;
    const step = delivery.route[delivery.channelIndex];
    const sender = this.deps.senders[step.channel];
    const text = formatPage(page.event, {
      zone: config.zone,
      language: config.language,
      ackUrl: `${config.ackBaseUrl}/a/${delivery.ackCode}`,
      replyCode: delivery.replyCode,
      escalated: delivery.tier !== page.firstTier,
    });
    const who = `${delivery.recipient} 经 ${step.channel}`;
    try {
      if (!sender) throw new Error(`channel ${step.channel} is not configured`);
      await sender.send(step.address, text);
      if (
        await store.finish(delivery.id, this.owner, {
          status: 'sent',
          at: iso(clock.now()),
          channel: step.channel,
        })
      ) {
        await history.record(page.event.ticketId, `已送达 ${who}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempt = delivery.attempt + 1;
      const now = clock.now();
      if (attempt < config.retry.attempts) {
        const wait = retryDelaySeconds(attempt, config.retry.backoffSeconds);
        await store.finish(delivery.id, this.owner, {
          status: 'pending',
          dueAt: iso(now.plus({ seconds: wait })),
          channelIndex: delivery.channelIndex,
          attempt,
          error: message,
        });
        await history.record(
          page.event.ticketId,
          `发送失败 ${who}（${message}），${wait} 秒后重试`,
        );
      } else if (delivery.channelIndex + 1 < delivery.route.length) {
        const nextChannel = delivery.route[delivery.channelIndex + 1].channel;
        await store.finish(delivery.id, this.owner, {
          status: 'pending',
          dueAt: iso(now),
          channelIndex: delivery.channelIndex + 1,
          attempt: 0,
          error: message,
        });
        await history.record(
          page.event.ticketId,
          `发送失败 ${who}（${message}），改用 ${nextChannel}`,
        );
      } else {
        await store.finish(delivery.id, this.owner, {
          status: 'failed',
          error: message,
        });
        await history.record(
          page.event.ticketId,
          `无法送达 ${delivery.recipient}：所有渠道均失败（${message}）`,
        );
      }
    }
  }

  /** One delivery per reachable person of the tier, held back by their quiet hours unless the level pierces them. */
  private async deliveriesFor(
    tier: EscalationTier,
    tierIndex: number,
    event: PageEvent,
    now: DateTime,
  ): Promise<{ deliveries: NewDelivery[]; unreachable: string[] }> {
    const { store, directory } = this.deps;
    const people = await directory.people(tier.recipients);
    const settings = await store.settingsOf(people.map(p => p.userRef));
    const deliveries: NewDelivery[] = [];
    const unreachable: string[] = [];
    for (const person of people) {
      const own = settings.get(person.userRef);
      const route = this.routeOf(person, own);
      if (route.length === 0) {
        unreachable.push(person.userRef);
        continue;
      }
      deliveries.push({
        id: randomUUID(),
        tier: tierIndex,
        recipient: person.userRef,
        route,
        dueAt: iso(this.heldUntil(own, event, now) ?? now),
        ackCode: ackCode(),
        replyCode: replyCode(),
      });
    }
    return { deliveries, unreachable };
  }

  private routeOf(person: Reachable, own: PersonalSettings | undefined) {
    const { config } = this.deps;
    return usableChannels(
      own?.channels ?? config.defaultChannels,
      config.channels,
    )
      .filter(channel => person.addresses[channel])
      .map(channel => ({ channel, address: person.addresses[channel]! }));
  }

  private heldUntil(
    own: PersonalSettings | undefined,
    event: PageEvent,
    now: DateTime,
  ) {
    const { config } = this.deps;
    if (!own?.quietHours || config.pierceQuietHours.includes(event.level))
      return undefined;
    return inDailyWindow(now, own.quietHours, config.zone)
      ? windowEnd(now, own.quietHours, config.zone)
      : undefined;
  }

  private describeTier(
    page: StoredPage,
    tier: number,
    deliveries: readonly NewDelivery[],
    unreachable: readonly string[],
  ): string {
    const role = page.tiers[tier].role;
    const paged = deliveries.map(
      d => `${d.recipient}(${d.route.map(s => s.channel).join('→')})`,
    );
    return [
      `寻呼 ${page.event.level} ${role}：${paged.join('、') || '无'}`,
      ...(unreachable.length ? [`无联系方式：${unreachable.join('、')}`] : []),
    ].join('；');
  }
}
