import { Progress, Table } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { StoredPlan } from '@internal/plugin-inspections-common';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useLocalize } from '../../hooks/useLanguage';
import { inspectionsTranslationRef } from '../../translation';

/** The plans in force: what is inspected, how often, by which team. Changed through the API. */
export function PlansView() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const localize = useLocalize();
  const plans = useAsync(() => api.getPlans(), [api]);
  if (plans.error) return <CourtErrorPanel error={plans.error} />;
  if (!plans.value) return <Progress />;
  return (
    <Table<StoredPlan>
      title={t('plans.title')}
      options={{ paging: false, search: false, padding: 'dense' }}
      data={plans.value}
      columns={[
        {
          title: t('plans.plan'),
          render: plan =>
            `${localize(plan.title, plan.titleEn)}${
              plan.active ? '' : ` (${t('plans.inactive')})`
            }`,
        },
        {
          title: t('plans.frequency'),
          render: plan => t(`frequency.${plan.frequency}`),
        },
        {
          title: t('plans.devices'),
          render: plan =>
            [
              plan.devices.kind === 'component'
                ? t('round.applications')
                : undefined,
              ...(plan.devices.classes ?? []),
              ...(plan.devices.systems ?? []),
              ...(plan.devices.entities ?? []),
            ]
              .filter(Boolean)
              .join(', '),
        },
        {
          title: t('plans.template'),
          render: plan => plan.template ?? t('plans.byProfile'),
        },
        {
          title: t('plans.team'),
          render: plan => <EntityRefLink entityRef={plan.team} />,
        },
        { title: t('plans.calendar'), field: 'calendar' },
      ]}
    />
  );
}
