import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Content, InfoCard } from '@backstage/core-components';
import {
  useAppNavigate,
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { NewTicketForm } from './NewTicketForm';

/** `?entity=<ref>` from a system's or device's "New ticket" button, normalised. */
function prefilledRefs(params: URLSearchParams): string[] {
  return params.getAll('entity').flatMap(value => {
    try {
      return [stringifyEntityRef(parseEntityRef(value))];
    } catch {
      return [];
    }
  });
}

/** `/tickets/new`: file a ticket, then open it. */
export function NewTicketPage() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const navigate = useAppNavigate();
  const links = useTicketLinks();
  const [params] = useAppSearchParams();
  const initialEntityRefs = useMemo(() => prefilledRefs(params), [params]);

  return (
    <Content>
      <InfoCard title={t('form.heading')}>
        <NewTicketForm
          initialEntityRefs={initialEntityRefs}
          onCreated={ticket => {
            const href = links.ticket(ticket.number);
            if (href) navigate(href);
          }}
          onCancel={() => navigate(-1)}
        />
      </InfoCard>
    </Content>
  );
}
