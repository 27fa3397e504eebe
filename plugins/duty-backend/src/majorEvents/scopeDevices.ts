import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const DEVICE_KINDS = ['resource', 'component'];

/** The system an entity belongs to: its `partOf` relation, or `spec.system` before processing. */
function systemOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(
    r => r.type === RELATION_PART_OF && r.targetRef.startsWith('system:'),
  );
  if (related) return related.targetRef;
  const system = entity.spec?.system;
  return typeof system === 'string'
    ? stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/**
 * The devices a plan's scope covers: the resources and components it names, and those of the
 * systems it names (the catalog as it stands when the round starts).
 */
export function scopeDevicesOf(catalog: CatalogService, auth: AuthService) {
  return async (scope: readonly string[]): Promise<string[]> => {
    const named = scope.filter(ref =>
      DEVICE_KINDS.includes(
        parseEntityRef(ref).kind.toLocaleLowerCase('en-US'),
      ),
    );
    const systems = new Set(
      scope.filter(
        ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'system',
      ),
    );
    if (systems.size === 0) return named;
    const { items } = await catalog.getEntities(
      {
        filter: DEVICE_KINDS.map(kind => ({ kind })),
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.system',
          'relations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const ofSystems = items
      .filter(entity => systems.has(systemOf(entity) ?? ''))
      .map(entity => stringifyEntityRef(entity));
    return [...new Set([...named, ...ofSystems])];
  };
}
