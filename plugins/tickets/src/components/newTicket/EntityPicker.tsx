import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { EntityOption } from '../../hooks/useEntityOptions';

/** Options for values not (yet) in the catalog list, e.g. a prefilled ref. */
function optionFor(
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

const optionLabel = (option: EntityOption) => option.label;
const sameRef = (a: EntityOption, b: EntityOption) => a.ref === b.ref;

interface PickerProps {
  label: string;
  helperText?: string;
  error?: string;
  options: readonly EntityOption[];
  loading: boolean;
  testId: string;
}

/** Searchable pick of catalog entities; the value is their refs. */
export function EntityPicker(
  props: PickerProps & { value: string[]; onChange: (refs: string[]) => void },
) {
  const { options, value } = props;
  return (
    <Autocomplete
      multiple
      options={[...options]}
      loading={props.loading}
      value={value.map(ref => optionFor(ref, options))}
      getOptionLabel={optionLabel}
      getOptionSelected={sameRef}
      groupBy={option => option.kind}
      onChange={(_, selected) => props.onChange(selected.map(o => o.ref))}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.error ?? props.helperText}
          error={Boolean(props.error)}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
    />
  );
}

/** Searchable pick of one catalog entity, e.g. the person who phoned. */
export function SingleEntityPicker(
  props: PickerProps & { value: string; onChange: (ref: string) => void },
) {
  const { options, value } = props;
  return (
    <Autocomplete
      options={[...options]}
      loading={props.loading}
      value={value ? optionFor(value, options) : null}
      getOptionLabel={optionLabel}
      getOptionSelected={sameRef}
      onChange={(_, selected) => props.onChange(selected?.ref ?? '')}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.error ?? props.helperText}
          error={Boolean(props.error)}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
    />
  );
}
