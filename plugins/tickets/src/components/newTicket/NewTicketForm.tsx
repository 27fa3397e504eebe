import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IMPACTS,
  URGENCIES,
  type Impact,
  type Urgency,
} from '@internal/plugin-sla-common';
import {
  AFFECTED_ENTITY_KINDS,
  createTicketRequestSchema,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_CHANNELS,
  DESK_TICKET_TYPES,
  type CreateTicketRequest,
  type ServiceRequestCategory,
  type Ticket,
  type TicketChannel,
  type TicketType,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState, type FormEvent } from 'react';
import { ticketsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { useMayWorkTickets } from '../../hooks/useMayWorkTickets';
import { useSlaEngine } from '../../hooks/useSlaEngine';
import { ticketsTranslationRef } from '../../translation';
import {
  ChoiceField,
  EntityPicker,
  SingleEntityPicker,
  useEntityOptions,
} from '@internal/plugin-court-react';
import { ArticleSuggestions } from './ArticleSuggestions';
import { LevelPreview } from './LevelPreview';

/** The form as typed: empty strings until a choice is made. */
interface TicketDraft {
  type: TicketType;
  category: ServiceRequestCategory | '';
  title: string;
  description: string;
  channel: TicketChannel;
  reporter: string;
  entityRefs: string[];
  urgency: Urgency | '';
  impact: Impact | '';
}

type DraftField =
  | 'category'
  | 'title'
  | 'description'
  | 'entityRefs'
  | 'urgency'
  | 'impact'
  | 'reporter';
const DRAFT_FIELDS: readonly DraftField[] = [
  'category',
  'title',
  'description',
  'entityRefs',
  'urgency',
  'impact',
  'reporter',
];

/**
 * The create request of a draft, checked by the API's own schema plus the
 * desk's rules: a service request names what is requested, and a phone call
 * names who called.
 */
function validateDraft(draft: TicketDraft): {
  request?: CreateTicketRequest;
  invalid: DraftField[];
} {
  const invalid = new Set<DraftField>();
  if (draft.type === 'service-request' && !draft.category) {
    invalid.add('category');
  }
  if (draft.channel === 'phone' && !draft.reporter) invalid.add('reporter');
  const result = createTicketRequestSchema.safeParse({
    type: draft.type,
    category:
      draft.type === 'service-request' && draft.category
        ? draft.category
        : undefined,
    title: draft.title,
    description: draft.description,
    channel: draft.channel,
    urgency: draft.urgency,
    impact: draft.impact,
    entityRefs: draft.entityRefs,
    reporter:
      draft.channel !== 'portal' && draft.reporter ? draft.reporter : undefined,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (DRAFT_FIELDS.includes(field as DraftField)) {
        invalid.add(field as DraftField);
      }
    }
  }
  return result.success && invalid.size === 0
    ? { request: result.data, invalid: [] }
    : { invalid: [...invalid] };
}

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', gap: theme.spacing(2) },
}));

const USER_KINDS = ['User'];

/**
 * Report a fault or request a service. The level and its targets show as
 * soon as urgency and impact are chosen, from the policy the backend runs.
 */
export function NewTicketForm(props: {
  initialEntityRefs: string[];
  onCreated: (ticket: Ticket) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const sla = useSlaEngine();
  const entities = useEntityOptions(AFFECTED_ENTITY_KINDS);
  const users = useEntityOptions(USER_KINDS);
  // Only the desk takes calls and files for others; court staff file for themselves.
  const isDesk = useMayWorkTickets();

  const [draft, setDraft] = useState<TicketDraft>({
    type: 'incident',
    category: '',
    title: '',
    description: '',
    channel: 'portal',
    reporter: '',
    entityRefs: props.initialEntityRefs,
    urgency: '',
    impact: '',
  });
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const update = (patch: Partial<TicketDraft>) =>
    setDraft(previous => ({ ...previous, ...patch }));
  const { request, invalid } = validateDraft(draft);
  const errorOf = (field: DraftField) =>
    attempted && invalid.includes(field)
      ? t(`form.errors.${field}`)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!request) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      props.onCreated(await api.createTicket(request));
    } catch (error) {
      setFailure(messageOf(error));
      setSubmitting(false);
    }
  };

  return (
    <form data-testid="new-ticket-form" onSubmit={submit} noValidate>
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6}>
              <ChoiceField
                label={t('form.type')}
                value={draft.type}
                testId="ticket-type"
                onChange={value => update({ type: value as TicketType })}
              >
                {DESK_TICKET_TYPES.map(type => (
                  <option key={type} value={type}>
                    {t(`type.${type}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
            {draft.type === 'service-request' && (
              <Grid item xs={12} sm={6}>
                <ChoiceField
                  label={t('form.category')}
                  value={draft.category}
                  testId="ticket-category"
                  placeholder={t('form.choose')}
                  error={errorOf('category')}
                  onChange={value =>
                    update({ category: value as ServiceRequestCategory })
                  }
                >
                  {SERVICE_REQUEST_CATEGORIES.map(category => (
                    <option key={category} value={category}>
                      {t(`category.${category}`)}
                    </option>
                  ))}
                </ChoiceField>
              </Grid>
            )}
            <Grid item xs={12}>
              <TextField
                fullWidth
                required
                label={t('form.title')}
                value={draft.title}
                error={Boolean(errorOf('title'))}
                helperText={errorOf('title') ?? t('form.titleHelp')}
                inputProps={{ 'data-testid': 'ticket-title', maxLength: 200 }}
                onChange={event => update({ title: event.target.value })}
              />
            </Grid>
            <Grid item xs={12}>
              <TextField
                fullWidth
                multiline
                minRows={4}
                label={t('form.description')}
                value={draft.description}
                error={Boolean(errorOf('description'))}
                helperText={errorOf('description') ?? t('form.descriptionHelp')}
                inputProps={{ 'data-testid': 'ticket-description' }}
                onChange={event => update({ description: event.target.value })}
              />
            </Grid>
            <Grid item xs={12}>
              <EntityPicker
                label={t('form.entities')}
                helperText={t('form.entitiesHelp')}
                error={errorOf('entityRefs')}
                options={entities.options}
                loading={entities.loading}
                value={draft.entityRefs}
                testId="ticket-entity"
                onChange={entityRefs => update({ entityRefs })}
              />
            </Grid>
            {isDesk && (
              <Grid item xs={12} sm={6}>
                <ChoiceField
                  label={t('form.channel')}
                  value={draft.channel}
                  testId="ticket-channel"
                  onChange={value =>
                    update({ channel: value as TicketChannel })
                  }
                >
                  {TICKET_CHANNELS.map(channel => (
                    <option key={channel} value={channel}>
                      {t(`channel.${channel}`)}
                    </option>
                  ))}
                </ChoiceField>
              </Grid>
            )}
            {isDesk && draft.channel !== 'portal' && (
              <Grid item xs={12} sm={6}>
                <SingleEntityPicker
                  label={t('form.reporter')}
                  helperText={t('form.reporterHelp')}
                  error={errorOf('reporter')}
                  options={users.options}
                  loading={users.loading}
                  value={draft.reporter}
                  testId="ticket-reporter"
                  onChange={reporter => update({ reporter })}
                />
              </Grid>
            )}
            <Grid item xs={12} sm={6}>
              <ChoiceField
                label={t('form.urgency')}
                value={draft.urgency}
                testId="ticket-urgency"
                placeholder={t('form.choose')}
                error={errorOf('urgency')}
                onChange={value => update({ urgency: value as Urgency })}
              >
                {URGENCIES.map(urgency => (
                  <option key={urgency} value={urgency}>
                    {t(`urgency.${urgency}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
            <Grid item xs={12} sm={6}>
              <ChoiceField
                label={t('form.impact')}
                value={draft.impact}
                testId="ticket-impact"
                placeholder={t('form.choose')}
                error={errorOf('impact')}
                onChange={value => update({ impact: value as Impact })}
              >
                {IMPACTS.map(impact => (
                  <option key={impact} value={impact}>
                    {t(`impact.${impact}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12} md={5}>
          <Typography variant="h6" gutterBottom>
            {t('preview.title')}
          </Typography>
          {sla.error && <ResponseErrorPanel error={sla.error} />}
          {sla.loading && <Progress />}
          {sla.engine && (
            <LevelPreview
              policy={sla.engine.activePolicy()}
              type={draft.type}
              urgency={draft.urgency || undefined}
              impact={draft.impact || undefined}
            />
          )}
          <ArticleSuggestions
            text={`${draft.title}\n${draft.description}`}
            entityRefs={draft.entityRefs}
          />
        </Grid>
        {failure && (
          <Grid item xs={12}>
            <Alert severity="error" data-testid="new-ticket-error">
              {t('form.failed', { message: failure })}
            </Alert>
          </Grid>
        )}
        <Grid item xs={12} className={classes.actions}>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
            data-testid="ticket-submit"
          >
            {t('form.submit')}
          </Button>
          <Button onClick={props.onCancel}>{t('form.cancel')}</Button>
        </Grid>
      </Grid>
    </form>
  );
}
