import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';

/** A system's tickets, or a device's or application's. */
export type EntityTicketFilter = { system: string } | { entity: string };

/**
 * How the tickets API narrows to this entity: a system by the systems its
 * tickets' entities belong to, a device or application by the entity itself.
 */
export function useEntityScope() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
  // Stable while the entity is, so lists and reports refetch only when it changes.
  return useMemo(() => {
    const filter: EntityTicketFilter = isSystem
      ? { system: ref }
      : { entity: ref };
    return { ref, filter };
  }, [ref, isSystem]);
}
