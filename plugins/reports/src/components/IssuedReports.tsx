import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ChoiceField,
  CourtErrorPanel,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import {
  reportAcknowledgePermission,
  reportIssuePermission,
  type IssueOutcome,
  type IssuedReport,
  type ReportLanguage,
  type ReportScope,
} from '@internal/plugin-reports-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { reportsApiRef } from '../api';
import { formatInstant } from '../format';
import { reportsTranslationRef } from '../translation';
import { EntityName } from './common';

/** Saves an issued file: fetched with the user's token, so a bare link would be refused. */
function FileButton(props: { reportId: string; name: string }) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const api = useApi(reportsApiRef);
  const [error, setError] = useState<string>();
  const download = async () => {
    try {
      const blob = await api.getFile(props.reportId, props.name);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = props.name;
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        className="no-print"
        style={{ textTransform: 'none' }}
        data-testid={`download-${props.reportId}-${props.name}`}
        onClick={download}
      >
        {t('issue.download', { name: props.name })}
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
    </>
  );
}

/** One version: who issued it, its files with their SHA-256, what changed, its receipt. */
function IssuedVersion(props: {
  report: IssuedReport;
  canAcknowledge: boolean;
  onAcknowledged: () => void;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const api = useApi(reportsApiRef);
  const { report } = props;
  const issuer = useEntityPresentation(report.issuedBy).primaryTitle;
  // Hooks run unconditionally; the issuer stands in until there is a receipt.
  const receiver = useEntityPresentation(
    report.acknowledgedBy ?? report.issuedBy,
  ).primaryTitle;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  let changesText: string = t('issue.firstVersion');
  if (report.version > 1) {
    changesText =
      report.changesFromPrevious.length === 0
        ? t('issue.noChanges')
        : `${t('issue.changed')}: ${report.changesFromPrevious
            .map(
              c =>
                `${c.path} ${JSON.stringify(c.before)} → ${JSON.stringify(
                  c.after,
                )}`,
            )
            .join('; ')}`;
  }
  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.acknowledgeReport(report.id);
      props.onAcknowledged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box mb={3} data-testid={`issued-${report.version}`}>
      <Typography variant="subtitle1">
        {t('issue.version', { version: String(report.version) })} ·{' '}
        {t(`issue.${report.language}`)}
        {report.systemRef && (
          <>
            {' · '}
            <EntityName entityRef={report.systemRef} />
          </>
        )}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {t('issue.issuedBy', {
          by: issuer,
          at: formatInstant(report.issuedAt),
        })}
      </Typography>
      {report.files.map(file => (
        <Box key={file.name} display="flex" alignItems="center" my={0.5}>
          <Typography
            variant="body2"
            style={{
              fontFamily: 'monospace',
              marginRight: 8,
              wordBreak: 'break-all',
            }}
            data-testid={`file-${report.version}-${file.name}`}
          >
            {t('issue.file', { name: file.name, sha256: file.sha256 })}
          </Typography>
          <FileButton reportId={report.id} name={file.name} />
        </Box>
      ))}
      <Typography variant="body2" data-testid={`changes-${report.version}`}>
        {changesText}
      </Typography>
      <Box data-testid={`receipt-${report.version}`}>
        {report.acknowledgedAt ? (
          <Typography variant="body2">
            {t('issue.acknowledged', {
              by: receiver,
              at: formatInstant(report.acknowledgedAt),
            })}
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('issue.notAcknowledged')}
          </Typography>
        )}
      </Box>
      {props.canAcknowledge && !report.acknowledgedAt && (
        <Button
          variant="contained"
          color="primary"
          className="no-print"
          disabled={busy}
          data-testid={`acknowledge-${report.version}`}
          onClick={acknowledge}
        >
          {t('issue.acknowledge')}
        </Button>
      )}
      {error && (
        <Alert severity="error" data-testid="acknowledge-error">
          {error}
        </Alert>
      )}
    </Box>
  );
}

/**
 * The reports issued for the period and scope on view, newest first; the ops manager issues
 * (a new version only when a figure changed) and the court IT office acknowledges receipt.
 */
export function IssuedReports(props: { scope: ReportScope }) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const api = useApi(reportsApiRef);
  const { scope } = props;
  const canIssue = usePermission({ permission: reportIssuePermission });
  const canAcknowledge = usePermission({
    permission: reportAcknowledgePermission,
  });
  const reports = useAsyncReload(
    async () =>
      (
        await api.listReports({
          kind: scope.kind,
          from: scope.from,
          to: scope.to,
        })
      ).filter(
        // The list is of the period; the scope is the page's.
        report => (report.systemRef ?? '') === (scope.system ?? ''),
      ),
    [api, scope.kind, scope.from, scope.to, scope.system],
  );
  const [confirming, setConfirming] = useState(false);
  const [language, setLanguage] = useState<ReportLanguage>('zh');
  const [outcome, setOutcome] = useState<IssueOutcome>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      setOutcome(
        await api.issueReport({
          kind: scope.kind,
          from: scope.from,
          to: scope.to,
          system: scope.system,
          language,
        }),
      );
      setConfirming(false);
      reports.retry();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title={t('issue.title')}>
      <div data-testid="issued-reports">
        {!canIssue.loading && canIssue.allowed && (
          <Button
            variant="contained"
            color="primary"
            className="no-print"
            data-testid="issue-report"
            onClick={() => {
              setError(undefined);
              setConfirming(true);
            }}
          >
            {t('issue.issue')}
          </Button>
        )}
        {outcome && (
          <Alert
            severity="success"
            data-testid="issue-outcome"
            style={{ marginTop: 8 }}
          >
            {outcome.created
              ? t('issue.issued', { version: String(outcome.report.version) })
              : t('issue.unchanged', {
                  version: String(outcome.report.version),
                })}
          </Alert>
        )}
        {error && !confirming && (
          <Alert severity="error" data-testid="issue-error">
            {error}
          </Alert>
        )}
        <Box mt={2}>
          {reports.loading && <Progress />}
          {reports.error && <CourtErrorPanel error={reports.error} />}
          {reports.value?.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              {t('issue.none')}
            </Typography>
          )}
          {reports.value?.map(report => (
            <IssuedVersion
              key={report.id}
              report={report}
              canAcknowledge={!canAcknowledge.loading && canAcknowledge.allowed}
              onAcknowledged={reports.retry}
            />
          ))}
        </Box>
        <Dialog open={confirming} onClose={() => setConfirming(false)}>
          <DialogTitle>
            {t('issue.confirmTitle', { from: scope.from, to: scope.to })}
          </DialogTitle>
          <DialogContent>
            <Typography variant="body2" paragraph>
              {t('issue.confirmBody')}
            </Typography>
            <ChoiceField
              label={t('issue.language')}
              value={language}
              testId="issue-language"
              onChange={value => setLanguage(value as ReportLanguage)}
            >
              <option value="zh">{t('issue.zh')}</option>
              <option value="en">{t('issue.en')}</option>
            </ChoiceField>
            {error && (
              <Alert severity="error" data-testid="issue-error">
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)}>
              {t('issue.cancel')}
            </Button>
            <Button
              color="primary"
              variant="contained"
              disabled={busy}
              data-testid="confirm-issue"
              onClick={issue}
            >
              {t('issue.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      </div>
    </InfoCard>
  );
}
