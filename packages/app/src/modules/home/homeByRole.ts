import {
  reportIssuePermission,
  reportReadPermission,
} from '@internal/plugin-reports-common';
import {
  changeApprovePermission,
  ticketCreatePermission,
  changeCreatePermission,
} from '@internal/plugin-tickets-common';
import type { PermittedChoice } from '@internal/plugin-court-react';

/** The home page's cards, top to bottom; `half` cards share a row on a wide screen. */
export const HOME_CARDS: ReadonlyArray<{ name: string; half?: boolean }> = [
  { name: 'CourtWelcome' },
  { name: 'ReportFault' },
  { name: 'DeskQueue' },
  { name: 'MyTickets' },
  { name: 'SlaAtRisk' },
  { name: 'TodaysRounds' },
  { name: 'DutyBoard' },
  { name: 'OpenAlerts' },
  { name: 'MyLiveGrants' },
  { name: 'PendingApprovals' },
  { name: 'MonthCompliance' },
  { name: 'HomePageStarredEntities', half: true },
  { name: 'HomePageRecentlyVisited', half: true },
];

export type HomeRole =
  | 'court-it-office'
  | 'ops-manager'
  | 'desk'
  | 'engineer'
  | 'court-staff';

/**
 * How the home tells roles apart, first match wins: by the permissions of the role table that
 * only that role (among those below it) holds, as the sidebar does. The backend enforces the
 * table regardless; this only picks what the home shows first.
 */
export const HOME_ROLES: ReadonlyArray<PermittedChoice<HomeRole>> = [
  { key: 'court-it-office', permissions: [changeApprovePermission] },
  { key: 'ops-manager', permissions: [reportIssuePermission] },
  // Those who work tickets and changes (a basic permission of theirs: the browser cannot ask a
  // resource one); of them, the desk also reads the figures it answers for.
  { key: 'desk', permissions: [changeCreatePermission, reportReadPermission] },
  { key: 'engineer', permissions: [changeCreatePermission] },
  { key: 'court-staff', permissions: [ticketCreatePermission] },
];

/** Each role's own cards, in its order; they take the place of the first such card in HOME_CARDS. */
export const HOME_BY_ROLE: Readonly<Record<HomeRole, readonly string[]>> = {
  'court-staff': ['ReportFault', 'MyTickets'],
  desk: ['DeskQueue', 'SlaAtRisk'],
  engineer: ['MyTickets', 'TodaysRounds'],
  'ops-manager': ['SlaAtRisk', 'TodaysRounds', 'MonthCompliance'],
  'court-it-office': ['PendingApprovals', 'MonthCompliance'],
};

/**
 * The names of the cards a role sees, top to bottom: the cards no role claims in HOME_CARDS'
 * order (a card added there shows to everyone, gated by its own permission), with the role's
 * own cards, in its order, where the first claimed card stands. No role yet (loading, or the
 * portal admin): none of the claimed cards.
 */
export function homeCardsFor(role: HomeRole | undefined): string[] {
  const claimed = new Set(Object.values(HOME_BY_ROLE).flat());
  const own = role ? HOME_BY_ROLE[role] : [];
  const names: string[] = [];
  let placed = false;
  for (const { name } of HOME_CARDS) {
    if (!claimed.has(name)) names.push(name);
    else if (!placed) {
      names.push(...own);
      placed = true;
    }
  }
  return names;
}
