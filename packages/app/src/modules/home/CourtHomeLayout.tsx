import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  HomePageRecentlyVisited,
  HomePageStarredEntities,
  VisitDisplayProvider,
  type Visit,
} from '@backstage/plugin-home';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import Grid from '@material-ui/core/Grid';
import type { ReactElement } from 'react';
import { appTranslationRef } from '../../translation';
import { sectionOfPath } from '../backstageZh/visitSections';

/** The home page's cards, top to bottom; `half` cards share a row on a wide screen. */
const HOME_CARDS: ReadonlyArray<{ name: string; half?: boolean }> = [
  { name: 'CourtWelcome' },
  { name: 'SlaAtRisk' },
  { name: 'TodaysRounds' },
  { name: 'DutyBoard' },
  { name: 'OpenAlerts' },
  { name: 'MyLiveGrants' },
  { name: 'HomePageStarredEntities', half: true },
  { name: 'HomePageRecentlyVisited', half: true },
];

/**
 * The court's home: a fixed order of cards instead of Backstage's customisable grid. Backstage's
 * own widgets carry their English titles baked in, so their cards are rendered here with titles in
 * the reader's language; the court's widgets translate their own.
 */
export function CourtHomeLayout({ widgets }: HomePageLayoutProps) {
  const { t } = useTranslationRef(appTranslationRef);
  const retitled: Record<string, ReactElement> = {
    HomePageStarredEntities: <HomePageStarredEntities title={t('home.starred')} />,
    HomePageRecentlyVisited: (
      <VisitDisplayProvider getLabel={(visit: Visit) => t(`visits.${sectionOfPath(visit.pathname)}`)}>
        <HomePageRecentlyVisited title={t('home.recentlyVisited')} />
      </VisitDisplayProvider>
    ),
  };
  const installed = new Map(widgets.map(widget => [widget.name, widget.component]));
  return (
    <Grid container spacing={3}>
      {HOME_CARDS.filter(card => installed.has(card.name)).map(card => (
        <Grid item xs={12} md={card.half ? 6 : 12} key={card.name}>
          {retitled[card.name] ?? installed.get(card.name)}
        </Grid>
      ))}
    </Grid>
  );
}
