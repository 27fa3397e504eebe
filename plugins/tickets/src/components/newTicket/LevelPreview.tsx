import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CLOCK_NAMES,
  levelOf,
  type Impact,
  type SlaPolicy,
  type Urgency,
} from '@internal/plugin-sla-common';
import {
  TICKET_TYPE_RULES,
  type TicketType,
} from '@internal/plugin-tickets-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ticketsTranslationRef } from '../../translation';
import { LevelChip } from '../shared/labels';
import { useTargetText } from '../shared/useTargetText';

/**
 * The level urgency × impact gives under the active policy, and what the
 * team then owes: so the reporter sees the consequence before filing.
 */
export function LevelPreview(props: {
  policy: SlaPolicy;
  type: TicketType;
  urgency?: Urgency;
  impact?: Impact;
}) {
  const { policy, type, urgency, impact } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const targetText = useTargetText();

  if (!urgency || !impact) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="ticket-level-preview"
      >
        {t('preview.pickBoth')}
      </Typography>
    );
  }

  const level = levelOf(policy, urgency, impact);
  return (
    <div data-testid="ticket-level-preview" data-level={level}>
      <LevelChip level={level} />
      {TICKET_TYPE_RULES[type].slaClocks ? (
        <Table size="small">
          <TableBody>
            {CLOCK_NAMES.map(clock => (
              <TableRow key={clock} data-testid={`preview-target-${clock}`}>
                <TableCell component="th">{t(`clock.${clock}`)}</TableCell>
                <TableCell>{targetText(policy.levels[level][clock])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">{t('preview.noClocks')}</Typography>
      )}
      <Typography variant="caption" color="textSecondary">
        {t('preview.policy', {
          id: policy.id,
          version: String(policy.version),
        })}
      </Typography>
    </div>
  );
}
