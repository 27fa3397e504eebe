import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useLocalize } from '../../hooks/useLanguage';
import { inspectionsTranslationRef } from '../../translation';

/** The period's virus-handling statistics from the PC checks (INSP-3): the coverage view's period. */
export function VirusSummaryCard(props: { from: string; to: string }) {
  const { from, to } = props;
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const localize = useLocalize();
  const summary = useAsync(() => api.getVirusSummary({ from, to }), [api, from, to]);
  // The handling options' names, from the checklist item that asks for them.
  const templates = useAsync(() => api.getTemplates(), [api]);
  const handlingItem = templates.value
    ?.flatMap(template => template.items)
    .find(item => item.stat === 'virus-handling');
  const optionName = (value: string) => {
    const option =
      handlingItem?.kind === 'choice'
        ? handlingItem.options.find(o => o.value === value)
        : undefined;
    return option ? localize(option.label, option.labelEn) : value;
  };
  const value = summary.value;
  return (
    <InfoCard title={t('virus.title', { from, to })}>
      {summary.loading && <Progress />}
      {value && value.checks === 0 && (
        <Typography color="textSecondary">{t('virus.none')}</Typography>
      )}
      {value && value.checks > 0 && (
        <Table size="small" data-testid="virus-summary">
          <TableBody>
            {(
              [
                ['virus.checks', value.checks],
                ['virus.pcs', value.pcs],
                ['virus.infected', value.infectedPcs],
                ['virus.found', value.virusesFound],
              ] as const
            ).map(([key, figure]) => (
              <TableRow key={key}>
                <TableCell>{t(key)}</TableCell>
                <TableCell align="right">{figure}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>{t('virus.handling')}</TableCell>
              <TableCell align="right">
                {Object.entries(value.handling)
                  .map(([option, count]) => `${optionName(option)} ${count}`)
                  .join(', ')}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
