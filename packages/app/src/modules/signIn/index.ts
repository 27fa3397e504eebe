import { SignInPageBlueprint } from '@backstage/plugin-app-react';

export const exampleUserSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      (await import('./ExampleUserSignInPage')).ExampleUserSignInPage,
  },
});
