import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { ChangeWarning } from '@internal/plugin-tickets-common';
import Alert from '@material-ui/lab/Alert';
import { formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';

/** Overlapping changes and freezes over this change's window. */
export function ChangeWarnings(props: { warnings: readonly ChangeWarning[] }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const span = (window: { start: string; end: string }) =>
    t('change.windowValue', {
      start: formatInstant(window.start),
      end: formatInstant(window.end),
    });
  return (
    <div data-testid="change-warnings">
      {props.warnings.map(warning =>
        warning.kind === 'overlap' ? (
          <Alert
            key={`overlap-${warning.number}`}
            severity="warning"
            data-testid="warning-overlap"
            style={{ marginBottom: 8 }}
          >
            {t('warnings.overlap', {
              number: warning.number,
              title: warning.title,
              window: span(warning.window),
            })}{' '}
            <EntityRefLinks entityRefs={[...warning.refs]} hideIcons />
          </Alert>
        ) : (
          <Alert
            key={`freeze-${warning.freezeId}`}
            severity={warning.excepted ? 'info' : 'error'}
            data-testid="warning-freeze"
            data-excepted={warning.excepted}
            style={{ marginBottom: 8 }}
          >
            {t('warnings.freeze', {
              title: warning.title,
              window: span(warning.window),
            })}{' '}
            {warning.excepted
              ? t('warnings.freezeExcepted')
              : t('warnings.freezeBlocked')}
          </Alert>
        ),
      )}
    </div>
  );
}
