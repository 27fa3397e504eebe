import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ARTICLE_ENTITY_KINDS,
  ARTICLE_KINDS,
  ARTICLE_LANGUAGES,
  ARTICLE_VISIBILITIES,
  createArticleRequestSchema,
  KNOWN_ERROR_SECTIONS,
  type Article,
  type ArticleKind,
  type ArticleLanguage,
  type ArticleVisibility,
  type CreateArticleRequest,
  type KnownErrorSections,
} from '@internal/plugin-kb-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState, type FormEvent } from 'react';
import { kbApiRef } from '../../api';
import { isConflict, messageOf } from '../../errors';
import { kbTranslationRef } from '../../translation';
import { SafeMarkdown } from '../markdown/SafeMarkdown';
import {
  ChoiceField,
  EntityPicker,
  SingleEntityPicker,
  useEntityOptions,
} from '@internal/plugin-court-react';

type Section = keyof KnownErrorSections;

/** The form as typed: lists as the comma-separated text the author writes. */
interface ArticleDraft extends Record<Section, string> {
  kind: ArticleKind;
  title: string;
  body: string;
  tags: string;
  language: ArticleLanguage;
  entityRefs: string[];
  ticketRefs: string;
  owner: string;
  visibility: ArticleVisibility;
}

type DraftField = Exclude<keyof ArticleDraft, 'kind' | 'language' | 'visibility'>;

const list = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map(item => item.trim())
    .filter(Boolean);

export function draftOf(article?: Article, entityRefs: string[] = []): ArticleDraft {
  return {
    kind: article?.kind ?? 'how-to',
    title: article?.title ?? '',
    body: article?.body ?? '',
    symptom: article?.knownError?.symptom ?? '',
    cause: article?.knownError?.cause ?? '',
    workaround: article?.knownError?.workaround ?? '',
    fix: article?.knownError?.fix ?? '',
    tags: article?.tags.join(', ') ?? '',
    language: article?.language ?? 'zh',
    entityRefs: article ? [...article.entityRefs] : entityRefs,
    ticketRefs: article?.ticketRefs.join(', ') ?? '',
    owner: article?.owner ?? '',
    visibility: article?.visibility ?? 'internal',
  };
}

/** The API request a draft makes, checked by the API's own schema; the fields it gets wrong. */
function validate(draft: ArticleDraft): {
  request?: CreateArticleRequest;
  invalid: DraftField[];
} {
  const request: CreateArticleRequest = {
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    knownError:
      draft.kind === 'known-error'
        ? {
            symptom: draft.symptom,
            cause: draft.cause,
            workaround: draft.workaround,
            fix: draft.fix,
          }
        : undefined,
    tags: list(draft.tags),
    language: draft.language,
    entityRefs: draft.entityRefs,
    ticketRefs: list(draft.ticketRefs).map(ref => ref.toUpperCase()),
    owner: draft.owner || undefined,
    visibility: draft.visibility,
  };
  const result = createArticleRequestSchema.safeParse(request);
  if (result.success) return { request, invalid: [] };
  const invalid = result.error.issues.map(issue =>
    (issue.path[0] === 'knownError' ? issue.path[1] : issue.path[0]) as DraftField,
  );
  return { invalid };
}

const useStyles = makeStyles(theme => ({
  preview: {
    padding: theme.spacing(2),
    minHeight: 320,
    position: 'sticky',
    top: theme.spacing(2),
  },
  actions: { display: 'flex', gap: theme.spacing(2) },
}));

/**
 * Write or edit an article, with the rendered article beside the form as it
 * will be read. A save carries the version the editor opened; if someone
 * saved in between, the save is refused and nothing is lost silently.
 */
export function ArticleEditor(props: {
  article?: Article;
  initialEntityRefs?: string[];
  onSaved: (article: Article) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { article } = props;
  const { t } = useTranslationRef(kbTranslationRef);
  const classes = useStyles();
  const api = useApi(kbApiRef);
  const entities = useEntityOptions(ARTICLE_ENTITY_KINDS);
  const owners = useEntityOptions(['Group', 'User']);
  const [draft, setDraft] = useState(() => draftOf(article, props.initialEntityRefs));
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ conflict: boolean; message: string }>();

  const update = (patch: Partial<ArticleDraft>) => setDraft(previous => ({ ...previous, ...patch }));
  const { request, invalid } = validate(draft);
  const bad = (field: DraftField) => attempted && invalid.includes(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!request) return;
    setSaving(true);
    setFailure(undefined);
    try {
      props.onSaved(
        article
          ? await api.updateArticle(article.id, { ...request, version: article.version })
          : await api.createArticle(request),
      );
    } catch (error) {
      setFailure({ conflict: isConflict(error), message: messageOf(error) });
      setSaving(false);
    }
  };

  const text = (field: DraftField, label: string, helperText?: string, rows = 0) => (
    <TextField
      fullWidth
      multiline={rows > 0}
      minRows={rows || undefined}
      label={label}
      value={draft[field]}
      error={bad(field)}
      helperText={bad(field) ? t('editor.required') : helperText}
      inputProps={{ 'data-testid': `editor-${field}` }}
      onChange={event => update({ [field]: event.target.value })}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="article-editor">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={4}>
              <ChoiceField
                label={t('field.kind')}
                value={draft.kind}
                testId="editor-kind"
                onChange={value => update({ kind: value as ArticleKind })}
              >
                {ARTICLE_KINDS.map(kind => (
                  <option key={kind} value={kind}>
                    {t(`kind.${kind}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
            <Grid item xs={12} sm={4}>
              <ChoiceField
                label={t('field.visibility')}
                value={draft.visibility}
                testId="editor-visibility"
                onChange={value => update({ visibility: value as ArticleVisibility })}
              >
                {ARTICLE_VISIBILITIES.map(visibility => (
                  <option key={visibility} value={visibility}>
                    {t(`visibility.${visibility}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
            <Grid item xs={12} sm={4}>
              <ChoiceField
                label={t('field.language')}
                value={draft.language}
                testId="editor-language"
                onChange={value => update({ language: value as ArticleLanguage })}
              >
                {ARTICLE_LANGUAGES.map(language => (
                  <option key={language} value={language}>
                    {t(`language.${language}`)}
                  </option>
                ))}
              </ChoiceField>
            </Grid>
            <Grid item xs={12}>
              <Typography variant="caption" color="textSecondary">
                {t('editor.visibilityHelp')}
              </Typography>
            </Grid>
            <Grid item xs={12}>
              {text('title', t('field.title'), t('editor.titleHelp'))}
            </Grid>
            {draft.kind === 'known-error' &&
              KNOWN_ERROR_SECTIONS.map(section => (
                <Grid item xs={12} key={section}>
                  {text(section, t(`field.${section}`), undefined, 2)}
                </Grid>
              ))}
            <Grid item xs={12}>
              {text(
                'body',
                draft.kind === 'runbook' ? t('article.steps') : t('field.body'),
                draft.kind === 'runbook' ? t('editor.runbookBodyHelp') : t('editor.bodyHelp'),
                12,
              )}
            </Grid>
            <Grid item xs={12}>
              <EntityPicker
                label={t('field.entityRefs')}
                helperText={t('editor.entitiesHelp')}
                error={bad('entityRefs')}
                options={entities.options}
                loading={entities.loading}
                value={draft.entityRefs}
                testId="editor-entities"
                onChange={entityRefs => update({ entityRefs })}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              {text('tags', t('field.tags'), t('editor.tagsHelp'))}
            </Grid>
            <Grid item xs={12} sm={6}>
              {text('ticketRefs', t('field.ticketRefs'), t('editor.ticketsHelp'))}
            </Grid>
            <Grid item xs={12}>
              <SingleEntityPicker
                label={t('field.owner')}
                helperText={t('editor.ownerHelp')}
                error={bad('owner')}
                options={owners.options}
                loading={owners.loading}
                value={draft.owner}
                testId="editor-owner"
                onChange={owner => update({ owner })}
              />
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12} md={6}>
          <Paper variant="outlined" className={classes.preview} data-testid="editor-preview">
            <Typography variant="overline">{t('editor.preview')}</Typography>
            <Typography variant="h5" component="h1" gutterBottom>
              {draft.title || t('editor.previewEmpty')}
            </Typography>
            {draft.kind === 'known-error' &&
              KNOWN_ERROR_SECTIONS.map(section => (
                <section key={section}>
                  <Typography variant="h6" component="h2">
                    {t(`field.${section}`)}
                  </Typography>
                  <SafeMarkdown>{draft[section] || '—'}</SafeMarkdown>
                </section>
              ))}
            <SafeMarkdown>{draft.body}</SafeMarkdown>
          </Paper>
        </Grid>
        {attempted && invalid.length > 0 && (
          <Grid item xs={12}>
            <Alert severity="error" data-testid="editor-invalid">
              {t('editor.invalid')}
            </Alert>
          </Grid>
        )}
        {failure && (
          <Grid item xs={12}>
            {failure.conflict ? (
              <Alert
                severity="warning"
                data-testid="editor-conflict"
                action={
                  props.onReload && (
                    <Button color="inherit" size="small" onClick={props.onReload}>
                      {t('editor.reload')}
                    </Button>
                  )
                }
              >
                {t('editor.conflict')}
              </Alert>
            ) : (
              <Alert severity="error" data-testid="editor-error">
                {t('editor.failed', { message: failure.message })}
              </Alert>
            )}
          </Grid>
        )}
        <Grid item xs={12} className={classes.actions}>
          <Button type="submit" color="primary" variant="contained" disabled={saving} data-testid="editor-save">
            {t('editor.save')}
          </Button>
          <Button onClick={props.onCancel}>{t('editor.cancel')}</Button>
        </Grid>
      </Grid>
    </form>
  );
}
