import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEVICE_ANNOTATIONS,
  monitoringIdsOf,
} from '@internal/plugin-court-common';
import {
  CourtClock,
  SYSTEM_FIELDS,
  systemOf,
} from '@internal/plugin-court-node';
import { ReceivedAlert } from '@internal/plugin-monitoring-common';
import { DateTime } from 'luxon';
import { Placement } from '../database/DatabaseMonitoringStore';

export type MatchBy = 'monitoringId' | 'ip' | 'hostname';

/** What the intake looks entities up in: devices by their names, and the systems. */
export interface CatalogIndex {
  readonly byMonitoringId: Map<string, Placement>;
  readonly byIp: Map<string, Placement>;
  readonly byHostname: Map<string, Placement>;
  /** System refs by short name and by full ref. */
  readonly systems: Map<string, string>;
}

/** Indexes Resources by monitoring id, IP and host name (lower case), and the systems by name. */
export function indexCatalog(entities: readonly Entity[]): CatalogIndex {
  const index: CatalogIndex = {
    byMonitoringId: new Map(),
    byIp: new Map(),
    byHostname: new Map(),
    systems: new Map(),
  };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
      index.systems.set(ref, ref);
      index.systems.set(entity.metadata.name.toLocaleLowerCase('en-US'), ref);
      continue;
    }
    const placement = { entityRef: ref, systemRef: systemOf(entity) };
    const annotations = entity.metadata.annotations ?? {};
    for (const id of monitoringIdsOf(
      annotations[DEVICE_ANNOTATIONS.monitoringId],
    )) {
      index.byMonitoringId.set(id, placement);
    }
    const ip = annotations[DEVICE_ANNOTATIONS.ip];
    if (ip) index.byIp.set(ip, placement);
    const hostname = annotations[DEVICE_ANNOTATIONS.hostname];
    if (hostname) {
      const name = hostname.toLocaleLowerCase('en-US');
      index.byHostname.set(name, placement);
      // Tools often send the short name of a fully qualified one.
      const short = name.split('.')[0];
      if (!index.byHostname.has(short)) index.byHostname.set(short, placement);
    }
    // A device's own name is a host name monitoring tools commonly use.
    const own = entity.metadata.name.toLocaleLowerCase('en-US');
    if (!index.byHostname.has(own)) index.byHostname.set(own, placement);
  }
  return index;
}

/**
 * Where an alert belongs: the first device matched by the configured order
 * (monitoring id, IP, host name); else the system a label names; else
 * nothing (unmapped).
 */
export function placeAlert(
  alert: ReceivedAlert,
  index: CatalogIndex,
  order: readonly MatchBy[],
): Placement {
  for (const by of order) {
    const found =
      (by === 'monitoringId' &&
        alert.monitoringId !== undefined &&
        index.byMonitoringId.get(alert.monitoringId)) ||
      (by === 'ip' && alert.ip !== undefined && index.byIp.get(alert.ip)) ||
      (by === 'hostname' &&
        alert.host !== undefined &&
        (index.byHostname.get(alert.host.toLocaleLowerCase('en-US')) ??
          index.byHostname.get(
            alert.host.toLocaleLowerCase('en-US').split('.')[0],
          )));
    if (found) return found;
  }
  const system =
    alert.system !== undefined
      ? index.systems.get(alert.system.toLocaleLowerCase('en-US')) ??
        index.systems.get(alert.system)
      : undefined;
  return system ? { entityRef: system, systemRef: system } : {};
}

/**
 * The catalog's devices and systems, read with the plugin's own credentials
 * and kept for `refreshMinutes` of the court clock; a miss reads again at
 * most once a minute, so a device added to the catalog is found soon.
 */
export class CatalogPlacer {
  private index?: Promise<CatalogIndex>;
  private readAt?: DateTime;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      clock: CourtClock;
      order: readonly MatchBy[];
      refreshMinutes: number;
    },
  ) {}

  async place(alert: ReceivedAlert): Promise<Placement> {
    const { clock, order, refreshMinutes } = this.deps;
    const now = clock.now();
    if (
      !this.index ||
      !this.readAt ||
      now.diff(this.readAt).as('minutes') >= refreshMinutes
    ) {
      this.read(now);
    }
    const placement = placeAlert(alert, await this.index!, order);
    if (
      placement.entityRef === undefined &&
      now.diff(this.readAt!).as('minutes') >= 1
    ) {
      this.read(now);
      return placeAlert(alert, await this.index!, order);
    }
    return placement;
  }

  private read(now: DateTime) {
    const { catalog, auth } = this.deps;
    this.readAt = now;
    const reading = (async () => {
      const { items } = await catalog.getEntities(
        {
          filter: [{ kind: 'resource' }, { kind: 'system' }],
          fields: [...SYSTEM_FIELDS, 'metadata.annotations'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return indexCatalog(items);
    })();
    // A failed read is tried again on the next alert.
    reading.catch(() => {
      if (this.index === reading) this.index = undefined;
    });
    this.index = reading;
  }
}
