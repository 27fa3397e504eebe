import { HOME_BY_ROLE, HOME_CARDS, homeCardsFor, type HomeRole } from './homeByRole';

const ROLES = Object.keys(HOME_BY_ROLE) as HomeRole[];

describe('homeCardsFor', () => {
  it('puts court staff’s report-a-fault button first after the welcome, then their tickets', () => {
    // The duty board, open alerts and live grants belong to no role: each shows to whoever its
    // own permission lets see it.
    expect(homeCardsFor('court-staff')).toEqual([
      'CourtWelcome',
      'ReportFault',
      'MyTickets',
      'DutyBoard',
      'OpenAlerts',
      'MyLiveGrants',
      'HomePageStarredEntities',
      'HomePageRecentlyVisited',
    ]);
  });

  it.each(ROLES)('shows %s its own cards in its order and no other role’s', role => {
    const cards = homeCardsFor(role);
    const others = ROLES.flatMap(r => HOME_BY_ROLE[r]).filter(
      name => !HOME_BY_ROLE[role].includes(name),
    );
    expect(cards.filter(name => HOME_BY_ROLE[role].includes(name))).toEqual(HOME_BY_ROLE[role]);
    expect(cards.filter(name => others.includes(name))).toEqual([]);
  });

  it('shows a card no role claims to everyone, in HOME_CARDS’ order', () => {
    const unclaimed = HOME_CARDS.map(card => card.name).filter(
      name => !ROLES.some(role => HOME_BY_ROLE[role].includes(name)),
    );
    for (const role of [...ROLES, undefined]) {
      expect(homeCardsFor(role).filter(name => unclaimed.includes(name))).toEqual(unclaimed);
    }
  });

  it('shows no role’s cards while the role is unknown', () => {
    expect(homeCardsFor(undefined)).toEqual([
      'CourtWelcome',
      'DutyBoard',
      'OpenAlerts',
      'MyLiveGrants',
      'HomePageStarredEntities',
      'HomePageRecentlyVisited',
    ]);
  });

  it('lists every role card in HOME_CARDS, so its place and width are known', () => {
    const names = new Set(HOME_CARDS.map(card => card.name));
    for (const role of ROLES) for (const name of HOME_BY_ROLE[role]) expect(names.has(name)).toBe(true);
  });
});
