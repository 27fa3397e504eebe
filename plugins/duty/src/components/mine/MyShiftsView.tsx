import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import type { DutyPost } from '@internal/plugin-duty-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { dutyApiRef } from '../../api';
import { timeIn } from '../../time';
import { dutyTranslationRef } from '../../translation';
import { CheckInPanel } from '../checkin/CheckInPanel';
import { useShiftLabel } from '../shared/shiftLabel';
import { CalendarFeedPanel } from './CalendarFeedPanel';

/** The caller's shifts of the month, the check-in buttons and their calendar feed. */
export function MyShiftsView(props: {
  month: string;
  zone: string;
  posts: readonly DutyPost[];
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const shifts = useAsync(() => api.myShifts(props.month), [api, props.month]);
  const shiftLabel = useShiftLabel(props.posts);
  return (
    <>
      <CheckInPanel zone={props.zone} />
      <Typography variant="h6" style={{ marginTop: 24 }}>
        {t('mine.title', { month: props.month })}
      </Typography>
      {shifts.loading && <Progress />}
      {shifts.error && <CourtErrorPanel error={shifts.error} />}
      {shifts.value?.length === 0 && (
        <Typography data-testid="my-shifts-empty">{t('mine.empty')}</Typography>
      )}
      <List dense data-testid="my-shifts">
        {shifts.value?.map(shift => (
          <ListItem key={shift.id}>
            <ListItemText
              primary={shiftLabel(shift)}
              secondary={`${timeIn(shift.startsAt, props.zone)}–${timeIn(
                shift.endsAt,
                props.zone,
              )}`}
            />
          </ListItem>
        ))}
      </List>
      <CalendarFeedPanel />
    </>
  );
}
