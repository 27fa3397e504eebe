import { Progress } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { ReactNode } from 'react';

/**
 * The list of requests someone decides on (leave, swaps): its heading, loading and error states,
 * the words for an empty list, and one card per request.
 */
export function RequestList<T extends { id: string }>(props: {
  title: string;
  requests: { loading: boolean; error?: Error; value?: readonly T[] };
  none: ReactNode;
  children: (request: T) => ReactNode;
}) {
  const { requests } = props;
  return (
    <>
      <Typography variant="h6" style={{ marginTop: 16 }}>
        {props.title}
      </Typography>
      {requests.loading && !requests.value && <Progress />}
      {requests.error && <CourtErrorPanel error={requests.error} />}
      {requests.value?.length === 0 && props.none}
      {requests.value?.map(props.children)}
    </>
  );
}

/** One request: what is asked and its status on the first line, the details and actions below. */
export function RequestCard(props: {
  /** `<kind>-<id>` on the card, `<kind>-status` on its status chip. */
  kind: string;
  id: string;
  title: ReactNode;
  status: string;
  children: ReactNode;
}) {
  return (
    <Paper
      style={{ padding: 12, marginTop: 8 }}
      data-testid={`${props.kind}-${props.id}`}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle1">{props.title}</Typography>
        <Chip
          size="small"
          label={props.status}
          data-testid={`${props.kind}-status`}
        />
      </Box>
      {props.children}
    </Paper>
  );
}

/** A request form's outcome under it: what the backend refused, or that it was filed. */
export function FormOutcome(props: {
  testId: string;
  severity: 'error' | 'success';
  children?: ReactNode;
}) {
  if (!props.children) return null;
  return (
    <Alert
      severity={props.severity}
      data-testid={props.testId}
      style={{ marginTop: 8 }}
    >
      {props.children}
    </Alert>
  );
}

/** A request form: its heading, its fields in a wrapping row, and its outcome below. */
export function RequestForm(props: {
  title: string;
  children: ReactNode;
  outcome: ReactNode;
}) {
  return (
    <Paper style={{ padding: 16 }}>
      <Typography variant="h6">{props.title}</Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 12 }}
        alignItems="flex-end"
      >
        {props.children}
      </Box>
      {props.outcome}
    </Paper>
  );
}
