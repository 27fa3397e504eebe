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
import { useFirstPermitted } from '@internal/plugin-court-react';
import { appTranslationRef } from '../../translation';
import { sectionOfPath } from '../backstageZh/visitSections';
import { HOME_CARDS, HOME_ROLES, homeCardsFor } from './homeByRole';

const HALF = new Set(HOME_CARDS.filter(card => card.half).map(card => card.name));


/**
 * The court's home: each role's own cards first (homeByRole.ts), in a fixed order instead of Backstage's customisable grid. Backstage's
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
  const role = useFirstPermitted(HOME_ROLES);
  const installed = new Map(widgets.map(widget => [widget.name, widget.component]));
  return (
    <Grid container spacing={3} data-testid={role.key && `home-${role.key}`}>
      {homeCardsFor(role.key).filter(name => installed.has(name)).map(name => (
        <Grid item xs={12} md={HALF.has(name) ? 6 : 12} key={name}>
          {retitled[name] ?? installed.get(name)}
        </Grid>
      ))}
    </Grid>
  );
}
