import TextField from '@material-ui/core/TextField';
import type { ReactNode } from 'react';

/**
 * A native select of `<option>` children: quick to use with a keyboard and
 * easy to drive from a browser test.
 */
export function ChoiceField(props: {
  label: string;
  value: string;
  testId: string;
  helperText?: string;
  /** A message shown in place of the help text; marks the field. */
  error?: string;
  /** An empty first option, e.g. "choose…". */
  placeholder?: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <TextField
      select
      fullWidth
      label={props.label}
      value={props.value}
      error={Boolean(props.error)}
      helperText={props.error ?? props.helperText}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      inputProps={{ 'data-testid': props.testId }}
      onChange={event => props.onChange(event.target.value)}
    >
      {props.placeholder !== undefined && (
        <option value="">{props.placeholder}</option>
      )}
      {props.children}
    </TextField>
  );
}
