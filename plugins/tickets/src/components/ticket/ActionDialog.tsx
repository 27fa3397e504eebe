import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IMPACTS,
  levelOf,
  PAUSE_REASONS,
  URGENCIES,
  type Impact,
  type Urgency,
} from '@internal/plugin-sla-common';
import {
  CALL_BACK_OUTCOMES,
  ticketActionRequestSchema,
  type Ticket,
  type TicketAction,
  type TicketActionRequest,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState, type ReactNode } from 'react';
import { useEntityOptions } from '@internal/plugin-court-react';
import { useSlaEngine } from '../../hooks/useSlaEngine';
import { useStockedParts } from '../../hooks/useStockedParts';
import { ticketsTranslationRef } from '../../translation';

/** What the dialog's inputs hold, by field name; empty until filled. */
export type ActionFields = Readonly<Record<string, string>>;

/** The select value that clears an assignee or group (null in the request). */
const NOBODY = '-';

function choice(value: string | undefined): string | null | undefined {
  if (!value) return undefined;
  return value === NOBODY ? null : value;
}

/** The select value for a part the court does not stock (named in words). */
const NOT_STOCKED = '-';

/** A pause's part: a stocked part type, the words for one not stocked, or none. */
function awaitedPart(fields: ActionFields) {
  if (fields.reason !== 'waiting-part' || !fields.partTypeId) return undefined;
  return fields.partTypeId === NOT_STOCKED
    ? { text: fields.part ?? '' }
    : { partTypeId: fields.partTypeId };
}

/** The request an action's inputs make, before the API schema checks it. */
export function actionCandidate(
  action: TicketAction,
  fields: ActionFields,
  version: number,
): unknown {
  const text = (name: string) => fields[name] ?? '';
  const optional = (name: string) => fields[name] || undefined;
  switch (action) {
    case 'pause':
      return {
        action,
        version,
        reason: text('reason'),
        note: text('note'),
        part: awaitedPart(fields),
      };
    case 'reprioritise':
      return {
        action,
        version,
        urgency: text('urgency'),
        impact: text('impact'),
        reason: text('reason'),
      };
    case 'assign':
      return {
        action,
        version,
        assignee: choice(fields.assignee),
        group: choice(fields.group),
      };
    case 'resolve':
      return {
        action,
        version,
        resolution: text('resolution'),
        knowledgeArticle: optional('knowledgeArticle'),
      };
    case 'call-back':
      return {
        action,
        version,
        outcome: text('outcome'),
        satisfaction: fields.satisfaction
          ? Number(fields.satisfaction)
          : undefined,
        note: text('note'),
      };
    case 'reopen':
      return { action, version, reason: text('reason') };
    case 'close':
      return { action, version, note: optional('note') };
    default:
      return { action, version };
  }
}

/** Starting values: a reprioritisation starts from the ticket's own urgency and impact. */
function initialFields(action: TicketAction, ticket: Ticket): ActionFields {
  return action === 'reprioritise'
    ? { urgency: ticket.urgency, impact: ticket.impact }
    : {};
}

interface FieldProps {
  name: string;
  label: string;
  fields: ActionFields;
  errors: ReadonlySet<string>;
  errorText?: string;
  onChange: (name: string, value: string) => void;
}

function TextInput(props: FieldProps & { multiline?: boolean }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const error = props.errors.has(props.name);
  return (
    <TextField
      fullWidth
      margin="normal"
      label={props.label}
      multiline={props.multiline}
      minRows={props.multiline ? 3 : undefined}
      value={props.fields[props.name] ?? ''}
      error={error}
      helperText={error ? props.errorText ?? t('actions.required') : undefined}
      inputProps={{ 'data-testid': `field-${props.name}` }}
      onChange={event => props.onChange(props.name, event.target.value)}
    />
  );
}

function SelectInput(
  props: FieldProps & {
    options: ReadonlyArray<readonly [string, string]>;
    placeholder: string;
  },
) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const error = props.errors.has(props.name);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      label={props.label}
      value={props.fields[props.name] ?? ''}
      error={error}
      helperText={error ? props.errorText ?? t('actions.required') : undefined}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      inputProps={{ 'data-testid': `field-${props.name}` }}
      onChange={event => props.onChange(props.name, event.target.value)}
    >
      <option value="">{props.placeholder}</option>
      {props.options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </TextField>
  );
}

/** The new level under the ticket's own frozen policy, before confirming. */
function NewLevel(props: { ticket: Ticket; fields: ActionFields }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const { engine } = useSlaEngine();
  const { urgency, impact } = props.fields;
  if (!engine || !urgency || !impact) return null;
  const { id, version } = props.ticket.policy;
  const policy = engine.config.policies.find(
    p => p.id === id && p.version === version,
  );
  if (!policy) return null;
  const level = levelOf(policy, urgency as Urgency, impact as Impact);
  return (
    <Typography
      variant="body2"
      data-testid="reprioritise-level"
      data-level={level}
    >
      {t('actions.newLevel', { level: t(`level.${level}`) })}
    </Typography>
  );
}

/** Which part a ticket waiting for a part waits for: from stock, or in words. */
function PartInputs(props: Omit<FieldProps, 'name' | 'label'>) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const parts = useStockedParts();
  return (
    <>
      <SelectInput
        {...props}
        name="partTypeId"
        label={t('actions.part')}
        placeholder={t('form.choose')}
        options={[
          ...parts.map(
            p =>
              [
                p.id,
                t('actions.partInStock', {
                  name: p.name,
                  count: p.total,
                }),
              ] as const,
          ),
          [NOT_STOCKED, t('actions.partNotStocked')] as const,
        ]}
      />
      {props.fields.partTypeId === NOT_STOCKED && (
        <TextInput {...props} name="part" label={t('actions.partText')} />
      )}
    </>
  );
}

const PEOPLE = ['User'];
const GROUPS = ['Group'];

function AssignInputs(props: Omit<FieldProps, 'name' | 'label'>) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const users = useEntityOptions(PEOPLE);
  const groups = useEntityOptions(GROUPS);
  const nobody = [NOBODY, t('actions.clear')] as const;
  return (
    <>
      <SelectInput
        {...props}
        name="assignee"
        label={t('actions.assignee')}
        placeholder={t('actions.unchanged')}
        errorText={t('actions.assignNeedsOne')}
        options={[nobody, ...users.options.map(o => [o.ref, o.label] as const)]}
      />
      <SelectInput
        {...props}
        name="group"
        label={t('actions.group')}
        placeholder={t('actions.unchanged')}
        options={[
          nobody,
          ...groups.options.map(o => [o.ref, o.label] as const),
        ]}
      />
    </>
  );
}

/**
 * The inputs one lifecycle action needs, checked by the API's own schema
 * before it is sent with the version the page read.
 */
export function ActionDialog(props: {
  action: TicketAction;
  ticket: Ticket;
  busy: boolean;
  failure?: string;
  onCancel: () => void;
  onConfirm: (request: TicketActionRequest) => void;
}) {
  const { action, ticket } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const [fields, setFields] = useState(() => initialFields(action, ticket));
  const [errors, setErrors] = useState<ReadonlySet<string>>(new Set());

  const onChange = (name: string, value: string) =>
    setFields(previous => ({ ...previous, [name]: value }));
  const field = { fields, errors, onChange };
  const choose = t('form.choose');

  const confirm = () => {
    const result = ticketActionRequestSchema.safeParse(
      actionCandidate(action, fields, ticket.version),
    );
    if (result.success) {
      setErrors(new Set());
      props.onConfirm(result.data);
    } else {
      setErrors(
        new Set(result.error.issues.map(issue => String(issue.path[0]))),
      );
    }
  };

  let inputs: ReactNode = null;
  switch (action) {
    case 'pause':
      inputs = (
        <>
          <SelectInput
            {...field}
            name="reason"
            label={t('actions.reason')}
            placeholder={choose}
            options={PAUSE_REASONS.map(
              r => [r, t(`pauseReason.${r}`)] as const,
            )}
          />
          {fields.reason === 'waiting-part' && <PartInputs {...field} />}
          <TextInput
            {...field}
            name="note"
            label={t('actions.note')}
            multiline
          />
        </>
      );
      break;
    case 'reprioritise':
      inputs = (
        <>
          <SelectInput
            {...field}
            name="urgency"
            label={t('actions.urgency')}
            placeholder={choose}
            options={URGENCIES.map(u => [u, t(`urgency.${u}`)] as const)}
          />
          <SelectInput
            {...field}
            name="impact"
            label={t('actions.impact')}
            placeholder={choose}
            options={IMPACTS.map(i => [i, t(`impact.${i}`)] as const)}
          />
          <NewLevel ticket={ticket} fields={fields} />
          <TextInput
            {...field}
            name="reason"
            label={t('actions.reason')}
            multiline
          />
        </>
      );
      break;
    case 'assign':
      inputs = <AssignInputs {...field} />;
      break;
    case 'resolve':
      inputs = (
        <>
          <TextInput
            {...field}
            name="resolution"
            label={t('actions.resolution')}
            multiline
          />
          <TextInput
            {...field}
            name="knowledgeArticle"
            label={t('actions.knowledgeArticle')}
          />
        </>
      );
      break;
    case 'call-back':
      inputs = (
        <>
          <SelectInput
            {...field}
            name="outcome"
            label={t('actions.outcome')}
            placeholder={choose}
            options={CALL_BACK_OUTCOMES.map(
              o => [o, t(`outcome.${o}`)] as const,
            )}
          />
          <SelectInput
            {...field}
            name="satisfaction"
            label={t('actions.satisfaction')}
            placeholder={choose}
            options={['1', '2', '3', '4', '5'].map(n => [n, n] as const)}
          />
          <TextInput
            {...field}
            name="note"
            label={t('actions.note')}
            multiline
          />
        </>
      );
      break;
    case 'reopen':
      inputs = (
        <TextInput
          {...field}
          name="reason"
          label={t('actions.reason')}
          multiline
        />
      );
      break;
    case 'close':
      inputs = (
        <TextInput {...field} name="note" label={t('actions.note')} multiline />
      );
      break;
    default:
      // The one-click actions need no inputs.
      break;
  }

  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      onClose={props.onCancel}
      data-testid="action-dialog"
    >
      <DialogTitle>
        {t(`action.${action}`)} · {ticket.number}
      </DialogTitle>
      <DialogContent>
        {inputs}
        {props.failure && (
          <Alert severity="error" data-testid="action-error">
            {t('ticket.actionFailed', { message: props.failure })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} data-testid="action-cancel">
          {t('actions.cancel')}
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={props.busy}
          onClick={confirm}
          data-testid="action-confirm"
        >
          {t('actions.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
