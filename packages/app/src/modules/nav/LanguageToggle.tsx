import { appLanguageApiRef, useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import TranslateIcon from '@material-ui/icons/Translate';
import { appTranslationRef } from '../../translation';

/** One click between Chinese and English: court users should not have to hunt in settings. */
export function LanguageToggle(props: { color?: 'inherit' | 'primary' }) {
  const languageApi = useApi(appLanguageApiRef);
  const { t } = useTranslationRef(appTranslationRef);
  const toggle = () => {
    const current = languageApi.getLanguage().language;
    languageApi.setLanguage(current === 'zh' ? 'en' : 'zh');
  };
  return (
    <Button
      color={props.color ?? 'primary'}
      startIcon={<TranslateIcon />}
      onClick={toggle}
      data-testid="language-toggle"
    >
      {t('nav.language')}
    </Button>
  );
}
