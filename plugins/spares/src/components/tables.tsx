import { Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Movement, PartStock } from '@internal/plugin-spares-common';
import { DateTime } from 'luxon';
import { sparesTranslationRef } from '../translation';

/** Part types with their stock, per location and in all. */
export function StockTable(props: {
  title: string;
  stock: readonly PartStock[];
  testId: string;
  action?: (stock: PartStock) => JSX.Element;
}) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const columns: TableColumn<PartStock>[] = [
    {
      title: t('field.partType'),
      render: s => `${s.partType.name} (${s.partType.id})`,
    },
    {
      title: t('field.total'),
      render: s => (
        <span style={{ color: s.belowMinimum ? '#c62828' : undefined }}>
          {s.total}
        </span>
      ),
    },
    { title: t('field.minimum'), render: s => s.partType.minimum },
    {
      title: t('field.byLocation'),
      render: s =>
        s.byLocation.map(l => `${l.locationId}: ${l.quantity}`).join(', '),
    },
    ...(props.action ? [{ title: '', render: props.action }] : []),
  ];
  return (
    <div data-testid={props.testId}>
      <Table
        title={props.title}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={[...props.stock]}
        emptyContent={<div style={{ padding: 16 }}>{t('store.none')}</div>}
      />
    </div>
  );
}

/** Movements, newest first. */
export function MovementTable(props: {
  title: string;
  movements: readonly Movement[];
  testId: string;
}) {
  const { t } = useTranslationRef(sparesTranslationRef);
  const columns: TableColumn<Movement>[] = [
    {
      title: t('field.when'),
      render: m =>
        DateTime.fromISO(m.at).toLocal().toFormat('yyyy-MM-dd HH:mm'),
    },
    { title: t('field.kind'), render: m => t(`kind.${m.kind}`) },
    { title: t('field.partType'), field: 'partTypeId' },
    { title: t('field.location'), field: 'locationId' },
    {
      title: t('field.delta'),
      render: m => (m.delta > 0 ? `+${m.delta}` : m.delta),
    },
    { title: t('field.ticket'), render: m => m.ticket ?? m.change ?? '' },
    {
      title: t('field.reason'),
      render: m => [m.fitWarning, m.reason].filter(Boolean).join(' — '),
    },
    {
      title: t('field.who'),
      render: m => m.actor.replace(/^user:default\//, ''),
    },
  ];
  return (
    <div data-testid={props.testId}>
      <Table
        title={props.title}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={[...props.movements]}
        emptyContent={<div style={{ padding: 16 }}>{t('store.none')}</div>}
      />
    </div>
  );
}
