import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';

/** A file input with the form's label, help and error. */
export function FileField(props: {
  label: string;
  helperText?: string;
  error?: string;
  file?: File;
  testId: string;
  onChange: (file: File | undefined) => void;
}) {
  return (
    <FormControl fullWidth error={Boolean(props.error)}>
      <FormLabel>{props.label}</FormLabel>
      <input
        type="file"
        accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
        data-testid={props.testId}
        onChange={event => props.onChange(event.target.files?.[0])}
        style={{ marginTop: 8 }}
      />
      <FormHelperText>{props.error ?? props.helperText}</FormHelperText>
    </FormControl>
  );
}
