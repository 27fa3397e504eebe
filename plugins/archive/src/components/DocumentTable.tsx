import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ArchiveDocument } from '@internal/plugin-archive-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useArchiveLinks } from '../hooks';
import { archiveTranslationRef } from '../translation';
import { ConfidentialityBadge } from './labels';

/** The register: number, title, class, date, source, confidentiality, latest version. */
export function DocumentTable(props: {
  documents: readonly ArchiveDocument[];
  /** What to say when there are none. */
  empty: string;
  testId: string;
}) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const links = useArchiveLinks();
  if (props.documents.length === 0) {
    return (
      <Typography color="textSecondary" data-testid={`${props.testId}-empty`}>
        {props.empty}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid={props.testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t('field.number')}</TableCell>
          <TableCell>{t('field.title')}</TableCell>
          <TableCell>{t('field.documentClass')}</TableCell>
          <TableCell>{t('field.date')}</TableCell>
          <TableCell>{t('field.source')}</TableCell>
          <TableCell>{t('field.confidentiality')}</TableCell>
          <TableCell>{t('field.latestVersion')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.documents.map(document => {
          const latest = document.versions[document.versions.length - 1];
          const to = links.document(document.id);
          return (
            <TableRow key={document.id} data-testid="archive-row">
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {document.number}
              </TableCell>
              <TableCell>
                {to ? <Link to={to}>{document.title}</Link> : document.title}
              </TableCell>
              <TableCell>
                {t(`class.${document.documentClass}`)}
                {document.subClass ? ` · ${document.subClass}` : ''}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {document.date}
              </TableCell>
              <TableCell>{t(`source.${document.source}`)}</TableCell>
              <TableCell>
                <ConfidentialityBadge
                  confidentiality={document.confidentiality}
                />
              </TableCell>
              <TableCell>
                {latest
                  ? `${t('browse.version', {
                      version: String(latest.version),
                    })} · ${latest.fileName}`
                  : t('browse.noVersion')}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
