import { ProxiedSignInPage } from '@backstage/core-components';
import { configApiRef, useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { appTranslationRef } from '../../translation';
import { LanguageToggle } from '../nav/LanguageToggle';
import { LogoFull } from '../nav/LogoFull';

const PROVIDER_ID = 'example-users';
const USER_HEADER = 'x-court-ops-example-user';
const STORAGE_KEY = 'court-ops:example-user';

const ROLES = ['requester', 'desk', 'engineer', 'ops-manager', 'court-it-office'] as const;
type Role = (typeof ROLES)[number];

interface ExampleUser {
  name: string;
  displayName: string;
  role: Role;
}

/**
 * The embedded default's sign-in: pick any example user, then the backend's example-users provider
 * signs in as that catalog User. Production uses the court's directory (OIDC) instead.
 */
export function ExampleUserSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const { t } = useTranslationRef(appTranslationRef);
  const [picked, setPicked] = useState(() => localStorage.getItem(STORAGE_KEY));
  const users = config.getOptional<ExampleUser[]>('courtOps.exampleUsers') ?? [];

  const forget = () => {
    localStorage.removeItem(STORAGE_KEY);
    setPicked(null);
  };

  if (picked) {
    return (
      <ProxiedSignInPage
        provider={PROVIDER_ID}
        headers={{ [USER_HEADER]: picked }}
        onSignInSuccess={identity =>
          props.onSignInSuccess({
            ...identity,
            getProfileInfo: () => identity.getProfileInfo(),
            getBackstageIdentity: () => identity.getBackstageIdentity(),
            getCredentials: () => identity.getCredentials(),
            // Signing out returns to the picker instead of silently signing in again.
            signOut: async () => {
              localStorage.removeItem(STORAGE_KEY);
              await identity.signOut();
            },
          })
        }
        ErrorComponent={({ error }) => (
          <Box p={4}>
            <Typography color="error">{error?.message}</Typography>
            <Button variant="outlined" onClick={forget}>
              {t('signIn.switchUser')}
            </Button>
          </Box>
        )}
      />
    );
  }

  const pick = (name: string) => {
    localStorage.setItem(STORAGE_KEY, name);
    setPicked(name);
  };

  return (
    <Box p={4} maxWidth={1100} margin="0 auto" data-testid="example-user-sign-in">
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Box color="#1f3a68">
          <LogoFull />
        </Box>
        <LanguageToggle />
      </Box>
      <Typography variant="h4" style={{ marginTop: 24 }}>
        {t('signIn.title')}
      </Typography>
      <Typography variant="subtitle1" color="textSecondary" gutterBottom>
        {t('courtName')} · {t('signIn.subtitle')}
      </Typography>
      <Grid container spacing={2}>
        {ROLES.map(role => (
          <Grid item xs={12} sm={6} md={4} key={role}>
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h6">{t(`roles.${role}`)}</Typography>
                {users
                  .filter(user => user.role === role)
                  .map(user => (
                    <Button
                      key={user.name}
                      fullWidth
                      style={{ justifyContent: 'flex-start' }}
                      data-testid={`sign-in-as-${user.name}`}
                      onClick={() => pick(user.name)}
                    >
                      {user.displayName} ({user.name})
                    </Button>
                  ))}
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
