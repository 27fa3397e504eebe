import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ChecklistTemplateVersion,
  InspectionCheck,
  SaveResultResponse,
} from '@internal/plugin-inspections-common';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { useLocalize } from '../../hooks/useLanguage';
import { inspectionsTranslationRef } from '../../translation';
import { StatusChip } from '../shared/StatusChip';
import { ItemField } from './ItemField';

/** One device of the route: a tap opens its checklist. */
export function CheckCard(props: {
  check: InspectionCheck;
  template?: ChecklistTemplateVersion;
  open: boolean;
  onToggle(): void;
  onSaved(response: SaveResultResponse): void;
}) {
  const { check, template } = props;
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const localize = useLocalize();
  const name = check.deviceRef.split('/')[1];
  return (
    <Card
      variant="outlined"
      style={{ marginBottom: 8 }}
      data-testid={`check-${name}`}
      data-check-id={check.id}
    >
      <CardActionArea onClick={props.onToggle} data-testid={`open-${name}`}>
        <CardContent style={{ paddingBottom: 12 }}>
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
            style={{ gap: 8 }}
          >
            <Typography variant="subtitle1">{check.deviceTitle}</Typography>
            <StatusChip status={check.status} testId={`status-${name}`} />
          </Box>
          {check.scannedAt && (
            <Typography variant="caption" color="textSecondary">
              {t('round.scanned', {
                time: DateTime.fromISO(check.scannedAt).toLocaleString(
                  DateTime.TIME_SIMPLE,
                ),
              })}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
      {props.open && template && (
        <CardContent
          style={{ paddingTop: 0 }}
          data-testid={`checklist-${name}`}
        >
          <Typography variant="caption" color="textSecondary">
            {t('round.checklist', {
              title: localize(template.title, template.titleEn),
              version: String(template.version),
            })}
          </Typography>
          {template.items.map(item => (
            <ItemField
              key={item.id}
              checkId={check.id}
              item={item}
              saved={check.results.find(r => r.itemId === item.id)}
              onSaved={props.onSaved}
            />
          ))}
        </CardContent>
      )}
    </Card>
  );
}
