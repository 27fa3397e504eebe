import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { optionFor, type EntityOption } from '../../hooks/useEntityOptions';

const optionLabel = (option: EntityOption) => option.label;
const sameRef = (a: EntityOption, b: EntityOption) => a.ref === b.ref;

interface PickerProps {
  label: string;
  helperText?: string;
  error?: boolean;
  options: readonly EntityOption[];
  loading: boolean;
  testId: string;
}

/** Searchable pick of catalog entities; the value is their refs. */
export function EntityPicker(
  props: PickerProps & { value: readonly string[]; onChange: (refs: string[]) => void },
) {
  const { options } = props;
  return (
    <Autocomplete
      multiple
      options={[...options]}
      loading={props.loading}
      value={props.value.map(ref => optionFor(ref, options))}
      getOptionLabel={optionLabel}
      getOptionSelected={sameRef}
      groupBy={option => option.kind}
      onChange={(_, selected) => props.onChange(selected.map(o => o.ref))}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.helperText}
          error={props.error}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
    />
  );
}

/** Searchable pick of one catalog entity, or none. */
export function SingleEntityPicker(
  props: PickerProps & { value: string; onChange: (ref: string) => void },
) {
  const { options } = props;
  return (
    <Autocomplete
      options={[...options]}
      loading={props.loading}
      value={props.value ? optionFor(props.value, options) : null}
      getOptionLabel={optionLabel}
      getOptionSelected={sameRef}
      groupBy={option => option.kind}
      onChange={(_, selected) => props.onChange(selected?.ref ?? '')}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.helperText}
          error={props.error}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
    />
  );
}
