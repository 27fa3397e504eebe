import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CheckStatus } from '@internal/plugin-inspections-common';
import Chip from '@material-ui/core/Chip';
import { inspectionsTranslationRef } from '../../translation';

const COLORS = {
  pending: 'default',
  passed: 'primary',
  failed: 'secondary',
} as const;

/** To do, passed or failed. */
export function StatusChip(props: { status: CheckStatus; testId?: string }) {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  return (
    <Chip
      size="small"
      color={COLORS[props.status]}
      label={t(`status.${props.status}`)}
      data-testid={props.testId}
      data-status={props.status}
    />
  );
}
