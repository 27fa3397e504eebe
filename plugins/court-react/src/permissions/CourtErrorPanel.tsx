import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { courtPermissionTranslationRef } from './translation';

/** Did the backend refuse the caller's role (403), as opposed to failing? */
export function isForbidden(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    statusCode?: number;
    response?: { status?: number; statusCode?: number };
  };
  return (
    e.statusCode === 403 ||
    e.response?.status === 403 ||
    e.response?.statusCode === 403
  );
}

/** The translated "not available for your role" notice. */
export function NotForYourRole() {
  const { t } = useTranslationRef(courtPermissionTranslationRef);
  return (
    <Alert severity="info" data-testid="not-for-role">
      <AlertTitle>{t('notForRole.title')}</AlertTitle>
      {t('notForRole.body')}
    </Alert>
  );
}

/**
 * An API error for the page: a 403 becomes the translated "not available for your role" notice
 * instead of the raw "Request failed with 403 Forbidden"; anything else is Backstage's panel.
 */
export function CourtErrorPanel(props: { error: Error; title?: string }) {
  if (isForbidden(props.error)) return <NotForYourRole />;
  return <ResponseErrorPanel error={props.error} title={props.title} />;
}
