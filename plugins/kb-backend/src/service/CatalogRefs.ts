import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SYSTEM_FIELDS, systemOf } from '@internal/plugin-court-node';

/**
 * The catalog as the knowledge base needs it: are the entities an article
 * names real, and which systems do a ticket's devices belong to.
 */
export class CatalogRefs {
  constructor(private readonly catalog: CatalogService) {}

  private async lookup(
    refs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<(Entity | undefined)[]> {
    if (refs.length === 0) return [];
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: [...refs],
        fields: [...SYSTEM_FIELDS],
      },
      { credentials },
    );
    return items;
  }

  /**
   * @param fields the request field of each ref, e.g. `body.entityRefs.0`
   * @throws InputError naming each ref that is not in the catalog
   */
  async assertExist(
    refs: readonly { ref: string; field: string }[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const found = await this.lookup(
      refs.map(r => r.ref),
      credentials,
    );
    const unknown = refs
      .filter((_, i) => !found[i])
      .map(({ ref, field }) => `${field}: ${ref} is not in the catalog`);
    if (unknown.length > 0) throw new InputError(unknown.join('; '));
  }

  /** The systems the given devices and applications belong to. */
  async systemsOf(
    refs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const systems = (await this.lookup(refs, credentials)).flatMap(entity => {
      const system = entity && systemOf(entity);
      return system ? [system] : [];
    });
    // A System named on the ticket is already matched as an entity.
    return [...new Set(systems)].filter(ref => !refs.includes(ref));
  }
}
