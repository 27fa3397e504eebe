import TextField from '@material-ui/core/TextField';
import Autocomplete, {
  type AutocompleteRenderInputParams,
} from '@material-ui/lab/Autocomplete';
import { optionFor, type EntityOption } from './useEntityOptions';

const optionLabel = (option: EntityOption) => option.label;
const sameRef = (a: EntityOption, b: EntityOption) => a.ref === b.ref;
const kindOf = (option: EntityOption) => option.kind;

/** What both pickers take. */
export interface EntityPickerProps {
  label: string;
  helperText?: string;
  /** A message shown in place of the help text, or `true` to only mark the field. */
  error?: string | boolean;
  options: readonly EntityOption[];
  loading: boolean;
  testId: string;
}

function Field(props: {
  params: AutocompleteRenderInputParams;
  picker: EntityPickerProps;
}) {
  const { params, picker } = props;
  return (
    <TextField
      {...params}
      label={picker.label}
      helperText={
        typeof picker.error === 'string' ? picker.error : picker.helperText
      }
      error={Boolean(picker.error)}
      inputProps={{ ...params.inputProps, 'data-testid': picker.testId }}
    />
  );
}

/** Searchable pick of catalog entities, grouped by kind; the value is their refs. */
export function EntityPicker(
  props: EntityPickerProps & {
    value: readonly string[];
    onChange: (refs: string[]) => void;
  },
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
      groupBy={kindOf}
      onChange={(_, selected) => props.onChange(selected.map(o => o.ref))}
      renderInput={params => <Field params={params} picker={props} />}
    />
  );
}

/** Searchable pick of one catalog entity, or none (the empty string). */
export function SingleEntityPicker(
  props: EntityPickerProps & {
    value: string;
    onChange: (ref: string) => void;
  },
) {
  const { options, value } = props;
  return (
    <Autocomplete
      options={[...options]}
      loading={props.loading}
      value={value ? optionFor(value, options) : null}
      getOptionLabel={optionLabel}
      getOptionSelected={sameRef}
      groupBy={kindOf}
      onChange={(_, selected) => props.onChange(selected?.ref ?? '')}
      renderInput={params => <Field params={params} picker={props} />}
    />
  );
}
