import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A catalog entity as a picker offers it. */
export interface EntityOption {
  readonly ref: string;
  /** Lower-case kind, as in the ref. */
  readonly kind: string;
  readonly label: string;
}

/** A user's display name, else the entity's title, else its name. */
export function toEntityOption(entity: Entity): EntityOption {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind.toLocaleLowerCase('en-US'),
    label:
      profile?.displayName ?? entity.metadata.title ?? entity.metadata.name,
  };
}

/** By kind, then by label. */
export function compareEntityOptions(a: EntityOption, b: EntityOption): number {
  return a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label);
}

/**
 * Entities of the given kinds for a picker. A court's catalog holds a few
 * hundred systems, devices and people, so one request with only the fields a
 * label needs is cheaper than a search per keystroke.
 */
export function useEntityOptions(kinds: readonly string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = kinds.join(',');
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: key.split(',') },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items.map(toEntityOption).sort(compareEntityOptions);
  }, [catalogApi, key]);
  return { options: value ?? [], loading, error };
}

/** The option for a ref, or a stand-in while the list loads or when it is not listed. */
export function optionFor(
  ref: string,
  options: readonly EntityOption[],
): EntityOption {
  return (
    options.find(option => option.ref === ref) ?? {
      ref,
      kind: ref.split(':')[0],
      label: ref,
    }
  );
}
