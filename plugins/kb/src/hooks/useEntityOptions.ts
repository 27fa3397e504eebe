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

function toOption(entity: Entity): EntityOption {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind.toLocaleLowerCase('en-US'),
    label: profile?.displayName ?? entity.metadata.title ?? entity.metadata.name,
  };
}

/**
 * Entities of the given kinds for a picker: a court's catalog is a few
 * hundred systems, devices and people, fetched once with the fields a label
 * needs.
 */
export function useEntityOptions(kinds: readonly string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = kinds.join(',');
  const { value, loading } = useAsync(async () => {
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
    return items
      .map(toOption)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  }, [catalogApi, key]);
  return { options: value ?? [], loading };
}

/** The option for a ref, or a stand-in while the list loads or when it is not listed. */
export function optionFor(ref: string, options: readonly EntityOption[]): EntityOption {
  return (
    options.find(option => option.ref === ref) ?? {
      ref,
      kind: ref.split(':')[0],
      label: ref,
    }
  );
}
