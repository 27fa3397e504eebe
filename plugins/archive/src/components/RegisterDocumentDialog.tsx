import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CONFIDENTIALITIES,
  DOCUMENT_CLASSES,
  DOCUMENT_SOURCES,
  type ArchiveDocument,
  type Confidentiality,
  type DocumentClass,
  type DocumentSource,
} from '@internal/plugin-archive-common';
import {
  ChoiceField,
  EntityPicker,
  messageOf,
  useEntityOptions,
} from '@internal/plugin-court-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { archiveApiRef } from '../api';
import { fieldErrors } from '../errors';
import { useArchiveLinks } from '../hooks';
import { archiveTranslationRef } from '../translation';
import { FileField } from './FileField';

const SYSTEMS = ['System'];
const DEVICES = ['Resource', 'Component'];
const USERS = ['User'];

const splitList = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map(s => s.trim())
    .filter(Boolean);

/**
 * Registers a document and uploads its first file. The backend checks
 * everything (sub-class, a date in the future, the file by its content); its
 * messages go beside the fields they name. If the file is refused after the
 * document was registered, the next attempt only uploads the file again.
 */
export function RegisterDocumentDialog(props: {
  documentClass?: DocumentClass;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const api = useApi(archiveApiRef);
  const links = useArchiveLinks();
  const navigate = useNavigate();
  const systems = useEntityOptions(SYSTEMS);
  const devices = useEntityOptions(DEVICES);
  const users = useEntityOptions(USERS);
  const [form, setForm] = useState({
    documentClass: props.documentClass ?? ('om' as DocumentClass),
    subClass: '',
    title: '',
    date: '',
    source: 'contractor' as DocumentSource,
    systemRefs: [] as string[],
    entityRefs: [] as string[],
    ticketNumbers: '',
    confidentiality: 'public' as Confidentiality,
    readers: [] as string[],
    retentionYears: '',
  });
  const [file, setFile] = useState<File>();
  const [registered, setRegistered] = useState<ArchiveDocument>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(
    field: K,
    value: (typeof form)[K],
  ) => setForm(current => ({ ...current, [field]: value }));

  const register = async (): Promise<ArchiveDocument | undefined> => {
    if (registered) return registered;
    const retention = form.retentionYears.trim();
    try {
      const document = await api.createDocument({
        title: form.title.trim(),
        documentClass: form.documentClass,
        subClass: form.subClass.trim() || undefined,
        date: form.date,
        source: form.source,
        systemRefs: form.systemRefs,
        entityRefs: form.entityRefs,
        ticketNumbers: splitList(form.ticketNumbers),
        confidentiality: form.confidentiality,
        readers: form.confidentiality === 'restricted' ? form.readers : [],
        retentionYears: retention ? Number(retention) : undefined,
      });
      setRegistered(document);
      return document;
    } catch (error) {
      const { fields, other } = fieldErrors(error);
      setErrors(fields);
      setFailure(
        other
          ? t('register.failed', { message: other })
          : t('register.invalid'),
      );
      return undefined;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.title.trim()) missing.title = t('register.required');
    if (!form.date) missing.date = t('register.required');
    setErrors(missing);
    setFailure(undefined);
    if (Object.keys(missing).length > 0) {
      setFailure(t('register.invalid'));
      return;
    }
    setBusy(true);
    try {
      const document = await register();
      if (!document) return;
      if (file) {
        try {
          await api.uploadVersion(document.id, {
            name: file.name,
            content: file,
          });
        } catch (error) {
          const { fields } = fieldErrors(error);
          setErrors({ file: fields.file ?? messageOf(error) });
          setFailure(
            t('register.uploadFailed', {
              number: document.number,
              message: messageOf(error),
            }),
          );
          return;
        }
      }
      const to = links.document(document.id);
      props.onClose();
      if (to) navigate(to);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open fullWidth maxWidth="md" onClose={props.onClose}>
      <form onSubmit={submit} noValidate data-testid="archive-register-form">
        <DialogTitle>
          {registered
            ? `${t('register.title')} · ${registered.number}`
            : t('register.title')}
        </DialogTitle>
        <DialogContent>
          {/* Once registered, only the file is sent again. */}
          <fieldset
            disabled={Boolean(registered)}
            style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
          >
            <Grid container spacing={2}>
              {failure && (
                <Grid item xs={12}>
                  <Alert severity="error" data-testid="archive-register-error">
                    {failure}
                  </Alert>
                </Grid>
              )}
              <Grid item xs={12} sm={6}>
                <ChoiceField
                  label={t('field.documentClass')}
                  value={form.documentClass}
                  testId="register-class"
                  error={errors.documentClass}
                  onChange={value =>
                    set('documentClass', value as DocumentClass)
                  }
                >
                  {DOCUMENT_CLASSES.map(value => (
                    <option key={value} value={value}>
                      {t(`class.${value}`)}
                    </option>
                  ))}
                </ChoiceField>
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  fullWidth
                  label={t('field.subClass')}
                  value={form.subClass}
                  error={Boolean(errors.subClass)}
                  helperText={errors.subClass ?? t('register.subClassHelp')}
                  onChange={event => set('subClass', event.target.value)}
                  inputProps={{ 'data-testid': 'register-subclass' }}
                />
              </Grid>
              <Grid item xs={12}>
                <TextField
                  fullWidth
                  required
                  label={t('field.title')}
                  value={form.title}
                  error={Boolean(errors.title)}
                  helperText={errors.title}
                  onChange={event => set('title', event.target.value)}
                  inputProps={{ 'data-testid': 'register-title' }}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  fullWidth
                  required
                  type="date"
                  label={t('field.date')}
                  InputLabelProps={{ shrink: true }}
                  value={form.date}
                  error={Boolean(errors.date)}
                  helperText={errors.date}
                  onChange={event => set('date', event.target.value)}
                  inputProps={{ 'data-testid': 'register-date' }}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <ChoiceField
                  label={t('field.source')}
                  value={form.source}
                  testId="register-source"
                  error={errors.source}
                  onChange={value => set('source', value as DocumentSource)}
                >
                  {DOCUMENT_SOURCES.map(value => (
                    <option key={value} value={value}>
                      {t(`source.${value}`)}
                    </option>
                  ))}
                </ChoiceField>
              </Grid>
              <Grid item xs={12} sm={6}>
                <EntityPicker
                  label={t('field.systemRefs')}
                  options={systems.options}
                  loading={systems.loading}
                  value={form.systemRefs}
                  error={errors.systemRefs}
                  testId="register-systems"
                  onChange={refs => set('systemRefs', refs)}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <EntityPicker
                  label={t('field.entityRefs')}
                  options={devices.options}
                  loading={devices.loading}
                  value={form.entityRefs}
                  error={errors.entityRefs}
                  testId="register-entities"
                  onChange={refs => set('entityRefs', refs)}
                />
              </Grid>
              <Grid item xs={12}>
                <TextField
                  fullWidth
                  label={t('field.ticketNumbers')}
                  value={form.ticketNumbers}
                  error={Boolean(errors.ticketNumbers)}
                  helperText={
                    errors.ticketNumbers ?? t('register.ticketNumbersHelp')
                  }
                  onChange={event => set('ticketNumbers', event.target.value)}
                  inputProps={{ 'data-testid': 'register-tickets' }}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <ChoiceField
                  label={t('field.confidentiality')}
                  value={form.confidentiality}
                  testId="register-confidentiality"
                  error={errors.confidentiality}
                  onChange={value =>
                    set('confidentiality', value as Confidentiality)
                  }
                >
                  {CONFIDENTIALITIES.map(value => (
                    <option key={value} value={value}>
                      {t(`confidentiality.${value}`)}
                    </option>
                  ))}
                </ChoiceField>
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  fullWidth
                  type="number"
                  label={t('field.retentionYears')}
                  value={form.retentionYears}
                  error={Boolean(errors.retentionYears)}
                  helperText={
                    errors.retentionYears ?? t('register.retentionHelp')
                  }
                  onChange={event => set('retentionYears', event.target.value)}
                  inputProps={{ 'data-testid': 'register-retention', min: 1 }}
                />
              </Grid>
              {form.confidentiality === 'restricted' && (
                <Grid item xs={12}>
                  <EntityPicker
                    label={t('field.readers')}
                    helperText={t('register.readersHelp')}
                    options={users.options}
                    loading={users.loading}
                    value={form.readers}
                    error={errors.readers}
                    testId="register-readers"
                    onChange={refs => set('readers', refs)}
                  />
                </Grid>
              )}
            </Grid>
          </fieldset>
          <Grid container spacing={2} style={{ marginTop: 8 }}>
            <Grid item xs={12}>
              <FileField
                label={t('field.file')}
                helperText={t('register.fileHelp')}
                error={errors.file}
                file={file}
                testId="register-file"
                onChange={setFile}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('register.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy}
            data-testid="register-submit"
          >
            {t('register.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
