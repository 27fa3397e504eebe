import {
  Entity,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The catalog fields {@link systemOf} reads; ask the catalog for at least
 * these when only part of an entity is fetched.
 */
export const SYSTEM_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.system',
  'relations',
] as const;

/**
 * The court's one rule for "which system does this entity belong to":
 * a System is its own system; otherwise `spec.system` (a short name means a
 * System in the entity's namespace); otherwise a `partOf` relation to a
 * System (an entity whose system was set by a processor). Undefined when
 * none applies.
 */
export function systemOf(entity: Entity): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
    return stringifyEntityRef(entity);
  }
  const system = (entity.spec as { system?: unknown } | undefined)?.system;
  if (typeof system === 'string' && system) {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  }
  return entity.relations?.find(
    r => r.type === RELATION_PART_OF && r.targetRef.startsWith('system:'),
  )?.targetRef;
}
