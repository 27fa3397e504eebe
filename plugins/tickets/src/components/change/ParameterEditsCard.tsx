import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ParameterEdit } from '@internal/plugin-tickets-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';

/** The key-parameter edits the change carries, and whether each is in the register yet. */
export function ParameterEditsCard(props: { edits: readonly ParameterEdit[] }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  return (
    <InfoCard title={t('change.edits')}>
      {props.edits.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('change.noEdits')}
        </Typography>
      ) : (
        <Table size="small" data-testid="parameter-edits">
          <TableHead>
            <TableRow>
              <TableCell>{t('change.device')}</TableCell>
              <TableCell>{t('change.parameter')}</TableCell>
              <TableCell>{t('change.oldValue')}</TableCell>
              <TableCell>{t('change.newValue')}</TableCell>
              <TableCell>{t('change.applied')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.edits.map(edit => (
              <TableRow key={`${edit.device}#${edit.parameter}`}>
                <TableCell>
                  <EntityRefLink entityRef={edit.device} hideIcon />
                </TableCell>
                <TableCell>{edit.parameter}</TableCell>
                <TableCell>{edit.oldValue}</TableCell>
                <TableCell>{edit.newValue}</TableCell>
                <TableCell data-testid={`edit-applied-${edit.parameter}`}>
                  {edit.appliedAt
                    ? formatInstant(edit.appliedAt)
                    : t('change.notApplied')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
