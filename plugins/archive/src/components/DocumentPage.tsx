import { Content, InfoCard, Link, Progress } from '@backstage/core-components';
import {
  useApi,
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  archiveCreatePermission,
  type ArchiveDocument,
  type DocumentVersion,
} from '@internal/plugin-archive-common';
import {
  CourtErrorPanel,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState, type ReactNode } from 'react';
import { archiveApiRef } from '../api';
import { formatBytes, formatInstant } from '../format';
import { useArchiveLinks } from '../hooks';
import { documentRouteRef } from '../routes';
import { archiveTranslationRef } from '../translation';
import { ActorLink, ConfidentialityBadge } from './labels';
import { UploadVersionDialog } from './UploadVersionDialog';

/** `/archive/documents/:id`. */
export function DocumentPage() {
  const { id } = useRouteRefParams(documentRouteRef);
  return <DocumentView id={id} />;
}

/** A document: metadata, what it relates to, every version of its file. */
export function DocumentView(props: { id: string }) {
  const { id } = props;
  const { t } = useTranslationRef(archiveTranslationRef);
  const api = useApi(archiveApiRef);
  const links = useArchiveLinks();
  const canCreate = usePermission({ permission: archiveCreatePermission });
  const [uploading, setUploading] = useState(false);
  const document = useAsyncReload(() => api.getDocument(id), [api, id]);
  const back = links.root();

  if (document.loading && !document.value) return <Progress />;
  if (document.error) {
    const notFound =
      ResponseError.is(document.error) && document.error.statusCode === 404;
    return (
      <Content>
        {notFound ? (
          <Alert severity="info" data-testid="archive-not-found">
            {t('document.notFound')}
          </Alert>
        ) : (
          <CourtErrorPanel error={document.error} />
        )}
        {back && <Link to={back}>{t('page.backToArchive')}</Link>}
      </Content>
    );
  }
  if (!document.value) return null;
  const doc = document.value;

  return (
    <Content>
      <Grid container spacing={3} data-testid="archive-document">
        <Grid item xs={12}>
          {back && <Link to={back}>{t('page.backToArchive')}</Link>}
          <Typography variant="h4" component="h1" style={{ marginTop: 8 }}>
            <span data-testid="archive-document-number">{doc.number}</span>{' '}
            {doc.title}
          </Typography>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title={t('document.metadata')}>
            <Metadata document={doc} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title={t('document.related')}>
            <Related document={doc} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title={t('document.versions')}
            action={
              canCreate.allowed ? (
                <Button
                  color="primary"
                  variant="outlined"
                  onClick={() => setUploading(true)}
                  data-testid="archive-upload"
                >
                  {t('upload.button')}
                </Button>
              ) : undefined
            }
          >
            <Versions document={doc} />
          </InfoCard>
        </Grid>
      </Grid>
      {uploading && (
        <UploadVersionDialog
          documentId={doc.id}
          onClose={() => setUploading(false)}
          onUploaded={() => {
            setUploading(false);
            document.retry();
          }}
        />
      )}
    </Content>
  );
}

function Row(props: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" style={{ width: '35%' }}>
        {props.label}
      </TableCell>
      <TableCell>{props.children}</TableCell>
    </TableRow>
  );
}

function Metadata(props: { document: ArchiveDocument }) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const doc = props.document;
  return (
    <Table size="small">
      <TableBody>
        <Row label={t('field.number')}>{doc.number}</Row>
        <Row label={t('field.documentClass')}>
          {t(`class.${doc.documentClass}`)}
        </Row>
        <Row label={t('field.subClass')}>
          {doc.subClass ?? t('document.none')}
        </Row>
        <Row label={t('field.date')}>{doc.date}</Row>
        <Row label={t('field.source')}>{t(`source.${doc.source}`)}</Row>
        <Row label={t('field.confidentiality')}>
          <ConfidentialityBadge confidentiality={doc.confidentiality} />
        </Row>
        {doc.confidentiality === 'restricted' && (
          <Row label={t('field.readers')}>
            <RefList refs={doc.readers} />
          </Row>
        )}
        <Row label={t('field.retentionYears')}>
          {doc.retentionYears
            ? t('document.years', { years: String(doc.retentionYears) })
            : t('document.permanent')}
        </Row>
        <Row label={t('field.createdBy')}>
          <ActorLink actor={doc.createdBy} /> · {formatInstant(doc.createdAt)}
        </Row>
        {doc.sourceKey && (
          <Row label={t('field.filedFrom')}>{doc.sourceKey}</Row>
        )}
      </TableBody>
    </Table>
  );
}

function RefList(props: { refs: readonly string[] }) {
  const { t } = useTranslationRef(archiveTranslationRef);
  if (props.refs.length === 0) return <>{t('document.none')}</>;
  return (
    <>
      {props.refs.map((ref, index) => (
        <span key={ref}>
          {index > 0 && ', '}
          <EntityRefLink entityRef={ref} hideIcon />
        </span>
      ))}
    </>
  );
}

function Related(props: { document: ArchiveDocument }) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const links = useArchiveLinks();
  const doc = props.document;
  return (
    <Table size="small" data-testid="archive-related">
      <TableBody>
        <Row label={t('field.systemRefs')}>
          <RefList refs={doc.systemRefs} />
        </Row>
        <Row label={t('field.entityRefs')}>
          <RefList refs={doc.entityRefs} />
        </Row>
        <Row label={t('field.ticketNumbers')}>
          {doc.ticketNumbers.length === 0
            ? t('document.none')
            : doc.ticketNumbers.map((number, index) => {
                const to = links.ticket(number);
                return (
                  <span key={number}>
                    {index > 0 && ', '}
                    {to ? <Link to={to}>{number}</Link> : number}
                  </span>
                );
              })}
        </Row>
      </TableBody>
    </Table>
  );
}

function Versions(props: { document: ArchiveDocument }) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const doc = props.document;
  if (doc.versions.length === 0) {
    return (
      <Typography color="textSecondary">{t('document.noVersions')}</Typography>
    );
  }
  return (
    <Table size="small" data-testid="archive-versions">
      <TableHead>
        <TableRow>
          <TableCell>{t('document.version')}</TableCell>
          <TableCell>{t('document.fileName')}</TableCell>
          <TableCell>{t('document.size')}</TableCell>
          <TableCell>{t('document.sha256')}</TableCell>
          <TableCell>{t('document.uploadedBy')}</TableCell>
          <TableCell>{t('document.uploadedAt')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {[...doc.versions].reverse().map(version => (
          <TableRow key={version.version} data-testid="archive-version">
            <TableCell>{version.version}</TableCell>
            <TableCell>
              {version.fileName}
              {version.note && (
                <Typography variant="body2" color="textSecondary">
                  {version.note}
                </Typography>
              )}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {formatBytes(version.bytes)}
            </TableCell>
            <TableCell>
              <code style={{ wordBreak: 'break-all', fontSize: '0.75rem' }}>
                {version.sha256}
              </code>
            </TableCell>
            <TableCell>
              <ActorLink actor={version.uploadedBy} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {formatInstant(version.uploadedAt)}
            </TableCell>
            <TableCell>
              <DownloadButton documentId={doc.id} version={version} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The file endpoint needs the user's token, which a plain link does not
 * carry: fetch it through the API and hand the browser the bytes.
 */
function DownloadButton(props: {
  documentId: string;
  version: DocumentVersion;
}) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const api = useApi(archiveApiRef);
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    try {
      const blob = await api.downloadVersion(
        props.documentId,
        props.version.version,
      );
      const url = URL.createObjectURL(blob);
      const anchor = window.document.createElement('a');
      anchor.href = url;
      anchor.download = props.version.fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Button
        size="small"
        color="primary"
        onClick={download}
        data-testid={`archive-download-${props.version.version}`}
      >
        {t('document.download')}
      </Button>
      {error && <Typography color="error">{error}</Typography>}
    </>
  );
}
