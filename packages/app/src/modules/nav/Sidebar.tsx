import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import { taskCreatePermission } from '@backstage/plugin-scaffolder-common/alpha';
import { accessGrantReadPermission } from '@internal/plugin-access-common';
import { archiveReadPermission } from '@internal/plugin-archive-common';
import { sparesReadPermission } from '@internal/plugin-spares-common';
import { auditReadPermission } from '@internal/plugin-audit-common';
import { PermittedOnly } from '@internal/plugin-court-react';
import { dutyRosterReadPermission } from '@internal/plugin-duty-common';
import { inspectionRoundReadPermission } from '@internal/plugin-inspections-common';
import { monitoringReadPermission } from '@internal/plugin-monitoring-common';
import { reportReadPermission } from '@internal/plugin-reports-common';
import {
  ticketCreatePermission,
  ticketReadAllPermission,
} from '@internal/plugin-tickets-common';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { appTranslationRef } from '../../translation';
import { LanguageToggle } from './LanguageToggle';
import { SidebarLogo } from './SidebarLogo';

/** Titles the court reads in its own language; other plugins keep their own titles. */
const translatedTitles = {
  'page:home': 'nav.home',
  'page:catalog': 'nav.catalog',
  'page:scaffolder': 'nav.create',
} as const;

/**
 * Entries shown only to roles that can use the page (issue 12 finding 12): court staff see no
 * 变更, 巡检 or 服务报告, the portal admin no service desk. Basic permissions of the role table that match
 * each page's audience; the backend enforces the same table.
 */
const navPermissions: Record<string, BasicPermission> = {
  'page:tickets': ticketCreatePermission,
  'page:tickets/changes': ticketReadAllPermission,
  'page:inspections': inspectionRoundReadPermission,
  'page:reports': reportReadPermission,
  'page:scaffolder': taskCreatePermission,
  'page:archive': archiveReadPermission,
  'page:spares': sparesReadPermission,
  'page:spares/repairs': sparesReadPermission,
  'page:audit': auditReadPermission,
  'page:access': accessGrantReadPermission,
  'page:duty': dutyRosterReadPermission,
  'page:monitoring': monitoringReadPermission,
};

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      // eslint-disable-next-line react-hooks/rules-of-hooks -- this is a render function
      const { t } = useTranslationRef(appTranslationRef);
      const nav = navItems.withComponent(item => {
        const key =
          translatedTitles[item.node.spec.id as keyof typeof translatedTitles];
        const entry = (
          <SidebarItem
            icon={() => item.icon}
            to={item.href}
            text={key ? t(key) : item.title}
          />
        );
        const permission = navPermissions[item.node.spec.id];
        return permission ? (
          <PermittedOnly permission={permission}>{entry}</PermittedOnly>
        ) : (
          entry
        );
      });

      nav.take('page:search'); // the search modal below replaces it
      nav.take('page:notifications'); // NotificationsSidebarItem below replaces it

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup
            label={t('nav.search')}
            icon={<SearchIcon />}
            to="/search"
          >
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label={t('nav.menu')} icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:catalog')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <div style={{ paddingLeft: 12 }}>
            <LanguageToggle color="inherit" />
          </div>
          <NotificationsSidebarItem text={t('pages.notifications')} />
          <SidebarDivider />
          <SidebarGroup
            label={t('nav.settings')}
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
            {nav.take('page:tickets/paging-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
