import { Link } from '@backstage/core-components';
import {
  createFrontendModule,
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { UserEntity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { MissingYearBanner } from '@internal/plugin-calendar';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { appTranslationRef } from '../../translation';

function CourtWelcome() {
  const { t } = useTranslationRef(appTranslationRef);
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  // The catalog's User entity has the person's real name, whichever sign-in was used.
  const { value: displayName } = useAsync(async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    const user = (await catalogApi.getEntityByRef(userEntityRef)) as UserEntity | undefined;
    return user?.spec.profile?.displayName ?? (await identityApi.getProfileInfo()).displayName;
  }, [identityApi, catalogApi]);
  return (
    <div data-testid="court-welcome">
      {/* Ops managers and the court IT office: next year's official schedule is missing. */}
      <MissingYearBanner />
      <Typography variant="h5" gutterBottom>
        {t('home.welcome', { name: displayName ?? '' })}
      </Typography>
      <Typography paragraph>{t('home.intro')}</Typography>
      <Link to="/catalog">{t('home.browseSystems')}</Link>
    </div>
  );
}

const courtWelcomeWidget = HomePageWidgetBlueprint.make({
  name: 'court-welcome',
  params: {
    name: 'CourtWelcome',
    components: async () => ({ Content: CourtWelcome }),
  },
});

const courtHomeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: async () => (await import('./CourtHomeLayout')).CourtHomeLayout,
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [courtWelcomeWidget, courtHomeLayout],
});
