import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { DocumentVersion } from '@internal/plugin-archive-common';
import { messageOf } from '@internal/plugin-court-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState, type FormEvent } from 'react';
import { archiveApiRef } from '../api';
import { fieldErrors } from '../errors';
import { archiveTranslationRef } from '../translation';
import { FileField } from './FileField';

/** A new version of a document's file: files never change, each upload adds one. */
export function UploadVersionDialog(props: {
  documentId: string;
  onClose: () => void;
  onUploaded: (version: DocumentVersion) => void;
}) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const api = useApi(archiveApiRef);
  const [file, setFile] = useState<File>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setErrors({ file: t('register.required') });
      return;
    }
    setBusy(true);
    try {
      const version = await api.uploadVersion(props.documentId, {
        name: file.name,
        content: file,
        note: note.trim() || undefined,
      });
      props.onUploaded(version);
    } catch (error) {
      const { fields } = fieldErrors(error);
      setErrors(
        fields.file || fields.note
          ? fields
          : { file: t('upload.failed', { message: messageOf(error) }) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open fullWidth maxWidth="sm" onClose={props.onClose}>
      <form onSubmit={submit} noValidate data-testid="archive-upload-form">
        <DialogTitle>{t('upload.title')}</DialogTitle>
        <DialogContent>
          <FileField
            label={t('field.file')}
            helperText={t('register.fileHelp')}
            error={errors.file}
            file={file}
            testId="upload-file"
            onChange={setFile}
          />
          <TextField
            fullWidth
            multiline
            label={t('upload.note')}
            value={note}
            error={Boolean(errors.note)}
            helperText={errors.note}
            onChange={event => setNote(event.target.value)}
            inputProps={{ 'data-testid': 'upload-note' }}
            style={{ marginTop: 16 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('upload.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy}
            data-testid="upload-submit"
          >
            {t('upload.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
