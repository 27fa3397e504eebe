import { Progress, Table } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { StoredPlan } from '@internal/plugin-inspections-common';
import { Fragment } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useLocalize } from '../../hooks/useLanguage';
import { useNames } from '../../hooks/useNames';
import { inspectionsTranslationRef } from '../../translation';

/** The plans in force: what is inspected, how often, by which team. Changed through the API. */
export function PlansView() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const localize = useLocalize();
  const names = useNames();
  const plans = useAsync(() => api.getPlans(), [api]);
  const templates = useAsync(() => api.getTemplates(), [api]);
  const templateName = (id: string) => {
    const template = templates.value?.find(candidate => candidate.id === id);
    return template ? localize(template.title, template.titleEn) : id;
  };
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
          render: plan => (
            <span data-testid={`plan-devices-${plan.id}`}>
              {[
                plan.devices.kind === 'component'
                  ? t('round.applications')
                  : undefined,
                ...(plan.devices.classes ?? []).map(names.deviceClass),
              ]
                .filter(Boolean)
                .join(', ')}
              {[
                ...(plan.devices.systems ?? []),
                ...(plan.devices.entities ?? []),
              ].map(ref => (
                <Fragment key={ref}>
                  {', '}
                  <EntityRefLink entityRef={ref} />
                </Fragment>
              ))}
            </span>
          ),
        },
        {
          title: t('plans.template'),
          render: plan =>
            plan.template ? templateName(plan.template) : t('plans.byProfile'),
        },
        {
          title: t('plans.team'),
          render: plan => <EntityRefLink entityRef={plan.team} />,
        },
        {
          title: t('plans.calendar'),
          render: plan => names.calendar(plan.calendar),
        },
      ]}
    />
  );
}
