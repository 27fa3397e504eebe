import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useTheme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import Alert from '@material-ui/lab/Alert';
import { ChoiceField, messageOf } from '@internal/plugin-court-react';
import {
  REPAIR_RESULTS,
  REPAIR_TERMS,
  Repair,
} from '@internal/plugin-spares-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sparesApiRef } from '../api';
import { sparesTranslationRef } from '../translation';

/** What the dialog does: send a device out, add an update, or record its return. */
export type RepairDialogMode =
  | { mode: 'open'; deviceRef?: string }
  | { mode: 'update' | 'return'; repair: Repair };

const today = () => DateTime.local().toISODate()!;

/** One text field per input, full width, so the form works on a phone. */
function Field(props: {
  name: string;
  label: string;
  value: string;
  type?: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      fullWidth
      type={props.type}
      label={props.label}
      value={props.value}
      InputLabelProps={props.type === 'date' ? { shrink: true } : undefined}
      onChange={e => props.onChange(e.target.value)}
      inputProps={{ 'data-testid': `spares-repair-${props.name}` }}
    />
  );
}

export function RepairDialog(props: {
  what: RepairDialogMode;
  onClose: () => void;
  onSaved: (repair: Repair) => void;
}) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const api = useApi(sparesApiRef);
  const phone = useMediaQuery(useTheme().breakpoints.down('xs'));
  const vendors = useAsync(() => api.listVendors(), [api]);
  const { what } = props;
  const [values, setValues] = useState<Record<string, string>>({
    deviceRef: what.mode === 'open' ? what.deviceRef ?? '' : '',
    terms: 'warranty',
    sentOn: today(),
    returnedOn: today(),
    result: 'repaired',
  });
  const [error, setError] = useState<string>();
  const set = (name: string) => (value: string) =>
    setValues(v => ({ ...v, [name]: value }));
  const field = (name: string, type?: string) => (
    <Field
      name={name}
      type={type}
      label={t(`field.${name}` as 'field.note')}
      value={values[name] ?? ''}
      onChange={set(name)}
    />
  );
  const text = (name: string) => values[name]?.trim() || undefined;

  const save = async () => {
    setError(undefined);
    try {
      if (what.mode === 'open') {
        props.onSaved(
          await api.openRepair({
            deviceRef: text('deviceRef'),
            ticket: text('ticket'),
            vendorId: values.vendorId ?? '',
            terms: values.terms as 'warranty',
            sentOn: values.sentOn,
            promisedOn: text('promisedOn'),
            rma: text('rma'),
            loaner: text('loaner'),
            loanerWhere: text('loanerWhere'),
          }),
        );
      } else if (what.mode === 'update') {
        props.onSaved(
          await api.actOnRepair(what.repair.id, {
            action: 'update',
            version: what.repair.version,
            note: values.note ?? '',
            promisedOn: text('promisedOn'),
            loaner: text('loaner'),
            loanerWhere: text('loanerWhere'),
          }),
        );
      } else {
        props.onSaved(
          await api.actOnRepair(what.repair.id, {
            action: 'return',
            version: what.repair.version,
            returnedOn: values.returnedOn,
            result: values.result as 'repaired',
            note: text('note'),
          }),
        );
      }
    } catch (e) {
      setError(t('repair.failed', { message: messageOf(e) }));
    }
  };

  const title =
    what.mode === 'open'
      ? t('repair.title')
      : t(
          what.mode === 'update' ? 'repair.updateTitle' : 'repair.returnTitle',
          {
            number: what.repair.number,
          },
        );

  return (
    <Dialog open onClose={props.onClose} fullScreen={phone} fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" data-testid="spares-repair-error">
            {error}
          </Alert>
        )}
        {what.mode === 'open' && (
          <>
            {field('deviceRef')}
            <TextField
              fullWidth
              label={t('field.ticket')}
              value={values.ticket ?? ''}
              onChange={e => set('ticket')(e.target.value)}
              inputProps={{ 'data-testid': 'spares-repair-ticket' }}
            />
            <ChoiceField
              label={t('field.vendor')}
              value={values.vendorId ?? ''}
              testId="spares-repair-vendor"
              placeholder={t('move.choose')}
              onChange={set('vendorId')}
            >
              {vendors.value?.map(v => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </ChoiceField>
            <ChoiceField
              label={t('field.terms')}
              value={values.terms}
              testId="spares-repair-terms"
              onChange={set('terms')}
            >
              {REPAIR_TERMS.map(term => (
                <option key={term} value={term}>
                  {t(`terms.${term}`)}
                </option>
              ))}
            </ChoiceField>
            {field('sentOn', 'date')}
            {field('promisedOn', 'date')}
            {field('rma')}
            {field('loaner')}
            {field('loanerWhere')}
          </>
        )}
        {what.mode === 'update' && (
          <>
            {field('note')}
            {field('promisedOn', 'date')}
            {field('loaner')}
            {field('loanerWhere')}
          </>
        )}
        {what.mode === 'return' && (
          <>
            {field('returnedOn', 'date')}
            <ChoiceField
              label={t('field.result')}
              value={values.result}
              testId="spares-repair-result"
              onChange={set('result')}
            >
              {REPAIR_RESULTS.map(result => (
                <option key={result} value={result}>
                  {t(`result.${result}`)}
                </option>
              ))}
            </ChoiceField>
            {field('note')}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('repair.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          data-testid="spares-repair-save"
        >
          {t('repair.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
