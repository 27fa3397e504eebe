import { LinkButton } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';

/** Home card for court staff: the one thing they come for, reporting a fault, as a big button. */
export function ReportFaultCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const newTicket = useTicketLinks().newTicket();
  if (!newTicket) return null;
  return (
    <div data-testid="report-fault-card">
      <LinkButton
        to={newTicket}
        color="primary"
        variant="contained"
        size="large"
        startIcon={<ReportProblemIcon />}
        data-testid="report-fault-button"
      >
        {t('home.reportFault')}
      </LinkButton>
      <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
        {t('home.reportFaultHint')}
      </Typography>
    </div>
  );
}
