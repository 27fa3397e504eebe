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
import {
  ChoiceField,
  isConflict,
  messageOf,
} from '@internal/plugin-court-react';
import {
  IssueResult,
  MOVEMENT_KINDS,
  MovementKind,
  MovementRequest,
} from '@internal/plugin-spares-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sparesApiRef } from '../api';
import { sparesTranslationRef } from '../translation';

/** What the dialog starts with, e.g. the device tab's part and device. */
export interface MovementPreset {
  kind?: MovementKind;
  partTypeId?: string;
  deviceRef?: string;
}

/**
 * Receipt, issue, return or count in one form; full screen on a phone, every
 * field full width, native selects (quick with a thumb, easy to drive in a test).
 */
export function MovementDialog(props: {
  open: boolean;
  preset?: MovementPreset;
  onClose: () => void;
  onRecorded: (result: IssueResult) => void;
}) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const api = useApi(sparesApiRef);
  const phone = useMediaQuery(useTheme().breakpoints.down('xs'));
  const register = useAsync(
    async () => ({
      partTypes: await api.listPartTypes(),
      locations: await api.listLocations(),
    }),
    [api],
  );
  const [kind, setKind] = useState<MovementKind>(props.preset?.kind ?? 'issue');
  const [partTypeId, setPartTypeId] = useState(props.preset?.partTypeId ?? '');
  const [locationId, setLocationId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [ticket, setTicket] = useState('');
  const [reason, setReason] = useState('');
  const [supplier, setSupplier] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const request = (): MovementRequest => {
    const base = { partTypeId, locationId };
    const amount = Number(quantity);
    const text = (value: string) => (value.trim() ? value.trim() : undefined);
    switch (kind) {
      case 'receipt':
        return { kind, ...base, quantity: amount, supplier, reference };
      case 'return':
        return {
          kind,
          ...base,
          quantity: amount,
          ticket: text(ticket),
          reason,
        };
      case 'count':
        return { kind, ...base, counted: amount, reason: text(reason) };
      default: {
        const number = ticket.trim();
        return {
          kind: 'issue',
          ...base,
          quantity: amount,
          ...(number.startsWith('CHG-')
            ? { change: number }
            : { ticket: number }),
          deviceRef: props.preset?.deviceRef,
          reason: text(reason),
        };
      }
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      props.onRecorded(await api.move(request()));
    } catch (e) {
      setError(
        isConflict(e)
          ? t('move.conflict', { message: messageOf(e) })
          : t('move.failed', { message: messageOf(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullScreen={phone}
      fullWidth
    >
      <DialogTitle>{t('move.title')}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" data-testid="spares-move-error">
            {error}
          </Alert>
        )}
        <ChoiceField
          label={t('field.kind')}
          value={kind}
          testId="spares-move-kind"
          onChange={value => setKind(value as MovementKind)}
        >
          {MOVEMENT_KINDS.map(k => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </ChoiceField>
        <ChoiceField
          label={t('field.partType')}
          value={partTypeId}
          testId="spares-move-part"
          placeholder={t('move.choose')}
          onChange={setPartTypeId}
        >
          {register.value?.partTypes.map(p => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.id})
            </option>
          ))}
        </ChoiceField>
        <ChoiceField
          label={t('field.location')}
          value={locationId}
          testId="spares-move-location"
          placeholder={t('move.choose')}
          onChange={setLocationId}
        >
          {register.value?.locations.map(l => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </ChoiceField>
        <TextField
          fullWidth
          type="number"
          label={kind === 'count' ? t('field.counted') : t('field.quantity')}
          value={quantity}
          onChange={e => setQuantity(e.target.value)}
          inputProps={{
            'data-testid': 'spares-move-quantity',
            inputMode: 'numeric',
          }}
        />
        {(kind === 'issue' || kind === 'return') && (
          <TextField
            fullWidth
            label={t('field.ticket')}
            value={ticket}
            onChange={e => setTicket(e.target.value)}
            inputProps={{ 'data-testid': 'spares-move-ticket' }}
          />
        )}
        {kind === 'receipt' && (
          <>
            <TextField
              fullWidth
              label={t('field.supplier')}
              value={supplier}
              onChange={e => setSupplier(e.target.value)}
              inputProps={{ 'data-testid': 'spares-move-supplier' }}
            />
            <TextField
              fullWidth
              label={t('field.reference')}
              value={reference}
              onChange={e => setReference(e.target.value)}
              inputProps={{ 'data-testid': 'spares-move-reference' }}
            />
          </>
        )}
        {kind !== 'receipt' && (
          <TextField
            fullWidth
            multiline
            label={t('field.reason')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ 'data-testid': 'spares-move-reason' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('move.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy}
          onClick={submit}
          data-testid="spares-move-submit"
        >
          {t('move.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
