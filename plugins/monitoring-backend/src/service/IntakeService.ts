import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Caller, CourtClock, parseInput } from '@internal/plugin-court-node';
import {
  AlertSource,
  DeadLetter,
  DeliveryResult,
  MonitoredIncident,
  ReceivedAlert,
  SourceHealth,
  ALERT_SOURCES,
  alertmanagerPayloadSchema,
  fromAlertmanager,
  fromGeneric,
  fromZabbix,
  genericPayloadSchema,
  isFlapping,
  ratingOf,
  stormDecision,
  zabbixPayloadSchema,
} from '@internal/plugin-monitoring-common';
import { DateTime } from 'luxon';
import { MonitoringConfig } from '../config';
import {
  DatabaseMonitoringStore,
  Placement,
  StoredAlert,
  StormPlacement,
  StormRule,
  StormState,
} from '../database/DatabaseMonitoringStore';
import {
  IncidentDesk,
  clearedNote,
  localTime,
  writeNotes,
} from './IncidentDesk';

/** A storm whose parent incident was just filed. */
export interface StormFiled {
  readonly stormId: string;
  readonly ticketNumber: string;
  readonly systemRef: string;
}

/** What the router asks the service to allow: a permission, or posting as a source. */
export type MonitoringAction = BasicPermission | { receiver: AlertSource };

/** The part of a refused body kept in a dead letter. */
const DEAD_LETTER_BODY_CHARS = 4000;

/**
 * The monitoring intake: checks each delivery and records its alerts, one
 * incident per fingerprint, in a short local transaction that also queues
 * the incident's filing (the IncidentFiler files it after the answer); and
 * answers the desk's views.
 */
export class IntakeService {
  constructor(
    private readonly deps: {
      store: DatabaseMonitoringStore;
      desk: IncidentDesk;
      place: (alert: ReceivedAlert) => Promise<Placement>;
      permissions: PermissionsService;
      config: MonitoringConfig;
      clock: CourtClock;
      logger: LoggerService;
      /** Wakes the filer when a delivery queued an incident. */
      queued: () => void;
      /**
       * Tells the desk a storm's incident was filed (paging pages it as an `alert-storm`). A
       * storm is announced once per filing; a failure is logged, the incident stands.
       */
      stormFiled?: (storm: StormFiled) => Promise<void>;
    },
  ) {}

  /**
   * A receiver may be called only by its source's identity (the subject of
   * its static token); everything else is the role table's.
   */
  async authorize(action: MonitoringAction, caller: Caller): Promise<void> {
    if ('receiver' in action) {
      const { subject } = this.deps.config.sources[action.receiver];
      if (
        caller.principal.type !== 'service' ||
        caller.principal.subject !== subject
      ) {
        throw new NotAllowedError(
          `only the ${action.receiver} source may deliver here`,
        );
      }
      return;
    }
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: action }],
      { credentials: caller },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError();
    }
  }

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }

  /** Checks and takes in one delivery; a bad one is kept as a dead letter. */
  async receive(
    source: AlertSource,
    body: unknown,
    caller: Caller,
  ): Promise<DeliveryResult> {
    const { store, config } = this.deps;
    const receivedAt = this.now();
    await this.touch(source, receivedAt);
    let alerts: ReceivedAlert[];
    try {
      alerts = this.read(source, body);
    } catch (error) {
      if (error instanceof InputError) {
        await store.addDeadLetter(
          {
            source,
            receivedAt,
            error: error.message,
            body: JSON.stringify(body ?? null).slice(0, DEAD_LETTER_BODY_CHARS),
          },
          config.deadLetters.keep,
        );
      }
      throw error;
    }
    const incidents: DeliveryResult['incidents'][number][] = [];
    let queued = false;
    // In order: a delivery's firing and resolved alerts of one fingerprint stay in sequence.
    for (const alert of alerts) {
      const taken = await this.inTurn(alert.fingerprint, () =>
        this.take(alert, caller),
      );
      queued ||= taken.queued;
      const stored = taken.alert;
      if (stored) {
        incidents.push({
          fingerprint: stored.fingerprint,
          ticketNumber: stored.ticketNumber,
          occurrences: stored.occurrences,
          status: stored.status,
        });
      }
    }
    if (queued) this.deps.queued();
    return { received: alerts.length, incidents };
  }

  /**
   * Notes the source's delivery, at most once a second: heartbeats are
   * minutes long, and a burst should not write a row per delivery.
   */
  private async touch(source: AlertSource, at: string): Promise<void> {
    const last = this.touched.get(source);
    if (last !== undefined && Date.parse(at) - Date.parse(last) < 1000) return;
    this.touched.set(source, at);
    await this.deps.store.touchSource(source, at);
  }

  private readonly touched = new Map<AlertSource, string>();

  /** The tail of each fingerprint's deliveries being taken in this process. */
  private readonly taking = new Map<string, Promise<unknown>>();

  /**
   * Takes one fingerprint's deliveries one after another in this process: a repeat that arrives
   * while the first delivery is still being recorded waits for it and is then a plain repeat
   * (one statement), instead of a second transaction on the same rows. Other replicas are kept
   * in order by the store's row locks.
   */
  private async inTurn<T>(fingerprint: string, take: () => Promise<T>) {
    const before = this.taking.get(fingerprint);
    const mine = (before ?? Promise.resolve()).catch(() => {}).then(take);
    this.taking.set(fingerprint, mine);
    try {
      return await mine;
    } finally {
      if (this.taking.get(fingerprint) === mine)
        this.taking.delete(fingerprint);
    }
  }

  private read(source: AlertSource, body: unknown): ReceivedAlert[] {
    switch (source) {
      case 'alertmanager':
        return fromAlertmanager(
          parseInput(alertmanagerPayloadSchema, body, 'body'),
        );
      case 'zabbix':
        return [
          fromZabbix(
            parseInput(zabbixPayloadSchema, body, 'body'),
            this.deps.config.sources.zabbix.zone,
          ),
        ];
      default:
        return fromGeneric(parseInput(genericPayloadSchema, body, 'body'));
    }
  }

  private async take(
    alert: ReceivedAlert,
    caller: Caller,
  ): Promise<{ alert?: StoredAlert; queued: boolean }> {
    if (alert.status === 'resolved') {
      return { alert: await this.clear(alert, caller), queued: false };
    }
    const { store, desk } = this.deps;
    const now = this.now();
    // Placed only when it is not a repeat: a repeat keeps its place.
    let placement: Placement | undefined;
    const place = async () => (placement ??= await this.deps.place(alert));
    const firing = await store.recordFiring(alert, place, now, this.stormRule);
    let current = firing.alert;
    let created = firing.created;
    let queued = firing.queued;
    if (firing.refired && current.ticketNumber) {
      if (await desk.isDone(current.ticketNumber, caller)) {
        const episode = await store.startEpisode(
          alert,
          await place(),
          now,
          current.episode,
        );
        current = episode.alert;
        created = episode.started;
        queued ||= episode.queued;
      } else {
        await desk.note(
          current.ticketNumber,
          `告警再次触发 Alert firing again: ${alert.title}（${this.local(
            alert.startsAt,
          )}）`,
          caller,
        );
      }
    }
    if (created && current.system !== undefined) {
      const placed = await this.placeInStorm(
        current,
        alert,
        now,
        caller,
        firing.placed,
      );
      current = placed.alert;
      queued ||= placed.queued;
    }
    // An episode's first fire cannot be flapping (the rule needs at least two): no query then.
    if (firing.newFire && !created && !current.flapping) {
      current = await this.checkFlapping(current, caller);
    }
    return { alert: current, queued };
  }

  /** The storm rule of the config, as the store applies it to a new alert of a system. */
  private readonly stormRule: StormRule = (state: StormState) => {
    const decision = stormDecision(
      {
        newInLastMinute: state.ownInLastMinute.length,
        openStorm: state.openStorm?.id,
      },
      this.deps.config.storm,
    );
    if (decision.kind === 'own') return { siblings: [] };
    if (decision.kind === 'open-storm') {
      return { siblings: state.ownInLastMinute, open: true };
    }
    return { siblings: [], stormId: decision.parent };
  };

  /**
   * A new alert of a system: its own incident, or the storm's (opening it). `recorded` is its
   * placement when the store made it as it recorded the alert; otherwise (a new episode) it is
   * placed here.
   */
  private async placeInStorm(
    alert: StoredAlert,
    received: ReceivedAlert,
    now: string,
    caller: Caller,
    recorded?: StormPlacement,
  ): Promise<{ alert: StoredAlert; queued: boolean }> {
    const { store, desk } = this.deps;
    const placed =
      recorded ??
      (await store.placeInSystem(
        {
          fingerprint: alert.fingerprint,
          link: received.link,
          episode: alert.episode,
        },
        alert.system!,
        now,
        this.stormRule,
      ));
    if (!placed.stormId) return { alert, queued: placed.queued ?? false };
    const parent = await this.stormTicket(placed.stormId, caller);
    if (placed.open) {
      // The alerts of the minute before the storm go under it too (the
      // filer links those it files after this).
      for (const sibling of placed.siblings) {
        const own =
          sibling.ticketNumber ??
          (await store.get(sibling.fingerprint))?.ticketNumber;
        if (own) await desk.link(parent, own, caller);
      }
    }
    await desk.note(
      parent,
      `风暴中的告警 Alert in the storm: ${alert.title}${
        alert.host ? ` @ ${alert.host}` : ''
      }${alert.ip ? ` (${alert.ip})` : ''}`,
      caller,
    );
    return {
      alert: {
        ...alert,
        stormId: placed.stormId,
        stormParent: placed.stormId,
        ticketNumber: parent,
      },
      queued: false,
    };
  }

  /** The storm's parent ticket, filed once (its sourceRef is the storm). */
  private async stormTicket(stormId: string, caller: Caller): Promise<string> {
    const { store, desk, config } = this.deps;
    const storm = (await store.storm(stormId))!;
    if (storm.ticketNumber) return storm.ticketNumber;
    const rating = ratingOf('critical', config.severities);
    const number = await desk.file(
      {
        type: 'incident',
        channel: 'monitoring',
        title: `告警风暴 Alert storm: ${storm.systemRef}`.slice(0, 200),
        description: [
          `一分钟内超过 ${config.storm.alerts} 条告警：后续告警归入本工单。`,
          `More than ${config.storm.alerts} alerts of this system within a minute: the rest are handled here.`,
          `开始 Since: ${this.local(storm.openedAt)}`,
        ].join('\n'),
        urgency: rating.urgency,
        impact: rating.impact,
        entityRefs: [storm.systemRef],
        sourceRef: `monitoring:storm:${stormId}`.slice(0, 255),
      },
      caller,
    );
    await store.setStormTicket(stormId, number);
    // Its members' events recorded before it had a ticket.
    await writeNotes(this.deps, { stormId }, number, caller);
    await this.deps
      .stormFiled?.({
        stormId,
        ticketNumber: number,
        systemRef: storm.systemRef,
      })
      .catch(error =>
        this.deps.logger.warn(
          `monitoring: storm ${stormId} (${number}) not announced: ${error}`,
        ),
      );
    return number;
  }

  private async checkFlapping(
    alert: StoredAlert,
    caller: Caller,
  ): Promise<StoredAlert> {
    const { store, config } = this.deps;
    const fires = await store.fires(alert.fingerprint, alert.episode);
    if (!isFlapping(fires, config.flapping)) return alert;
    const marked = await store.markFlapping(
      alert,
      this.now(),
      `告警抖动 Alert flapping: ${fires.length} 次触发 firings, ${config.flapping.minutes} 分钟内至少 ${config.flapping.fires} 次 (at least ${config.flapping.fires} within ${config.flapping.minutes} min)`,
    );
    if (marked) await this.writeNotes(alert, caller);
    return { ...alert, flapping: true };
  }

  private async clear(
    alert: ReceivedAlert,
    caller: Caller,
  ): Promise<StoredAlert | undefined> {
    const { store, config } = this.deps;
    const cleared = await store.recordCleared(
      alert.fingerprint,
      this.now(),
      recorded => clearedNote(recorded, config.zone),
    );
    if (!cleared) return store.get(alert.fingerprint);
    const ticket = await this.writeNotes(cleared, caller);
    return ticket ? { ...cleared, ticketNumber: ticket } : cleared;
  }

  /**
   * Writes the events just recorded for the episode when its ticket (or its
   * storm's) exists; the ticket. Read after the event was recorded: either
   * this sees the ticket, or the filer, which stores the ticket and then
   * looks for events, sees the event (the event is claimed, so not both).
   */
  private async writeNotes(
    alert: Pick<StoredAlert, 'fingerprint' | 'episode'>,
    caller: Caller,
  ): Promise<string | undefined> {
    const { store } = this.deps;
    const current = await store.get(alert.fingerprint);
    if (!current || current.episode !== alert.episode) return undefined;
    const ticket =
      current.ticketNumber ??
      (current.stormId
        ? (await store.storm(current.stormId))?.ticketNumber
        : undefined);
    // Not filed yet: the filer (or the storm's filing) writes them.
    if (!ticket) return undefined;
    const { fingerprint, episode } = alert;
    await writeNotes(this.deps, { fingerprint, episode }, ticket, caller);
    return ticket;
  }

  private local(instant: string): string {
    return localTime(instant, this.deps.config.zone);
  }

  list(
    filter: Parameters<DatabaseMonitoringStore['list']>[0],
  ): Promise<MonitoredIncident[]> {
    return this.deps.store.list(filter);
  }

  listUnmapped(): Promise<MonitoredIncident[]> {
    return this.deps.store.listUnmapped();
  }

  listDeadLetters(): Promise<DeadLetter[]> {
    return this.deps.store.listDeadLetters();
  }

  async health(): Promise<SourceHealth[]> {
    const records = new Map(
      (await this.deps.store.sources()).map(r => [r.source, r]),
    );
    const now = this.deps.clock.now();
    return ALERT_SOURCES.map(source => {
      const record = records.get(source);
      const heartbeatMinutes =
        this.deps.config.sources[source].heartbeatMinutes;
      const since = record?.lastDeliveryAt ?? record?.watchedSince;
      return {
        source,
        lastDeliveryAt: record?.lastDeliveryAt,
        heartbeatMinutes,
        silent:
          heartbeatMinutes !== undefined &&
          since !== undefined &&
          now.diff(DateTime.fromISO(since)).as('minutes') >= heartbeatMinutes,
      };
    });
  }
}
