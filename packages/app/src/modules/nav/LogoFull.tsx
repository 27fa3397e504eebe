import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { appTranslationRef } from '../../translation';
import { LogoIcon } from './LogoIcon';

export const LogoFull = () => {
  const { t } = useTranslationRef(appTranslationRef);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
      <LogoIcon />
      <span data-testid="app-title">{t('appTitle')}</span>
    </span>
  );
};
