import { AppRootElementBlueprint, createFrontendModule } from '@backstage/frontend-plugin-api';
import { courtLightTheme } from './theme';
import { exampleUserSignInPage } from '../signIn';
import { LuxonInReaderLanguage, TabTitleInReaderLanguage } from './ReaderLanguage';

const tabTitle = AppRootElementBlueprint.make({
  name: 'tab-title',
  params: { element: <TabTitleInReaderLanguage /> },
});

const luxonLocale = AppRootElementBlueprint.make({
  name: 'luxon-locale',
  params: { element: <LuxonInReaderLanguage /> },
});

/** The app plugin's court-specific parts: theme, sign-in, the tab title and relative times in the reader's language. */
export const courtAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [courtLightTheme, exampleUserSignInPage, tabTitle, luxonLocale],
});
