import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { courtLightTheme } from './theme';
import { exampleUserSignInPage } from '../signIn';

/** The app plugin's court-specific parts: theme and sign-in. */
export const courtAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [courtLightTheme, exampleUserSignInPage],
});

