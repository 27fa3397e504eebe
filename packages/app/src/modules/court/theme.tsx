import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { UnifiedThemeProvider, createUnifiedTheme, palettes } from '@backstage/theme';

/** Court red and navy, the colours of the court's own signage. */
const courtTheme = createUnifiedTheme({
  palette: {
    ...palettes.light,
    primary: { main: '#1f3a68' },
    secondary: { main: '#b71c1c' },
    navigation: {
      ...palettes.light.navigation,
      background: '#1f3a68',
      indicator: '#e8b923',
      selectedColor: '#ffffff',
      color: '#c9d4e8',
    },
  },
  defaultPageTheme: 'home',
});

export const courtLightTheme = ThemeBlueprint.make({
  name: 'court-light',
  params: {
    theme: {
      id: 'court-light',
      title: 'Court',
      variant: 'light',
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={courtTheme} children={children} />
      ),
    },
  },
});
