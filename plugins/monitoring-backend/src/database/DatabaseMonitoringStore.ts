import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AlertSeverity,
  AlertSource,
  DeadLetter,
  MonitoredIncident,
  ReceivedAlert,
} from '@internal/plugin-monitoring-common';
import { Knex } from 'knex';
import { prepareStoreDatabase, isSqlite } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-monitoring-backend',
  'migrations',
);

interface AlertRow {
  fingerprint: string;
  source: AlertSource;
  episode: number;
  title: string;
  description: string;
  severity: AlertSeverity;
  status: 'open' | 'cleared';
  ticket_number: string | null;
  entity_ref: string | null;
  system_ref: string | null;
  host: string | null;
  ip: string | null;
  monitoring_id: string | null;
  occurrences: number;
  first_seen: string;
  last_seen: string;
  cleared_at: string | null;
  flapping: boolean | number;
  storm_id: string | null;
  filing_since: string | null;
}

/** An alert's incident as stored, with what filing needs. */
export interface StoredAlert extends MonitoredIncident {
  readonly episode: number;
  readonly description: string;
  readonly host?: string;
  readonly ip?: string;
  readonly stormId?: string;
}

/** Where an alert belongs in the catalog; neither when unmapped. */
export interface Placement {
  readonly entityRef?: string;
  readonly systemRef?: string;
}

/** What a firing delivery did to its fingerprint's incident. */
export interface Firing {
  readonly alert: StoredAlert;
  /** The first time this fingerprint was seen: an incident to file. */
  readonly created: boolean;
  /** A start instant not seen before in this episode (a new firing). */
  readonly newFire: boolean;
  /** It had cleared and fires again. */
  readonly refired: boolean;
  /** Its filing was queued by this delivery (the filer should wake up). */
  readonly queued: boolean;
  /** A new alert of a system, placed by the storm rule in the transaction that recorded it. */
  readonly placed?: StormPlacement;
}

/** The storm rule: how a new alert of a system is placed, given the system's last minute. */
export type StormRule = (state: StormState) => StormPlacement;

/** An incident waiting in the outbox to be filed. */
export interface QueuedFiling {
  readonly fingerprint: string;
  readonly episode: number;
  readonly link?: string;
  readonly dueAt: string;
  readonly attempts: number;
}

export type NoteKind = 'cleared' | 'flapping';

/** An event an alert is to write on its ticket (once). */
export interface PendingNote {
  readonly fingerprint: string;
  readonly episode: number;
  readonly kind: NoteKind;
  /** Which of its kind: `fire-<n>`, the clearing of the episode's nth firing; `once` for its flapping. */
  readonly occurrence: string;
  readonly body: string;
}

const noteKey = (note: PendingNote) => ({
  fingerprint: note.fingerprint,
  episode: note.episode,
  kind: note.kind,
  occurrence: note.occurrence,
});

/** A system's storm: one parent incident for the alerts beyond the limit. */
export interface Storm {
  readonly id: string;
  readonly systemRef: string;
  readonly openedAt: string;
  readonly ticketNumber?: string;
  readonly members: number;
}

/** A source's deliveries, for the heartbeat watch and the health view. */
export interface SourceRecord {
  readonly source: AlertSource;
  readonly lastDeliveryAt?: string;
  readonly watchedSince: string;
  readonly silenceAlertedAt?: string;
}

/** Where `placeInSystem` put a new alert: its own incident, or a storm (`open`: it opened it). */
export interface StormPlacement {
  readonly open?: boolean;
  readonly stormId?: string;
  /** With `open`: the alerts of the minute before, each with its own incident. */
  readonly siblings: readonly StoredAlert[];
  /** Its own incident's filing was queued. */
  readonly queued?: boolean;
}

export interface StormState {
  /** Alerts of the system first seen in the last minute, each with its own incident. */
  readonly ownInLastMinute: StoredAlert[];
  /** The storm still going (an alert joined within the minute). */
  readonly openStorm?: Storm;
}

function toAlert(row: AlertRow): StoredAlert {
  return {
    fingerprint: row.fingerprint,
    source: row.source,
    episode: row.episode,
    title: row.title,
    description: row.description,
    severity: row.severity,
    status: row.status,
    ticketNumber: row.ticket_number ?? undefined,
    entityRef: row.entity_ref ?? undefined,
    system: row.system_ref ?? undefined,
    host: row.host ?? undefined,
    ip: row.ip ?? undefined,
    occurrences: Number(row.occurrences),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    clearedAt: row.cleared_at ?? undefined,
    flapping: Boolean(row.flapping),
    stormId: row.storm_id ?? undefined,
    stormParent: row.storm_id ?? undefined,
  };
}

/** Instants are stored as ISO strings in UTC, so they sort as text. */
const MINUTE_MS = 60_000;
const minus = (instant: string, ms: number) =>
  new Date(Date.parse(instant) - ms).toISOString();
const plus = (instant: string, ms: number) => minus(instant, -ms);

function toStorm(row: {
  id: string;
  system_ref: string;
  opened_at: string;
  ticket_number: string | null;
  members: number | string;
}): Storm {
  return {
    id: row.id,
    systemRef: row.system_ref,
    openedAt: row.opened_at,
    ticketNumber: row.ticket_number ?? undefined,
    members: Number(row.members),
  };
}

/**
 * The monitoring intake's tables. Every change of one fingerprint happens in
 * a transaction on its row, so concurrent deliveries count every occurrence
 * and make one incident.
 */
export class DatabaseMonitoringStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseMonitoringStore> {
    return DatabaseMonitoringStore.fromKnex(
      await options.database.getClient(),
      options.skipMigrations,
    );
  }

  static async fromKnex(
    db: Knex,
    skipMigrations = false,
  ): Promise<DatabaseMonitoringStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: skipMigrations,
    });
    return new DatabaseMonitoringStore(db);
  }

  private readonly sqlite: boolean;

  private constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /** The row of `fingerprint` locked for this transaction (SQLite locks the whole file anyway). */
  private locked(trx: Knex.Transaction, fingerprint: string) {
    const query = trx<AlertRow>('monitoring_alerts')
      .where({ fingerprint })
      .first();
    return this.sqlite ? query : query.forUpdate();
  }

  /**
   * Counts a firing delivery: a new incident, an occurrence, or a firing
   * again. `place` is asked only when the delivery is not a plain repeat.
   */
  async recordFiring(
    alert: ReceivedAlert,
    place: Placement | (() => Promise<Placement>),
    now: string,
    stormRule?: StormRule,
  ): Promise<Firing> {
    const repeat = await this.repeat(alert, now);
    if (repeat) return repeat;
    const placement = typeof place === 'function' ? await place() : place;
    return this.firing(alert, placement, now, stormRule);
  }

  /**
   * The common case in one statement, without a transaction: a repeat of a
   * firing already recorded, whose incident is filed or queued (or needs
   * none); the row as updated comes back with it.
   */
  private async repeat(
    alert: ReceivedAlert,
    now: string,
  ): Promise<Firing | undefined> {
    const startsAt = new Date(alert.startsAt).toISOString();
    const [counted] = (await this.db('monitoring_alerts')
      .where({ fingerprint: alert.fingerprint, status: 'open' })
      .where(q =>
        q
          .whereNotNull('ticket_number')
          .orWhereNotNull('filing_since')
          .orWhereNotNull('storm_id')
          .orWhereNull('entity_ref'),
      )
      .whereExists(fires =>
        fires
          .select(this.db.raw('1'))
          .from('monitoring_fires')
          .whereRaw(
            'monitoring_fires.fingerprint = monitoring_alerts.fingerprint',
          )
          .whereRaw('monitoring_fires.episode = monitoring_alerts.episode')
          .where('monitoring_fires.starts_at', startsAt),
      )
      .update(
        { occurrences: this.db.raw('occurrences + 1'), last_seen: now },
        '*',
      )) as AlertRow[];
    if (!counted) return undefined;
    return {
      alert: toAlert(counted),
      created: false,
      newFire: false,
      refired: false,
      queued: false,
    };
  }

  /**
   * Records a firing that is not a plain repeat. A new alert of a system is also placed by
   * `stormRule` in the same transaction when one is given (one transaction for a new alert, not
   * two: a burst of new alerts holds the connections half as long). A new fingerprint is found
   * by inserting it: the insert waits for a concurrent first delivery's, and the loser (nothing
   * inserted) takes the row as a repeat, one round trip fewer for the burst's new alerts.
   */
  private firing(
    alert: ReceivedAlert,
    placement: Placement,
    now: string,
    stormRule?: StormRule,
  ): Promise<Firing> {
    return this.db.transaction(async trx => {
      const inserted: AlertRow = {
        fingerprint: alert.fingerprint,
        source: alert.source,
        host: alert.host ?? null,
        ip: alert.ip ?? null,
        monitoring_id: alert.monitoringId ?? null,
        ...freshEpisode(alert, placement, now, 1),
      };
      const created = await trx('monitoring_alerts')
        .insert(inserted)
        .onConflict('fingerprint')
        .ignore()
        .returning('fingerprint');
      if (created.length > 0) {
        await this.addFire(trx, alert.fingerprint, 1, alert.startsAt);
        const placed =
          placement.systemRef !== undefined && stormRule
            ? await this.placeWithin(
                trx,
                {
                  fingerprint: alert.fingerprint,
                  link: alert.link,
                  episode: 1,
                },
                placement.systemRef,
                now,
                stormRule,
                inserted,
              )
            : undefined;
        // Placed: queued by the storm rule's own incident. Not placed: a device without a
        // system is queued now; a system's alert once the storm rule has placed it.
        const queued = placed
          ? placed.queued === true
          : placement.entityRef !== undefined &&
            placement.systemRef === undefined;
        if (queued && !placed) await this.queue(trx, alert, 1, now);
        return {
          alert: toAlert({
            ...inserted,
            filing_since: queued ? now : null,
            storm_id: placed?.stormId ?? null,
          }),
          created: true,
          newFire: true,
          refired: false,
          queued,
          placed,
        };
      }
      // The insert met the row (alerts are never deleted): lock it.
      const row = (await this.locked(trx, alert.fingerprint))!;
      const newFire = await this.addFire(
        trx,
        alert.fingerprint,
        row.episode,
        alert.startsAt,
      );
      // A late repeat of a firing that has cleared does not reopen it.
      const refired = row.status === 'cleared' && newFire;
      // Unfiled and not queued: its first delivery stopped before the storm rule placed it.
      const queued =
        row.ticket_number === null &&
        row.entity_ref !== null &&
        row.storm_id === null &&
        row.filing_since === null;
      const patch: Partial<AlertRow> = {
        occurrences: Number(row.occurrences) + 1,
        last_seen: now,
        ...(refired ? { status: 'open', cleared_at: null } : {}),
      };
      await trx('monitoring_alerts')
        .where({ fingerprint: alert.fingerprint })
        .update(patch);
      if (queued) await this.queue(trx, alert, row.episode, now);
      return {
        alert: toAlert({
          ...row,
          ...patch,
          ...(queued ? { filing_since: now } : {}),
        }),
        created: false,
        newFire,
        refired,
        queued,
      };
    });
  }

  /**
   * Queues the filing of an episode's incident, in the transaction that
   * recorded it, so an answered delivery is filed even after a crash.
   */
  private async queue(
    trx: Knex.Transaction,
    alert: Pick<ReceivedAlert, 'fingerprint' | 'link'>,
    episode: number,
    now: string,
  ): Promise<void> {
    await trx('monitoring_alerts')
      .where({ fingerprint: alert.fingerprint, episode })
      .update({ filing_since: now });
    await trx('monitoring_outbox')
      .insert({
        fingerprint: alert.fingerprint,
        episode,
        link: alert.link ?? null,
        queued_at: now,
        due_at: now,
        attempts: 0,
      })
      .onConflict(['fingerprint', 'episode'])
      .ignore();
  }

  /** Records a start instant; false when this episode had it already. */
  private async addFire(
    trx: Knex.Transaction,
    fingerprint: string,
    episode: number,
    startsAt: string,
  ): Promise<boolean> {
    const added = await trx('monitoring_fires')
      .insert({
        fingerprint,
        episode,
        starts_at: new Date(startsAt).toISOString(),
      })
      .onConflict(['fingerprint', 'episode', 'starts_at'])
      .ignore()
      .returning('fingerprint');
    return added.length > 0;
  }

  /**
   * A fingerprint firing again after its ticket was resolved: its next
   * episode, a fresh incident with one occurrence.
   */
  async startEpisode(
    alert: ReceivedAlert,
    placement: Placement,
    now: string,
    previousEpisode: number,
  ): Promise<{ alert: StoredAlert; started: boolean; queued: boolean }> {
    return this.db.transaction(async trx => {
      const row = await this.locked(trx, alert.fingerprint);
      if (!row) throw new Error(`no alert ${alert.fingerprint}`);
      // Another delivery already started it (and files its ticket).
      if (row.episode !== previousEpisode) {
        return { alert: toAlert(row), started: false, queued: false };
      }
      const patch = freshEpisode(alert, placement, now, row.episode + 1);
      await trx('monitoring_alerts')
        .where({ fingerprint: alert.fingerprint })
        .update(patch);
      await this.addFire(
        trx,
        alert.fingerprint,
        row.episode + 1,
        alert.startsAt,
      );
      const queued =
        placement.entityRef !== undefined && placement.systemRef === undefined;
      if (queued) await this.queue(trx, alert, row.episode + 1, now);
      return {
        alert: toAlert({
          ...row,
          ...patch,
          ...(queued ? { filing_since: now } : {}),
        }),
        started: true,
        queued,
      };
    });
  }

  /**
   * Marks the alert cleared; the alert when it was open (once per clearing).
   * Its "alert cleared" event (`note`'s text) is recorded with it, to be
   * written on the ticket by whoever claims it ({@link claimNote}).
   */
  async recordCleared(
    fingerprint: string,
    now: string,
    note: (cleared: StoredAlert) => string,
  ): Promise<StoredAlert | undefined> {
    return this.db.transaction(async trx => {
      const row = await this.locked(trx, fingerprint);
      if (!row || row.status !== 'open') return undefined;
      const patch = {
        status: 'cleared' as const,
        cleared_at: now,
        last_seen: now,
      };
      await trx('monitoring_alerts').where({ fingerprint }).update(patch);
      const cleared = toAlert({ ...row, ...patch });
      // Each clearing ends a firing of its own: the count names it.
      const [{ fires }] = await trx('monitoring_fires')
        .where({ fingerprint, episode: row.episode })
        .count({ fires: '*' });
      await this.addNote(
        trx,
        cleared,
        'cleared',
        `fire-${Number(fires)}`,
        note(cleared),
        now,
      );
      return cleared;
    });
  }

  private async addNote(
    trx: Knex.Transaction,
    alert: Pick<StoredAlert, 'fingerprint' | 'episode'>,
    kind: NoteKind,
    occurrence: string,
    body: string,
    now: string,
  ): Promise<void> {
    await trx('monitoring_notes')
      .insert({
        fingerprint: alert.fingerprint,
        episode: alert.episode,
        kind,
        occurrence,
        body,
        decided_at: now,
        noted_at: null,
      })
      .onConflict(['fingerprint', 'episode', 'kind', 'occurrence'])
      .ignore();
  }

  /**
   * Events decided and not yet written: an episode's, or those of a storm's
   * members (written on the storm's ticket). Oldest first.
   */
  async pendingNotes(
    of: { fingerprint: string; episode: number } | { stormId: string },
  ): Promise<PendingNote[]> {
    const query = this.db('monitoring_notes')
      .whereNull('monitoring_notes.noted_at')
      .select('monitoring_notes.*')
      .orderBy('monitoring_notes.decided_at');
    if ('stormId' in of) {
      query
        .join('monitoring_alerts', join =>
          join
            .on('monitoring_alerts.fingerprint', 'monitoring_notes.fingerprint')
            .andOn('monitoring_alerts.episode', 'monitoring_notes.episode'),
        )
        .where('monitoring_alerts.storm_id', of.stormId);
    } else {
      query.where({
        'monitoring_notes.fingerprint': of.fingerprint,
        'monitoring_notes.episode': of.episode,
      });
    }
    const rows = await query;
    return rows.map(row => ({
      fingerprint: row.fingerprint,
      episode: Number(row.episode),
      kind: row.kind,
      occurrence: row.occurrence,
      body: row.body,
    }));
  }

  /** Claims writing an event: true for one caller only, across replicas. */
  async claimNote(note: PendingNote, at: string): Promise<boolean> {
    const claimed = await this.db('monitoring_notes')
      .where(noteKey(note))
      .whereNull('noted_at')
      .update({ noted_at: at });
    return claimed > 0;
  }

  /** A claimed event that could not be written: pending again. */
  async releaseNote(note: PendingNote): Promise<void> {
    await this.db('monitoring_notes')
      .where(noteKey(note))
      .update({ noted_at: null });
  }

  async get(fingerprint: string): Promise<StoredAlert | undefined> {
    const row = await this.db<AlertRow>('monitoring_alerts')
      .where({ fingerprint })
      .first();
    return row ? toAlert(row) : undefined;
  }

  /** Queued filings due at `now`, the longest due first. */
  async dueFilings(now: string, limit: number): Promise<QueuedFiling[]> {
    const rows = await this.db('monitoring_outbox')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit);
    return rows.map(row => ({
      fingerprint: row.fingerprint,
      episode: Number(row.episode),
      link: row.link ?? undefined,
      dueAt: row.due_at,
      attempts: Number(row.attempts),
    }));
  }

  /**
   * Claims a due filing until `leaseUntil`: true for one claimant only (the
   * row's due instant is compared and set), across replicas.
   */
  async claimFiling(
    filing: QueuedFiling,
    leaseUntil: string,
  ): Promise<boolean> {
    const claimed = await this.db('monitoring_outbox')
      .where({
        fingerprint: filing.fingerprint,
        episode: filing.episode,
        due_at: filing.dueAt,
      })
      .update({ due_at: leaseUntil, attempts: filing.attempts + 1 });
    return claimed > 0;
  }

  /** A failed try: claimable again at `retryAt`. */
  async deferFiling(filing: QueuedFiling, retryAt: string): Promise<void> {
    await this.db('monitoring_outbox')
      .where({ fingerprint: filing.fingerprint, episode: filing.episode })
      .update({ due_at: retryAt });
  }

  /** Filed (or nothing to file any more): out of the outbox. */
  async finishFiling(filing: QueuedFiling): Promise<void> {
    await this.db('monitoring_outbox')
      .where({ fingerprint: filing.fingerprint, episode: filing.episode })
      .delete();
  }

  /** When the next queued filing falls due, if any is queued. */
  async nextFilingDue(): Promise<string | undefined> {
    const row = await this.db('monitoring_outbox').min({ next: 'due_at' });
    return row[0]?.next ?? undefined;
  }

  /** The open storm of a system opened within a minute after `firstSeen`, whose minute included it. */
  async stormAfter(
    systemRef: string,
    firstSeen: string,
  ): Promise<Storm | undefined> {
    const row = await this.db('monitoring_storms')
      .where({ system_ref: systemRef })
      .where('opened_at', '>=', firstSeen)
      .where('opened_at', '<', plus(firstSeen, MINUTE_MS))
      .orderBy('opened_at')
      .first();
    return row ? toStorm(row) : undefined;
  }

  /** Stores the ticket of an episode (not of a later one). */
  async setTicket(
    fingerprint: string,
    episode: number,
    ticketNumber: string,
  ): Promise<void> {
    await this.db('monitoring_alerts')
      .where({ fingerprint, episode })
      .update({ ticket_number: ticketNumber });
  }

  /** The start instants of an episode's firings. */
  async fires(fingerprint: string, episode: number): Promise<string[]> {
    const rows = await this.db('monitoring_fires')
      .where({ fingerprint, episode })
      .select('starts_at');
    return rows.map(r => r.starts_at);
  }

  /**
   * Marks an episode flapping, with its event (`note`) to be written on the
   * ticket; true only for the call that marked it.
   */
  async markFlapping(
    alert: Pick<StoredAlert, 'fingerprint' | 'episode'>,
    now: string,
    note: string,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const updated = await trx('monitoring_alerts')
        .where({
          fingerprint: alert.fingerprint,
          episode: alert.episode,
          flapping: false,
        })
        .update({ flapping: true });
      if (updated === 0) return false;
      await this.addNote(trx, alert, 'flapping', 'once', note, now);
      return true;
    });
  }

  /**
   * Decides under one transaction where a system's new alert goes, so the
   * storm's parent is opened once: `decide` sees the system's last minute.
   */
  async placeInSystem(
    alert: Pick<ReceivedAlert, 'fingerprint' | 'link'> & { episode: number },
    systemRef: string,
    now: string,
    decide: StormRule,
  ): Promise<StormPlacement> {
    return this.db.transaction(trx =>
      this.placeWithin(trx, alert, systemRef, now, decide),
    );
  }

  private async placeWithin(
    trx: Knex.Transaction,
    alert: Pick<ReceivedAlert, 'fingerprint' | 'link'> & { episode: number },
    systemRef: string,
    now: string,
    decide: StormRule,
    /** The alert's row when this transaction just wrote it: not read again. */
    written?: AlertRow,
  ): Promise<StormPlacement> {
    const { fingerprint } = alert;
    const since = minus(now, MINUTE_MS);
    const storms = trx('monitoring_storms')
      .where({ system_ref: systemRef })
      .where('last_at', '>', since)
      .orderBy('opened_at', 'desc')
      .first();
    const stormRow = await (this.sqlite ? storms : storms.forUpdate());
    const own = await trx<AlertRow>('monitoring_alerts')
      .where({ system_ref: systemRef })
      .whereNull('storm_id')
      .where('first_seen', '>', since)
      .whereNot({ fingerprint });
    const decision = decide({
      ownInLastMinute: own.map(toAlert),
      openStorm: stormRow
        ? {
            id: stormRow.id,
            systemRef,
            openedAt: stormRow.opened_at,
            ticketNumber: stormRow.ticket_number ?? undefined,
            members: Number(stormRow.members),
          }
        : undefined,
    });
    if (decision.open) {
      const id = `${systemRef}@${now}`;
      await trx('monitoring_storms')
        .insert({
          id,
          system_ref: systemRef,
          opened_at: now,
          last_at: now,
          members: 1,
          ticket_number: null,
        })
        .onConflict('id')
        .ignore();
      await trx('monitoring_alerts')
        .where({ fingerprint })
        .update({ storm_id: id });
      return { ...decision, stormId: id };
    }
    if (decision.stormId) {
      await trx('monitoring_storms')
        .where({ id: decision.stormId })
        .update({ last_at: now, members: trx.raw('members + 1') });
      await trx('monitoring_alerts')
        .where({ fingerprint })
        .update({ storm_id: decision.stormId });
      return decision;
    }
    // Its own incident: queued in the transaction that decided so.
    const row =
      written ??
      (await trx<AlertRow>('monitoring_alerts')
        .where({ fingerprint, episode: alert.episode })
        .first());
    const queued =
      row !== undefined &&
      row.entity_ref !== null &&
      row.ticket_number === null &&
      row.filing_since === null;
    if (queued) await this.queue(trx, alert, alert.episode, now);
    return { ...decision, queued };
  }

  async storm(id: string): Promise<Storm | undefined> {
    const row = await this.db('monitoring_storms').where({ id }).first();
    return row ? toStorm(row) : undefined;
  }

  async setStormTicket(id: string, ticketNumber: string): Promise<void> {
    await this.db('monitoring_storms')
      .where({ id })
      .update({ ticket_number: ticketNumber });
  }

  /** Newest first; an entity's own alerts, or a system's and its devices'. */
  async list(filter: {
    entityRef?: string;
    status?: 'open' | 'cleared';
    limit: number;
  }): Promise<MonitoredIncident[]> {
    const query = this.db<AlertRow>('monitoring_alerts')
      .leftJoin(
        'monitoring_storms',
        'monitoring_storms.id',
        'monitoring_alerts.storm_id',
      )
      .select('monitoring_alerts.*', {
        storm_ticket: 'monitoring_storms.ticket_number',
      })
      .orderBy('monitoring_alerts.last_seen', 'desc')
      .limit(filter.limit);
    if (filter.entityRef) {
      const ref = filter.entityRef;
      query.where(q =>
        q
          .where('monitoring_alerts.entity_ref', ref)
          .orWhere('monitoring_alerts.system_ref', ref),
      );
    }
    if (filter.status) query.where('monitoring_alerts.status', filter.status);
    const rows = (await query) as (AlertRow & {
      storm_ticket: string | null;
    })[];
    return rows.map(row =>
      present({
        ...toAlert(row),
        // A storm member is handled under its parent's ticket.
        ticketNumber: row.ticket_number ?? row.storm_ticket ?? undefined,
      }),
    );
  }

  /** Open alerts no device or system matched: they filed nothing. */
  async listUnmapped(limit = 500): Promise<MonitoredIncident[]> {
    const rows = await this.db<AlertRow>('monitoring_alerts')
      .whereNull('entity_ref')
      .where({ status: 'open' })
      .orderBy('last_seen', 'desc')
      .limit(limit);
    return rows.map(row => present(toAlert(row)));
  }

  /** Keeps a refused delivery, and only the newest `keep` of them. */
  async addDeadLetter(
    letter: Omit<DeadLetter, 'id'>,
    keep: number,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx('monitoring_dead_letters').insert({
        source: letter.source,
        received_at: letter.receivedAt,
        error: letter.error,
        body: letter.body,
      });
      const cut = await trx('monitoring_dead_letters')
        .orderBy('id', 'desc')
        .offset(keep)
        .first('id');
      if (cut) {
        await trx('monitoring_dead_letters').where('id', '<=', cut.id).delete();
      }
    });
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    const rows = await this.db('monitoring_dead_letters').orderBy('id', 'desc');
    return rows.map(row => ({
      id: Number(row.id),
      source: row.source,
      receivedAt: row.received_at,
      error: row.error,
      body: row.body,
    }));
  }

  /** Notes a delivery from `source` (valid or not: the source is alive). */
  async touchSource(source: AlertSource, at: string): Promise<void> {
    await this.db('monitoring_sources')
      .insert({ source, last_delivery_at: at, watched_since: at })
      .onConflict('source')
      .merge(['last_delivery_at']);
  }

  /** Starts watching a source's heartbeat from `at` unless it is watched already. */
  async watchSource(source: AlertSource, at: string): Promise<void> {
    await this.db('monitoring_sources')
      .insert({ source, last_delivery_at: null, watched_since: at })
      .onConflict('source')
      .ignore();
  }

  async sources(): Promise<SourceRecord[]> {
    const rows = await this.db('monitoring_sources');
    return rows.map(row => ({
      source: row.source,
      lastDeliveryAt: row.last_delivery_at ?? undefined,
      watchedSince: row.watched_since,
      silenceAlertedAt: row.silence_alerted_at ?? undefined,
    }));
  }

  /**
   * Claims the alert that `source` has been silent since its last delivery
   * (or since it was first watched): true once per silence, across replicas.
   */
  async claimSilence(source: AlertSource, at: string): Promise<boolean> {
    const updated = await this.db('monitoring_sources')
      .where({ source })
      .where(q =>
        q
          .whereNull('silence_alerted_at')
          .orWhereRaw(
            'silence_alerted_at < coalesce(last_delivery_at, watched_since)',
          ),
      )
      .update({ silence_alerted_at: at });
    return updated > 0;
  }
}

/** The API's view: the storm id is the parent's fingerprint-like key. */
function present(alert: StoredAlert): MonitoredIncident {
  const {
    episode: _e,
    description: _d,
    host: _h,
    ip: _i,
    stormId: _s,
    ...view
  } = alert;
  return view;
}

/** The columns of an episode as it starts: open, one occurrence, nothing filed yet. */
function freshEpisode(
  alert: ReceivedAlert,
  placement: Placement,
  now: string,
  episode: number,
) {
  return {
    episode,
    title: alert.title,
    description: alert.description,
    severity: alert.severity,
    status: 'open',
    ticket_number: null,
    entity_ref: placement.entityRef ?? null,
    system_ref: placement.systemRef ?? null,
    occurrences: 1,
    first_seen: now,
    last_seen: now,
    cleared_at: null,
    flapping: false,
    storm_id: null,
    filing_since: null,
  } satisfies Partial<AlertRow>;
}
