import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import { ticketsTranslationRef } from '../../translation';

/** What two `datetime-local` inputs hold: court time, to the minute. */
export interface LocalWindow {
  readonly start: string;
  readonly end: string;
}

/** Start and end of a window, entered in court time. */
export function WindowFields(props: {
  value: LocalWindow;
  onChange(value: LocalWindow): void;
  testIdPrefix: string;
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const { value, onChange } = props;
  return (
    <>
      {(['start', 'end'] as const).map(edge => (
        <TextField
          key={edge}
          type="datetime-local"
          label={t(`change.${edge}`)}
          value={value[edge]}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': `${props.testIdPrefix}-${edge}` }}
          onChange={event => onChange({ ...value, [edge]: event.target.value })}
          style={{ marginRight: 16 }}
        />
      ))}
    </>
  );
}
