import { Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { PermittedOnly } from '@internal/plugin-court-react';
import { Repair, sparesRepairPermission } from '@internal/plugin-spares-common';
import { sparesTranslationRef } from '../translation';

/** Repairs with their dates, loaner and the update and return actions. */
export function RepairTable(props: {
  title: string;
  repairs: readonly Repair[];
  testId: string;
  onAct: (mode: 'update' | 'return', repair: Repair) => void;
}) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const columns: TableColumn<Repair>[] = [
    {
      title: t('field.device'),
      render: r => (
        <>
          {r.number} · {r.deviceRef ?? r.partTypeId}{' '}
          {r.overdue && (
            <Chip
              size="small"
              color="secondary"
              label={t('repairs.overdueFlag')}
            />
          )}
        </>
      ),
    },
    { title: t('field.vendor'), field: 'vendorId' },
    { title: t('field.terms'), render: r => t(`terms.${r.terms}`) },
    { title: t('field.sentOn'), field: 'sentOn' },
    { title: t('field.promisedOn'), render: r => r.promisedOn ?? '' },
    {
      title: t('field.loaner'),
      render: r => [r.loaner, r.loanerWhere].filter(Boolean).join(' @ '),
    },
    { title: t('field.ticket'), render: r => r.ticket ?? '' },
    {
      title: t('field.returnedOn'),
      render: r =>
        r.returnedOn ? `${r.returnedOn} · ${t(`result.${r.result!}`)}` : '',
    },
    {
      title: '',
      render: r =>
        r.returnedOn ? null : (
          <PermittedOnly permission={sparesRepairPermission}>
            <Button size="small" onClick={() => props.onAct('update', r)}>
              {t('repairs.update')}
            </Button>
            <Button
              size="small"
              color="primary"
              onClick={() => props.onAct('return', r)}
              data-testid={`spares-repair-return-${r.number}`}
            >
              {t('repairs.giveBack')}
            </Button>
          </PermittedOnly>
        ),
    },
  ];
  return (
    <div data-testid={props.testId}>
      <Table
        title={props.title}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={[...props.repairs]}
        emptyContent={<div style={{ padding: 16 }}>{t('repairs.none')}</div>}
      />
    </div>
  );
}
