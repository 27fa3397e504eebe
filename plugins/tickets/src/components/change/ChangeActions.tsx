import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  APPROVAL_ACTIONS,
  CARRY_OUT_ACTIONS,
  changeActionRequestSchema,
  changeLifecycle,
  type Change,
  type ChangeAction,
  type ChangeStatus,
  type ChangeWarning,
  windowWithin,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState, type InputHTMLAttributes } from 'react';
import { ticketsApiRef } from '../../api';
import { fromLocalInput, toLocalInput } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import { WindowFields, type LocalWindow } from '../changes/WindowFields';
import type { Mutate } from '../ticket/useTicketMutation';

/** Steps that need nothing but a click. */
const ONE_CLICK: readonly ChangeAction[] = ['submit', 'start'];

const useStyles = makeStyles(theme => ({
  bar: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/** What the dialog's inputs hold. */
interface StepFields {
  readonly text: string;
  readonly freezeException: boolean;
  readonly window: LocalWindow;
}

/** The request a step's inputs make, before the API schema checks it. */
function stepCandidate(
  action: ChangeAction,
  fields: StepFields,
  version: number,
): unknown {
  const text = fields.text.trim();
  switch (action) {
    case 'approve':
      return {
        action,
        version,
        comment: text || undefined,
        freezeException: fields.freezeException,
      };
    case 'reject':
      return { action, version, comment: text };
    case 'schedule':
      return {
        action,
        version,
        window: {
          start: fromLocalInput(fields.window.start),
          end: fromLocalInput(fields.window.end),
        },
      };
    case 'succeed':
      return { action, version, note: text || undefined };
    case 'fail':
    case 'roll-back':
      return { action, version, note: text };
    default:
      return { action, version };
  }
}

/**
 * The steps open to this change in its status: approve and reject for the
 * court IT office, the rest for those who carry changes out.
 */
export function ChangeActions(props: {
  change: Change;
  warnings: readonly ChangeWarning[];
  canApprove: boolean;
  canWork: boolean;
  /** The signed-in user's entity ref, for four eyes; unknown while it loads. */
  user?: string;
  mutate: Mutate;
}) {
  const { change, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const [dialog, setDialog] = useState<ChangeAction>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [fields, setFields] = useState<StepFields>({
    text: '',
    freezeException: false,
    window: { start: '', end: '' },
  });

  // Four eyes, as the API enforces it: who filed or carries out a change does
  // not approve it; who approved it does not carry it out.
  const mayTake = (action: ChangeAction) => {
    if (APPROVAL_ACTIONS.includes(action)) {
      return (
        props.canApprove &&
        props.user !== undefined &&
        props.user !== change.createdBy &&
        props.user !== change.assignee
      );
    }
    if (CARRY_OUT_ACTIONS.includes(action)) {
      return (
        props.canWork &&
        props.user !== undefined &&
        props.user !== change.change.decidedBy
      );
    }
    return props.canWork;
  };
  const actions = changeLifecycle
    .allowed(change.status as ChangeStatus)
    .filter(mayTake);
  if (actions.length === 0) return null;
  const frozen = props.warnings.some(w => w.kind === 'freeze' && !w.excepted);

  const send = async (candidate: unknown) => {
    const request = changeActionRequestSchema.safeParse(candidate);
    if (!request.success) return;
    setBusy(true);
    const result = await mutate(() =>
      api.actOnChange(change.number, request.data),
    );
    setBusy(false);
    if (result.ok || result.conflict) {
      setDialog(undefined);
      setFailure(undefined);
    } else {
      setFailure(result.message);
    }
  };

  const start = (action: ChangeAction) => {
    if (ONE_CLICK.includes(action)) {
      send(stepCandidate(action, fields, change.version));
      return;
    }
    setFailure(undefined);
    setFields({
      text: '',
      freezeException: false,
      window: {
        start: toLocalInput(change.change.window.start),
        end: toLocalInput(change.change.window.end),
      },
    });
    setDialog(action);
  };

  const candidate = dialog && stepCandidate(dialog, fields, change.version);
  const parsed =
    candidate === undefined
      ? undefined
      : changeActionRequestSchema.safeParse(candidate);
  const valid = parsed?.success === true;
  // Out of the approved window: the API sends it back for approval.
  const movesOut =
    parsed?.success === true &&
    parsed.data.action === 'schedule' &&
    parsed.data.window !== undefined &&
    !windowWithin(parsed.data.window, change.change.window);
  const needsText =
    dialog === 'reject' || dialog === 'fail' || dialog === 'roll-back';
  const requiredText =
    dialog === 'reject'
      ? t('change.commentRequired')
      : t('change.noteRequired');

  return (
    <div className={classes.bar} data-testid="change-actions">
      {actions.map(action => (
        <Button
          key={action}
          variant={action === 'approve' ? 'contained' : 'outlined'}
          color="primary"
          disabled={busy}
          onClick={() => start(action)}
          data-testid={`change-action-${action}`}
        >
          {t(`changeAction.${action}`)}
        </Button>
      ))}
      {dialog && (
        <Dialog open onClose={() => setDialog(undefined)} fullWidth>
          <DialogTitle>{t(`changeAction.${dialog}`)}</DialogTitle>
          <DialogContent>
            {failure && (
              <Alert severity="error" data-testid="change-action-error">
                {failure}
              </Alert>
            )}
            {dialog === 'schedule' ? (
              <WindowFields
                value={fields.window}
                onChange={window => setFields({ ...fields, window })}
                testIdPrefix="schedule"
              />
            ) : (
              <TextField
                fullWidth
                multiline
                minRows={2}
                label={
                  dialog === 'approve' || dialog === 'reject'
                    ? t('change.comment')
                    : t('change.note')
                }
                required={needsText}
                helperText={
                  needsText && !fields.text.trim() ? requiredText : undefined
                }
                value={fields.text}
                inputProps={{ 'data-testid': 'change-field-text' }}
                onChange={event =>
                  setFields({ ...fields, text: event.target.value })
                }
              />
            )}
            {dialog === 'approve' && frozen && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={fields.freezeException}
                    onChange={event =>
                      setFields({
                        ...fields,
                        freezeException: event.target.checked,
                      })
                    }
                    inputProps={
                      {
                        'data-testid': 'change-field-freeze-exception',
                      } as InputHTMLAttributes<HTMLInputElement>
                    }
                  />
                }
                label={t('change.freezeExceptionField')}
              />
            )}
            {dialog === 'schedule' && !valid && (
              <Alert severity="info">{t('change.windowInvalid')}</Alert>
            )}
            {movesOut && (
              <Alert severity="warning" data-testid="change-reapproval">
                {t('change.reapproval')}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDialog(undefined)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="primary"
              variant="contained"
              disabled={busy || !valid}
              onClick={() => send(candidate)}
              data-testid="change-action-confirm"
            >
              {t('actions.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </div>
  );
}
