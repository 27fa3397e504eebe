import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { DeadLetter } from '@internal/plugin-monitoring-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { monitoringTranslationRef } from '../translation';
import { courtTime } from './format';

/** Deliveries refused as malformed, newest first: what came, and the field the intake named. */
export function DeadLetterTable(props: { letters: readonly DeadLetter[] }) {
  const { t } = useTranslationRef(monitoringTranslationRef);
  if (props.letters.length === 0) {
    return (
      <Typography color="textSecondary" data-testid="monitoring-dead-letters">
        {t('empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="monitoring-dead-letters">
      <TableHead>
        <TableRow>
          <TableCell>{t('field.receivedAt')}</TableCell>
          <TableCell>{t('field.source')}</TableCell>
          <TableCell>{t('field.error')}</TableCell>
          <TableCell>{t('field.body')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.letters.map(letter => (
          <TableRow key={letter.id}>
            <TableCell>{courtTime(letter.receivedAt)}</TableCell>
            <TableCell>{t(`source.${letter.source}`)}</TableCell>
            <TableCell>{letter.error}</TableCell>
            <TableCell>
              <code style={{ wordBreak: 'break-all' }}>{letter.body}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
