import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isCourtDevice } from '@internal/plugin-court-common';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { PermittedOnly } from '@internal/plugin-court-react';
import { PagingClient } from '@internal/plugin-paging-common';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import {
  TicketsClient,
  changeApprovePermission,
  ticketCreatePermission,
  ticketReadAllPermission,
} from '@internal/plugin-tickets-common';
import type { ComponentType } from 'react';
import HeadsetMicIcon from '@material-ui/icons/HeadsetMic';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import SwapHorizIcon from '@material-ui/icons/SwapHoriz';
import { pagingApiRef, ticketsApiRef } from './api';
import {
  changeRouteRef,
  changesRouteRef,
  kbArticleRouteRef,
  newTicketRouteRef,
  pagingSettingsRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from './routes';
import { ticketsTranslationRef } from './translation';

export const ticketsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ticketsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TicketsClient({ discoveryApi, fetchApi }),
    }),
});

export const pagingApi = ApiBlueprint.make({
  name: 'paging',
  params: defineParams =>
    defineParams({
      api: pagingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PagingClient({ discoveryApi, fetchApi }),
    }),
});

/** Each person's own paging channels and quiet hours (docs/paging.md), beside the settings. */
export const pagingSettingsPage = PageBlueprint.make({
  name: 'paging-settings',
  params: {
    path: '/paging-settings',
    routeRef: pagingSettingsRouteRef,
    title: ticketsTranslationRef('paging.title'),
    icon: <NotificationsActiveIcon fontSize="inherit" />,
    loader: () =>
      import('./components/paging/PagingSettingsPage').then(m => (
        <m.PagingSettingsPage />
      )),
  },
});

/** 服务台 in the sidebar: the queue, or a requester's own tickets. */
export const serviceDeskPage = PageBlueprint.make({
  params: {
    path: '/tickets',
    routeRef: rootRouteRef,
    title: ticketsTranslationRef('page.desk'),
    icon: <HeadsetMicIcon fontSize="inherit" />,
    loader: () =>
      import('./components/queue/ServiceDeskPage').then(m => (
        <m.ServiceDeskPage />
      )),
  },
});

// No icon: the sidebar lists only the desk, not its form and ticket pages.
export const newTicketPage = PageBlueprint.make({
  name: 'new-ticket',
  params: {
    path: '/tickets/new',
    routeRef: newTicketRouteRef,
    title: ticketsTranslationRef('page.newTicket'),
    loader: () =>
      import('./components/newTicket/NewTicketPage').then(m => (
        <m.NewTicketPage />
      )),
  },
});

export const ticketPage = PageBlueprint.make({
  name: 'ticket',
  params: {
    path: '/tickets/:ticketRef',
    routeRef: ticketRouteRef,
    title: ticketsTranslationRef('page.ticket'),
    loader: () =>
      import('./components/ticket/TicketPage').then(m => <m.TicketPage />),
  },
});

/** 变更 in the sidebar: the list, calendar, pending approvals, freezes, success rate. */
export const changesPage = PageBlueprint.make({
  name: 'changes',
  params: {
    path: '/changes',
    routeRef: changesRouteRef,
    title: ticketsTranslationRef('page.changes'),
    icon: <SwapHorizIcon fontSize="inherit" />,
    loader: () =>
      import('./components/changes/ChangesPage').then(m => <m.ChangesPage />),
  },
});

export const changePage = PageBlueprint.make({
  name: 'change',
  params: {
    path: '/changes/:changeRef',
    routeRef: changeRouteRef,
    title: ticketsTranslationRef('page.change'),
    loader: () =>
      import('./components/change/ChangePage').then(m => <m.ChangePage />),
  },
});

/** What a ticket can be about: systems, devices and applications. */
const affectedEntity = {
  kind: { $in: ['system', 'resource', 'component'] },
};

export const entityTicketsContent = EntityContentBlueprint.make({
  name: 'tickets',
  params: {
    path: '/tickets',
    title: ticketsTranslationRef('entity.ticketsTab'),
    filter: affectedEntity,
    loader: () =>
      import('./components/entity/EntityTicketsContent').then(m => (
        <m.EntityTicketsContent />
      )),
  },
});

export const entitySlaContent = EntityContentBlueprint.make({
  name: 'sla',
  params: {
    path: '/sla',
    title: ticketsTranslationRef('entity.slaTab'),
    filter: affectedEntity,
    loader: () =>
      import('./components/entity/EntitySlaContent').then(m => (
        <m.EntitySlaContent />
      )),
  },
});

/** What a change can touch: systems and devices. */
export const entityChangesContent = EntityContentBlueprint.make({
  name: 'changes',
  params: {
    path: '/changes',
    title: ticketsTranslationRef('entity.changesTab'),
    filter: { kind: { $in: ['system', 'resource'] } },
    loader: () =>
      import('./components/entity/EntityChangesContent').then(m => (
        <m.EntityChangesContent />
      )),
  },
});

/** Key parameters (CAT-4) on every device's overview: current values and their history. */
export const keyParametersCard = EntityCardBlueprint.make({
  name: 'key-parameters',
  params: {
    filter: isCourtDevice,
    loader: () =>
      import('./components/entity/KeyParametersCard').then(m => (
        <m.KeyParametersCard />
      )),
  },
});

/**
 * A home card of the family, shown only to roles holding `permission`. The widget's title param
 * is a plain string; each card shows its own translated title.
 */
function homeWidget(
  name: string,
  widgetName: string,
  permission: BasicPermission,
  card: () => Promise<ComponentType>,
) {
  return HomePageWidgetBlueprint.make({
    name,
    params: {
      name: widgetName,
      components: () =>
        card().then(Card => ({
          Content: () => (
            <PermittedOnly permission={permission}>
              <Card />
            </PermittedOnly>
          ),
        })),
    },
  });
}

// Not shown to roles without the service desk (the portal admin).
export const slaAtRiskWidget = homeWidget('sla-at-risk', 'SlaAtRisk', ticketCreatePermission, () =>
  import('./components/home/SlaAtRiskCard').then(m => m.SlaAtRiskCard),
);

export const reportFaultWidget = homeWidget('report-fault', 'ReportFault', ticketCreatePermission, () =>
  import('./components/home/ReportFaultCard').then(m => m.ReportFaultCard),
);

export const myTicketsWidget = homeWidget('my-tickets', 'MyTickets', ticketCreatePermission, () =>
  import('./components/home/MyTicketsCard').then(m => m.MyTicketsCard),
);

export const deskQueueWidget = homeWidget('desk-queue', 'DeskQueue', ticketReadAllPermission, () =>
  import('./components/home/DeskQueueCard').then(m => m.DeskQueueCard),
);

export const pendingApprovalsWidget = homeWidget(
  'pending-approvals',
  'PendingApprovals',
  changeApprovePermission,
  () => import('./components/home/PendingApprovalsCard').then(m => m.PendingApprovalsCard),
);

/** The court's window picker for change templates (`ui:field: CourtWindowPicker`), in the scaffolder's form. */
export const windowPickerField = FormFieldBlueprint.make({
  name: 'window-picker',
  params: {
    field: () =>
      import('./components/scaffolder/WindowPickerField').then(m =>
        createFormField({
          name: 'CourtWindowPicker',
          component: m.WindowPickerField,
        }),
      ),
  },
});

/** The court's device-and-parameter picker (`ui:field: CourtParameterEdits`): current value and unit, checked new value. */
export const parameterEditsField = FormFieldBlueprint.make({
  name: 'parameter-edits',
  params: {
    field: () =>
      Promise.all([
        import('./components/scaffolder/ParameterEditsField'),
        import('./components/scaffolder/parameterEdits'),
      ]).then(([m, rules]) =>
        createFormField({
          name: 'CourtParameterEdits',
          component: m.ParameterEditsField,
          validation: rules.validateParameterEdits,
        }),
      ),
  },
});

/** The court's entity picker (`ui:field: CourtEntities`), so the review names systems, devices and people. */
export const entitiesField = FormFieldBlueprint.make({
  name: 'entities',
  params: {
    field: () =>
      import('./components/scaffolder/EntitiesField').then(m =>
        createFormField({ name: 'CourtEntities', component: m.EntitiesField }),
      ),
  },
});

export const ticketsPlugin = createFrontendPlugin({
  pluginId: 'tickets',
  title: 'Service desk',
  routes: {
    root: rootRouteRef,
    newTicket: newTicketRouteRef,
    ticket: ticketRouteRef,
    changes: changesRouteRef,
    change: changeRouteRef,
    pagingSettings: pagingSettingsRouteRef,
  },
  externalRoutes: {
    kbArticle: kbArticleRouteRef,
  },
  extensions: [
    ticketsApi,
    pagingApi,
    pagingSettingsPage,
    serviceDeskPage,
    newTicketPage,
    ticketPage,
    entityTicketsContent,
    entitySlaContent,
    slaAtRiskWidget,
    reportFaultWidget,
    myTicketsWidget,
    deskQueueWidget,
    pendingApprovalsWidget,
    changesPage,
    changePage,
    entityChangesContent,
    keyParametersCard,
    windowPickerField,
    parameterEditsField,
    entitiesField,
  ],
});
