import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { ChoiceField, messageOf } from '@internal/plugin-court-react';
import type { Shift, ShiftKind } from '@internal/plugin-duty-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { dutyTranslationRef } from '../../translation';

/** A shift to (re)assign, or a gap to fill with a new shift. */
export type AssignTarget =
  | { shift: Shift }
  | { date: string; kind: ShiftKind; post?: string };

/** Names the engineer of a shift, or adds one where the check reports a gap. */
export function AssignDialog(props: {
  month: string;
  target: AssignTarget;
  engineers: readonly string[];
  postName: (id: string) => string;
  engineerName: (ref: string) => string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const { target } = props;
  const existing = 'shift' in target ? target.shift : undefined;
  const [engineer, setEngineer] = useState(existing?.engineer ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const slot = existing ?? (target as Exclude<AssignTarget, { shift: Shift }>);
  const where =
    slot.kind === 'phone' ? t('roster.phone') : props.postName(slot.post ?? '');

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      if (existing) {
        await api.updateShift(existing.id, {
          engineer: engineer || null,
          expectedVersion: existing.version,
        });
      } else {
        await api.addShift(props.month, {
          date: slot.date,
          kind: slot.kind,
          post: slot.post,
          engineer,
        });
      }
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>
        {t(existing ? 'assign.title' : 'assign.addTitle', {
          date: slot.date,
          where,
        })}
      </DialogTitle>
      <DialogContent>
        <ChoiceField
          label={t('assign.engineer')}
          value={engineer}
          testId="assign-engineer"
          placeholder={existing ? t('assign.vacant') : t('assign.choose')}
          onChange={setEngineer}
        >
          {props.engineers.map(ref => (
            <option key={ref} value={ref}>
              {props.engineerName(ref)}
            </option>
          ))}
        </ChoiceField>
        {error && (
          <Alert
            severity="error"
            data-testid="assign-error"
            style={{ marginTop: 12 }}
          >
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('action.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          data-testid="assign-save"
          disabled={saving || (!existing && !engineer)}
          onClick={save}
        >
          {t('action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
