import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { messageOf } from '@internal/plugin-court-react';
import type { AttendanceRecord } from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { timeIn } from '../../time';
import { dutyTranslationRef } from '../../translation';

/**
 * Check in and out of the caller's shift: two full-width buttons a thumb can hit on a phone.
 * With the duty room's code (from its QR code) the check-in counts as made in the room.
 */
export function CheckInPanel(props: { zone: string; roomCode?: string }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const [record, setRecord] = useState<AttendanceRecord>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<AttendanceRecord>) => {
    setBusy(true);
    setError(undefined);
    try {
      setRecord(await action());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 12 }}
      maxWidth={480}
    >
      {props.roomCode && <Alert severity="info">{t('checkIn.inRoom')}</Alert>}
      <Button
        variant="contained"
        color="primary"
        size="large"
        fullWidth
        data-testid="check-in"
        disabled={busy}
        style={{ minHeight: 56, fontSize: 20 }}
        onClick={() =>
          run(() =>
            api.checkIn(props.roomCode ? { roomCode: props.roomCode } : {}),
          )
        }
      >
        {t('checkIn.in')}
      </Button>
      <Button
        variant="outlined"
        size="large"
        fullWidth
        data-testid="check-out"
        disabled={busy}
        style={{ minHeight: 56, fontSize: 20 }}
        onClick={() => run(() => api.checkOut())}
      >
        {t('checkIn.out')}
      </Button>
      {record && (
        <Alert
          severity={record.flag === 'late' ? 'warning' : 'success'}
          data-testid="check-in-result"
        >
          {record.checkedOutAt
            ? t('checkIn.checkedOut', {
                time: timeIn(record.checkedOutAt, props.zone),
              })
            : t('checkIn.checkedIn', {
                time: timeIn(
                  record.checkedInAt ?? record.shift.startsAt,
                  props.zone,
                ),
                flag: t(`flag.${record.flag}`),
              })}
        </Alert>
      )}
      {error && (
        <Alert severity="error" data-testid="check-in-error">
          {error}
        </Alert>
      )}
    </Box>
  );
}
