import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Grid, { GridSize } from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { calendarTranslationRef } from '../translation';

/** One input of a row: a field of the schedule entry, a date or a text. */
export interface ScheduleField<F extends string> {
  readonly name: F;
  readonly label: string;
  readonly date?: boolean;
  readonly width: GridSize;
}

/**
 * A list of schedule entries (holidays, make-up working days) edited in place:
 * one row of inputs per entry, each removable, and a button to add a blank one.
 * Test ids: `<testId>-<i>` for a row, `<testId>-<i>-<field>` for an input,
 * `add-<testId>` for the add button.
 */
export function ScheduleRows<
  R extends object,
  F extends keyof R & string,
>(props: {
  title: string;
  testId: string;
  rows: readonly R[];
  fields: ReadonlyArray<ScheduleField<F>>;
  /** The entry with one field typed in; where the entry's own rules live. */
  update(row: R, field: F, value: string): R;
  blank: R;
  /** Applies a change to the whole list. */
  onRows(change: (rows: readonly R[]) => R[]): void;
  readOnly: boolean;
  addLabel: string;
}) {
  const { t } = useTranslationRef(calendarTranslationRef);
  const { testId, readOnly, update, onRows } = props;
  return (
    <>
      <Typography variant="h6" style={{ marginTop: 16 }}>
        {props.title}
      </Typography>
      {props.rows.map((row, i) => (
        <Grid container spacing={1} key={i} data-testid={`${testId}-${i}`}>
          {props.fields.map(field => (
            <Grid item xs={field.width} key={field.name}>
              <TextField
                label={field.label}
                value={row[field.name] ?? ''}
                disabled={readOnly}
                onChange={e => {
                  const value = e.target.value;
                  onRows(rows =>
                    rows.map((r, j) =>
                      j === i ? update(r, field.name, value) : r,
                    ),
                  );
                }}
                inputProps={{ 'data-testid': `${testId}-${i}-${field.name}` }}
                {...(field.date
                  ? { type: 'date', InputLabelProps: { shrink: true } }
                  : { fullWidth: true })}
              />
            </Grid>
          ))}
          <Grid item xs={2}>
            {!readOnly && (
              <Button
                size="small"
                onClick={() => onRows(rows => rows.filter((_, j) => j !== i))}
              >
                {t('form.remove')}
              </Button>
            )}
          </Grid>
        </Grid>
      ))}
      {!readOnly && (
        <Button
          size="small"
          data-testid={`add-${testId}`}
          onClick={() => onRows(rows => [...rows, props.blank])}
        >
          {props.addLabel}
        </Button>
      )}
    </>
  );
}
