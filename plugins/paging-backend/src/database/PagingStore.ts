import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EscalationTier,
  PageEvent,
  PagingChannel,
  PersonalSettings,
} from '@internal/plugin-paging-common';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-paging-backend',
  'migrations',
);

/** Where one person is reached, in the order tried. */
export interface RouteStep {
  readonly channel: PagingChannel;
  readonly address: string;
}

export interface NewDelivery {
  readonly id: string;
  readonly tier: number;
  readonly recipient: string;
  readonly route: readonly RouteStep[];
  readonly dueAt: string;
  readonly ackCode: string;
  readonly replyCode: string;
}

export interface NewPage {
  readonly id: string;
  readonly event: PageEvent;
  readonly tiers: readonly EscalationTier[];
  readonly firstTier: number;
  readonly nextEscalationAt?: string;
  readonly createdAt: string;
}

export interface StoredPage extends NewPage {
  readonly tier: number;
  readonly status: 'open' | 'acknowledged';
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface StoredDelivery extends NewDelivery {
  readonly pageId: string;
  readonly channelIndex: number;
  readonly attempt: number;
  readonly status: DeliveryStatus;
  readonly sentAt?: string;
  readonly sentChannel?: PagingChannel;
  readonly lastError?: string;
}

/** What became of a claimed delivery. */
export type DeliveryOutcome =
  | {
      readonly status: 'sent';
      readonly at: string;
      readonly channel: PagingChannel;
    }
  | {
      readonly status: 'pending';
      readonly dueAt: string;
      readonly channelIndex: number;
      readonly attempt: number;
      readonly error: string;
    }
  | { readonly status: 'failed'; readonly error: string };

interface PageRow {
  id: string;
  event_key: string;
  ticket_id: string | null;
  event: string;
  tiers: string;
  first_tier: number;
  tier: number;
  next_escalation_at: string | null;
  status: 'open' | 'acknowledged';
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  created_at: string;
}

interface DeliveryRow {
  id: string;
  page_id: string;
  tier: number;
  recipient: string;
  route: string;
  channel_index: number;
  attempt: number;
  due_at: string;
  status: DeliveryStatus;
  lease_owner: string | null;
  lease_until: string | null;
  ack_code: string;
  reply_code: string;
  last_error: string | null;
  sent_at: string | null;
  sent_channel: PagingChannel | null;
}

function pageOf(row: PageRow): StoredPage {
  return {
    id: row.id,
    event: JSON.parse(row.event),
    tiers: JSON.parse(row.tiers),
    firstTier: row.first_tier,
    tier: row.tier,
    nextEscalationAt: row.next_escalation_at ?? undefined,
    status: row.status,
    acknowledgedBy: row.acknowledged_by ?? undefined,
    acknowledgedAt: row.acknowledged_at ?? undefined,
    createdAt: row.created_at,
  };
}

function deliveryOf(row: DeliveryRow): StoredDelivery {
  return {
    id: row.id,
    pageId: row.page_id,
    tier: row.tier,
    recipient: row.recipient,
    route: JSON.parse(row.route),
    channelIndex: row.channel_index,
    attempt: row.attempt,
    dueAt: row.due_at,
    status: row.status,
    ackCode: row.ack_code,
    replyCode: row.reply_code,
    sentAt: row.sent_at ?? undefined,
    sentChannel: row.sent_channel ?? undefined,
    lastError: row.last_error ?? undefined,
  };
}

function columnsOf(outcome: DeliveryOutcome) {
  switch (outcome.status) {
    case 'sent':
      return {
        status: 'sent',
        sent_at: outcome.at,
        sent_channel: outcome.channel,
      };
    case 'pending':
      return {
        due_at: outcome.dueAt,
        channel_index: outcome.channelIndex,
        attempt: outcome.attempt,
        last_error: outcome.error.slice(0, 1000),
      };
    default:
      return { status: 'failed', last_error: outcome.error.slice(0, 1000) };
  }
}

function deliveryRow(pageId: string, d: NewDelivery) {
  return {
    id: d.id,
    page_id: pageId,
    tier: d.tier,
    recipient: d.recipient,
    route: JSON.stringify(d.route),
    channel_index: 0,
    attempt: 0,
    due_at: d.dueAt,
    status: 'pending',
    ack_code: d.ackCode,
    reply_code: d.replyCode,
  };
}

/**
 * The pages and their outbox. Every step that two replicas could take at
 * once is a conditional update or a unique key, so it happens once: an event
 * pages once (`event_key`), a person gets one delivery per event, an
 * escalation moves a page one tier, a delivery is held by one replica at a
 * time (its lease) and finished only by its holder.
 */
export class PagingStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<PagingStore> {
    return PagingStore.fromKnex(await options.database.getClient(), options);
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<PagingStore> {
    if (!options.skipMigrations) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new PagingStore(db);
  }

  /** Creates the page and its first deliveries; `created: false` if the event already paged. */
  async createPage(
    page: NewPage,
    deliveries: readonly NewDelivery[],
  ): Promise<{ created: boolean; page: StoredPage }> {
    const created = await this.db.transaction(async trx => {
      const inserted = await trx('paging_pages')
        .insert({
          id: page.id,
          event_key: page.event.key,
          ticket_id: page.event.ticketId ?? null,
          event: JSON.stringify(page.event),
          tiers: JSON.stringify(page.tiers),
          first_tier: page.firstTier,
          tier: page.firstTier,
          next_escalation_at: page.nextEscalationAt ?? null,
          status: 'open',
          created_at: page.createdAt,
        })
        .onConflict('event_key')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return false;
      if (deliveries.length > 0) {
        await trx('paging_deliveries').insert(
          deliveries.map(d => deliveryRow(page.id, d)),
        );
      }
      return true;
    });
    const row = await this.db<PageRow>('paging_pages')
      .where({ event_key: page.event.key })
      .first();
    return { created, page: pageOf(row!) };
  }

  async getPage(id: string): Promise<StoredPage | undefined> {
    const row = await this.db<PageRow>('paging_pages').where({ id }).first();
    return row && pageOf(row);
  }

  async deliveriesOf(pageId: string): Promise<StoredDelivery[]> {
    const rows = await this.db<DeliveryRow>('paging_deliveries')
      .where({ page_id: pageId })
      .orderBy([{ column: 'tier' }, { column: 'recipient' }]);
    return rows.map(deliveryOf);
  }

  /** Open pages whose next escalation is due by `now`. */
  async dueEscalations(now: string, limit: number): Promise<StoredPage[]> {
    const rows = await this.db<PageRow>('paging_pages')
      .where({ status: 'open' })
      .whereNotNull('next_escalation_at')
      .where('next_escalation_at', '<=', now)
      .orderBy('next_escalation_at')
      .limit(limit);
    return rows.map(pageOf);
  }

  /**
   * Moves an open page from tier `from` to `to` and enqueues that tier's
   * deliveries (a person already paged for the event is not paged again);
   * false when another replica moved it first or it was acknowledged.
   */
  async escalate(
    pageId: string,
    from: number,
    to: number,
    nextEscalationAt: string | undefined,
    deliveries: readonly NewDelivery[],
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const moved = await trx('paging_pages')
        .where({ id: pageId, tier: from, status: 'open' })
        .update({ tier: to, next_escalation_at: nextEscalationAt ?? null });
      if (moved === 0) return false;
      for (const delivery of deliveries) {
        await trx('paging_deliveries')
          .insert(deliveryRow(pageId, delivery))
          .onConflict(['page_id', 'recipient'])
          .ignore();
      }
      return true;
    });
  }

  /**
   * Takes up to `limit` deliveries due by `now` for `owner` until
   * `leaseUntil`: pending, of an open page, and not held by anyone else
   * whose lease still runs (a replica that stopped mid-delivery loses it
   * when the lease ends).
   */
  async claimDue(
    now: string,
    owner: string,
    leaseUntil: string,
    limit: number,
  ): Promise<StoredDelivery[]> {
    const free = (q: Knex.QueryBuilder) =>
      q.whereNull('lease_until').orWhere('lease_until', '<=', now);
    const candidates = await this.db<DeliveryRow>('paging_deliveries as d')
      .join('paging_pages as p', 'p.id', 'd.page_id')
      .where('d.status', 'pending')
      .where('p.status', 'open')
      .where('d.due_at', '<=', now)
      .where(q =>
        q.whereNull('d.lease_until').orWhere('d.lease_until', '<=', now),
      )
      .orderBy('d.due_at')
      .limit(limit)
      .select('d.id');
    const claimed: StoredDelivery[] = [];
    for (const { id } of candidates) {
      const taken = await this.db('paging_deliveries')
        .where({ id, status: 'pending' })
        .where(free)
        .update({ lease_owner: owner, lease_until: leaseUntil });
      if (taken === 1) {
        const row = await this.db<DeliveryRow>('paging_deliveries')
          .where({ id })
          .first();
        claimed.push(deliveryOf(row!));
      }
    }
    return claimed;
  }

  /** Records what became of a delivery `owner` holds; false if its lease was lost. */
  async finish(
    id: string,
    owner: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const done = await this.db('paging_deliveries')
      .where({ id, lease_owner: owner, status: 'pending' })
      .update({ lease_owner: null, lease_until: null, ...columnsOf(outcome) });
    return done === 1;
  }
  /**
   * Acknowledges the page of the delivery with this code (the link's or, with
   * the mobile it came from, the SMS reply's); cancels what is still pending.
   * Undefined when no open page has it.
   */
  async acknowledge(
    code: { ackCode: string } | { replyCode: string },
    at: string,
  ): Promise<{ page: StoredPage; delivery: StoredDelivery } | undefined> {
    const row = await this.db<DeliveryRow>('paging_deliveries')
      .where(
        'ackCode' in code
          ? { ack_code: code.ackCode }
          : { reply_code: code.replyCode },
      )
      .first();
    if (!row) return undefined;
    return this.db.transaction(async trx => {
      const done = await trx('paging_pages')
        .where({ id: row.page_id, status: 'open' })
        .update({
          status: 'acknowledged',
          acknowledged_by: row.recipient,
          acknowledged_at: at,
          next_escalation_at: null,
        });
      if (done === 0) return undefined;
      await trx('paging_deliveries')
        .where({ page_id: row.page_id, status: 'pending' })
        .whereNull('lease_owner')
        .update({ status: 'cancelled' });
      const page = await trx<PageRow>('paging_pages')
        .where({ id: row.page_id })
        .first();
      return { page: pageOf(page!), delivery: deliveryOf(row) };
    });
  }

  /** The delivery with this SMS reply code, to check the mobile it came from. */
  async deliveryByReplyCode(
    replyCode: string,
  ): Promise<StoredDelivery | undefined> {
    const row = await this.db<DeliveryRow>('paging_deliveries')
      .where({ reply_code: replyCode })
      .first();
    return row && deliveryOf(row);
  }

  async deliveryByAckCode(
    ackCode: string,
  ): Promise<StoredDelivery | undefined> {
    const row = await this.db<DeliveryRow>('paging_deliveries')
      .where({ ack_code: ackCode })
      .first();
    return row && deliveryOf(row);
  }

  /** The earliest instant anything is due: a delivery, a lease running out, an escalation. */
  async nextDue(): Promise<string | undefined> {
    // A held delivery is due again when its holder's lease runs out.
    const delivery = await this.db('paging_deliveries as d')
      .join('paging_pages as p', 'p.id', 'd.page_id')
      .where({ 'd.status': 'pending', 'p.status': 'open' })
      .select(
        this.db.raw(
          'MIN(CASE WHEN d.lease_until IS NOT NULL AND d.lease_until > d.due_at THEN d.lease_until ELSE d.due_at END) as due',
        ),
      )
      .first();
    const escalation = await this.db('paging_pages')
      .where({ status: 'open' })
      .min({ at: 'next_escalation_at' })
      .first();
    const instants = [delivery?.due, escalation?.at].filter(
      (at): at is string => typeof at === 'string',
    );
    return instants.sort()[0];
  }

  async settingsOf(
    userRefs: readonly string[],
  ): Promise<Map<string, PersonalSettings>> {
    const rows = await this.db('paging_settings').whereIn('user_ref', [
      ...userRefs,
    ]);
    return new Map(
      rows.map((row: { user_ref: string; settings: string }) => [
        row.user_ref,
        JSON.parse(row.settings),
      ]),
    );
  }

  async saveSettings(userRef: string, settings: PersonalSettings, at: string) {
    await this.db('paging_settings')
      .insert({
        user_ref: userRef,
        settings: JSON.stringify(settings),
        updated_at: at,
      })
      .onConflict('user_ref')
      .merge();
  }
}
