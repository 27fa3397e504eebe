import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { readDeviceFacts, withUnit } from '@internal/plugin-court-common';
import { currentParameters } from '@internal/plugin-tickets-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useAsyncReload } from '@internal/plugin-court-react';
import { ticketsApiRef } from '../../api';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketSignal } from '../../hooks/useTicketSignal';
import { ticketsTranslationRef } from '../../translation';

/**
 * 关键参数 (CAT-4) on a device's overview: each key parameter's current value
 * (the latest approved change applied, else the catalog's) and the register's
 * history, with the change, who approved it and when.
 */
export function KeyParametersCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const { entity } = useEntity();
  const api = useApi(ticketsApiRef);
  const links = useTicketLinks();
  const device = stringifyEntityRef(entity);
  const register = useAsyncReload(
    () => api.getParameterRegister(device),
    [api, device],
  );
  // A change that succeeds anywhere may have written to this register.
  useTicketSignal(() => register.retry());

  const catalog = readDeviceFacts(entity)?.keyParameters ?? [];
  const history = register.value?.history ?? [];
  const current = currentParameters(catalog, history);
  const changeLink = (number: string) => {
    const href = links.ticket(number);
    return href ? <Link to={href}>{number}</Link> : number;
  };

  return (
    <InfoCard title={t('parameters.title')}>
      <div data-testid="key-parameter-register">
        <Typography variant="caption" color="textSecondary" paragraph>
          {t('parameters.hint')}
        </Typography>
        {register.error && <ResponseErrorPanel error={register.error} />}
        {register.loading && !register.value && <Progress />}
        {current.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {t('parameters.empty')}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('parameters.name')}</TableCell>
                <TableCell>{t('parameters.value')}</TableCell>
                <TableCell>{t('parameters.setBy')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {current.map(parameter => (
                <TableRow
                  key={parameter.name}
                  data-testid={`parameter-${parameter.name}`}
                >
                  <TableCell>
                    {parameter.name}
                    {parameter.description && (
                      <Typography variant="caption" display="block">
                        {parameter.description}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell data-testid={`parameter-value-${parameter.name}`}>
                    {withUnit(parameter.value, parameter.unit)}
                  </TableCell>
                  <TableCell>
                    {parameter.lastChange
                      ? changeLink(parameter.lastChange.changeNumber)
                      : t('parameters.catalog')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          {t('parameters.history')}
        </Typography>
        {history.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {t('parameters.noHistory')}
          </Typography>
        ) : (
          <Table size="small" data-testid="parameter-history">
            <TableHead>
              <TableRow>
                <TableCell>{t('parameters.name')}</TableCell>
                <TableCell>{t('parameters.values')}</TableCell>
                <TableCell>{t('parameters.change')}</TableCell>
                <TableCell>{t('parameters.approvedBy')}</TableCell>
                <TableCell>{t('parameters.applied')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map(record => (
                <TableRow
                  key={`${record.changeNumber}#${record.parameter}`}
                  data-testid={`history-${record.changeNumber}-${record.parameter}`}
                >
                  <TableCell>{record.parameter}</TableCell>
                  <TableCell>
                    {t('parameters.fromTo', {
                      from: record.oldValue,
                      to: record.newValue,
                    })}
                  </TableCell>
                  <TableCell>{changeLink(record.changeNumber)}</TableCell>
                  <TableCell>
                    {record.approvedBy && (
                      <EntityRefLink entityRef={record.approvedBy} hideIcon />
                    )}
                    {record.approvedAt &&
                      ` ${formatInstant(record.approvedAt)}`}
                  </TableCell>
                  <TableCell>{formatInstant(record.appliedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </InfoCard>
  );
}
