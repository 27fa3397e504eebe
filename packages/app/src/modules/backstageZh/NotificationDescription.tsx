import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { NotificationDescriptionProps } from '@backstage/plugin-notifications';
import { Button, Text } from '@backstage/ui';
import { useState } from 'react';
import { appTranslationRef } from '../../translation';

const SHORT_LENGTH = 100;

/** Backstage's notification description with its Show more / Show less in the reader's language. */
export function CourtNotificationDescription({ description }: NotificationDescriptionProps) {
  const { t } = useTranslationRef(appTranslationRef);
  const [shown, setShown] = useState(false);
  if (description.length <= SHORT_LENGTH) {
    return <Text variant="body-small">{description}</Text>;
  }
  return (
    <Text variant="body-small">
      {shown ? description : `${description.substring(0, SHORT_LENGTH)}...`}{' '}
      <Button variant="tertiary" onPress={() => setShown(!shown)}>
        {shown ? t('notifications.showLess') : t('notifications.showMore')}
      </Button>
    </Text>
  );
}
