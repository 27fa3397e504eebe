import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CourtClock,
  ExpiringEntries,
  SYSTEM_FIELDS,
  systemOf,
} from '@internal/plugin-court-node';
import { readKeyParameters } from '@internal/plugin-court-common';
import type { CatalogParameter } from '@internal/plugin-tickets-common';

/** An affected entity and the system it belongs to. */
export interface AffectedEntity {
  readonly entityRef: string;
  readonly systemRef?: string;
}

const CACHE_MS = 60_000;

/**
 * Checks that the entities a ticket names exist in the catalog, and finds
 * each one's system. Lookups are cached briefly: the catalog changes rarely
 * and the desk files tickets in bursts.
 */
export class CatalogEntities {
  private readonly cache: ExpiringEntries<AffectedEntity>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: CourtClock,
  ) {
    this.cache = new ExpiringEntries(10_000, () => clock.now().toMillis());
  }

  /**
   * @param field names the request field in errors, e.g. `body.entityRefs`
   * @throws InputError naming each ref that is not in the catalog
   */
  async resolve(
    refs: readonly string[],
    credentials: BackstageCredentials,
    field: string,
  ): Promise<AffectedEntity[]> {
    const { found, missing } = this.cache.split(refs);
    if (missing.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: missing,
          fields: [...SYSTEM_FIELDS],
        },
        { credentials },
      );
      const unknown: string[] = [];
      items.forEach((entity, i) => {
        if (!entity) {
          unknown.push(
            `${field}[${refs.indexOf(missing[i])}]: ${
              missing[i]
            } is not in the catalog`,
          );
          return;
        }
        const affected = { entityRef: missing[i], systemRef: systemOf(entity) };
        found.set(missing[i], affected);
        this.cache.set(
          missing[i],
          affected,
          this.clock.now().toMillis() + CACHE_MS,
        );
      });
      if (unknown.length > 0) {
        throw new InputError(unknown.join('; '));
      }
    }
    return refs.map(ref => found.get(ref)!);
  }

  /**
   * A device's key parameters as its catalog entry records them (CAT-4);
   * undefined when the device is not in the catalog.
   */
  async keyParameters(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<CatalogParameter[] | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) return undefined;
    // The catalog module has validated them (with their value rules) as it processed the device.
    return readKeyParameters(entity);
  }

  /**
   * The System entity `ref` names, as a full ref (`system:default/network`).
   * @throws InputError naming `field` when it is not a System in the catalog
   */
  async requireSystem(
    ref: string,
    credentials: BackstageCredentials,
    field: string,
  ): Promise<string> {
    let parsed: CompoundEntityRef | undefined;
    try {
      parsed = parseEntityRef(ref, { defaultKind: 'system' });
    } catch {
      parsed = undefined;
    }
    const entity =
      parsed && parsed.kind.toLocaleLowerCase('en-US') === 'system'
        ? await this.catalog.getEntityByRef(parsed, { credentials })
        : undefined;
    if (!entity) {
      throw new InputError(`${field}: ${ref} is not a System in the catalog`);
    }
    return stringifyEntityRef(entity);
  }

  /** @throws InputError when the user is not in the catalog. */
  async assertUser(
    ref: string,
    credentials: BackstageCredentials,
    field: string,
  ) {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new InputError(`${field}: ${ref} is not in the catalog`);
    }
  }
}
