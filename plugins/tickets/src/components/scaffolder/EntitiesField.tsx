import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  EntityPicker,
  optionFor,
  SingleEntityPicker,
  useEntityOptions,
  type EntityOption,
} from '@internal/plugin-court-react';

/**
 * What the court's entity picker stores: the refs the action files, and their
 * names as the catalog gives them (a user's display name, else the title),
 * which the review step shows in place of the refs.
 */
export interface EntitiesValue {
  refs?: string[];
  names?: string;
}

/** `ui:options`: the kinds to offer, and whether more than one may be picked. */
export interface EntitiesOptions {
  kinds?: string[];
  multiple?: boolean;
}

const namesOf = (refs: readonly string[], options: readonly EntityOption[]) =>
  refs.map(ref => optionFor(ref, options).label).join('、');

/** Systems, devices or people from the catalog, by name; the review reads their names, not refs. */
export function EntitiesField(
  props: FieldExtensionComponentProps<EntitiesValue, EntitiesOptions>,
) {
  const { formData, onChange, schema, uiSchema, idSchema, rawErrors } = props;
  const options = uiSchema?.['ui:options'];
  const { options: entities, loading } = useEntityOptions(
    options?.kinds ?? ['System', 'Resource'],
  );
  // The form fills an array up to its minItems with empty items before anything is picked.
  const refs = (formData?.refs ?? []).filter(
    (ref): ref is string => typeof ref === 'string' && ref !== '',
  );
  const nested = props.errorSchema as
    | { refs?: { __errors?: string[] } }
    | undefined;
  const invalid =
    (rawErrors?.length ?? 0) > 0 || (nested?.refs?.__errors?.length ?? 0) > 0;
  const set = (next: string[]) =>
    onChange({ refs: next, names: namesOf(next, entities) || undefined });
  const picker = {
    label: schema.title ?? '',
    helperText: schema.description,
    error: invalid,
    options: entities,
    loading,
    testId: idSchema.$id,
  };
  return options?.multiple === false ? (
    <SingleEntityPicker
      {...picker}
      value={refs[0] ?? ''}
      onChange={ref => set(ref ? [ref] : [])}
    />
  ) : (
    <EntityPicker {...picker} value={refs} onChange={set} />
  );
}
