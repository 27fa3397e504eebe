import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ChoiceField,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import type { DutyPost, Shift, Swap } from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dutyApiRef } from '../../api';
import { useDutyPermissions, useEngineerNames } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { DecisionBar } from '../shared/DecisionBar';
import {
  FormOutcome,
  RequestCard,
  RequestForm,
  RequestList,
} from '../shared/RequestCards';
import { useShiftLabel } from '../shared/shiftLabel';

/**
 * Swaps (换班): an engineer hands one of their shifts not yet started to a colleague, optionally
 * taking one of the colleague's in return; the ops manager approves (the roster rules are checked
 * then) or refuses with a reason. An approved swap shows in the month's calendar.
 */
export function SwapsView(props: {
  month: string;
  /** The court's "now" (the duty backend's clock): only shifts after it may be swapped. */
  now: string;
  posts: readonly DutyPost[];
  engineers: readonly string[];
  onOpenRoster: (month: string) => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const swaps = useAsyncReload(() => api.listSwaps(), [api]);
  // The month's shifts, for the colleague's shift in return and to name the swapped shifts.
  const roster = useAsyncReload(
    () => api.getRoster(props.month).catch(() => undefined),
    [api, props.month],
  );
  const shifts = new Map(roster.value?.shifts.map(s => [s.id, s]) ?? []);
  const reload = () => {
    swaps.retry();
    roster.retry();
  };
  return (
    <>
      {can.stand && (
        <SwapRequestForm
          {...props}
          rosterShifts={roster.value?.shifts ?? []}
          onRequested={reload}
        />
      )}
      <RequestList
        title={t('swaps.list')}
        requests={swaps}
        none={
          <Typography data-testid="swaps-none">{t('swaps.none')}</Typography>
        }
      >
        {swap => (
          <SwapCard
            key={swap.id}
            swap={swap}
            shifts={shifts}
            posts={props.posts}
            onDecided={reload}
            onOpenRoster={() => props.onOpenRoster(props.month)}
          />
        )}
      </RequestList>
    </>
  );
}

function SwapRequestForm(props: {
  month: string;
  now: string;
  posts: readonly DutyPost[];
  engineers: readonly string[];
  rosterShifts: readonly Shift[];
  onRequested: () => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const engineerName = useEngineerNames();
  const shiftLabel = useShiftLabel(props.posts);
  const mine = useAsync(() => api.myShifts(props.month), [api, props.month]);
  const [shiftId, setShiftId] = useState('');
  const [toEngineer, setToEngineer] = useState('');
  const [returnShiftId, setReturnShiftId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [requested, setRequested] = useState(false);

  const notStarted = (shift: Shift) => shift.startsAt > props.now;
  const myShifts = (mine.value ?? []).filter(notStarted);
  const me = mine.value?.[0]?.engineer;
  const colleagues = props.engineers.filter(ref => ref !== me);
  const theirShifts = props.rosterShifts.filter(
    s => s.engineer === toEngineer && notStarted(s),
  );
  if (!mine.loading && myShifts.length === 0) {
    return (
      <Typography data-testid="swap-nothing">
        {t('swaps.nothingToSwap')}
      </Typography>
    );
  }
  const submit = async () => {
    setError(undefined);
    setRequested(false);
    try {
      await api.requestSwap({
        shiftId,
        toEngineer,
        ...(returnShiftId ? { returnShiftId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setShiftId('');
      setReturnShiftId('');
      setNote('');
      setRequested(true);
      props.onRequested();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <RequestForm
      title={t('swaps.request')}
      outcome={
        <>
          <FormOutcome severity="success" testId="swap-requested">
            {requested && t('swaps.requested')}
          </FormOutcome>
          <FormOutcome severity="error" testId="swap-error">
            {error}
          </FormOutcome>
        </>
      }
    >
      <Box minWidth={220}>
        <ChoiceField
          label={t('swaps.myShift')}
          value={shiftId}
          testId="swap-shift"
          placeholder={t('swaps.choose')}
          onChange={setShiftId}
        >
          {myShifts.map(shift => (
            <option key={shift.id} value={shift.id}>
              {shiftLabel(shift)}
            </option>
          ))}
        </ChoiceField>
      </Box>
      <Box minWidth={160}>
        <ChoiceField
          label={t('swaps.colleague')}
          value={toEngineer}
          testId="swap-colleague"
          placeholder={t('swaps.choose')}
          onChange={value => {
            setToEngineer(value);
            setReturnShiftId('');
          }}
        >
          {colleagues.map(ref => (
            <option key={ref} value={ref}>
              {engineerName(ref)}
            </option>
          ))}
        </ChoiceField>
      </Box>
      <Box minWidth={220}>
        <ChoiceField
          label={t('swaps.inReturn')}
          value={returnShiftId}
          testId="swap-return"
          placeholder={t('swaps.nothingInReturn')}
          onChange={setReturnShiftId}
        >
          {theirShifts.map(shift => (
            <option key={shift.id} value={shift.id}>
              {shiftLabel(shift)}
            </option>
          ))}
        </ChoiceField>
      </Box>
      <TextField
        label={t('swaps.note')}
        value={note}
        style={{ minWidth: 200 }}
        inputProps={{ 'data-testid': 'swap-note' }}
        onChange={e => setNote(e.target.value)}
      />
      <Button
        variant="contained"
        color="primary"
        data-testid="swap-submit"
        disabled={!shiftId || !toEngineer}
        onClick={submit}
      >
        {t('swaps.submit')}
      </Button>
    </RequestForm>
  );
}

function SwapCard(props: {
  swap: Swap;
  shifts: ReadonlyMap<string, Shift>;
  posts: readonly DutyPost[];
  onDecided: () => void;
  onOpenRoster: () => void;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const engineerName = useEngineerNames();
  const shiftLabel = useShiftLabel(props.posts);
  const { swap } = props;
  // A shift of another month than the one shown is named by its id.
  const shiftText = (id: string) => {
    const shift = props.shifts.get(id);
    return shift ? shiftLabel(shift) : id;
  };
  return (
    <RequestCard
      kind="swap"
      id={swap.id}
      title={t('swaps.handOver', {
        shift: shiftText(swap.shiftId),
        from: engineerName(swap.fromEngineer),
        to: engineerName(swap.toEngineer),
      })}
      status={t(`swapStatus.${swap.status}`)}
    >
      {swap.returnShiftId && (
        <Typography variant="body2">
          {t('swaps.takesInReturn', {
            engineer: engineerName(swap.fromEngineer),
            shift: shiftText(swap.returnShiftId),
          })}
        </Typography>
      )}
      {swap.note && <Typography variant="body2">{swap.note}</Typography>}
      {swap.decidedBy && (
        <Typography variant="body2" color="textSecondary">
          {t('swaps.decidedBy', { engineer: engineerName(swap.decidedBy) })}
          {swap.reason ? `: ${swap.reason}` : ''}
        </Typography>
      )}
      {swap.status === 'requested' && can.manage && (
        <DecisionBar
          testIdPrefix="swap"
          decide={async decision => {
            await api.decideSwap(swap.id, decision);
            props.onDecided();
          }}
        />
      )}
      {swap.status === 'approved' && (
        <Button
          size="small"
          color="secondary"
          data-testid="swap-open-roster"
          onClick={props.onOpenRoster}
        >
          {t('swaps.openRoster')}
        </Button>
      )}
    </RequestCard>
  );
}
