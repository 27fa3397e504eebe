import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  CLOCK_NAMES,
  IMPACTS,
  PAUSE_REASONS,
  PRIORITY_LEVELS,
  URGENCIES,
} from '@internal/plugin-sla-common';
import {
  CALL_BACK_OUTCOMES,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_ACTIONS,
  TICKET_CHANNELS,
  TICKET_LINK_RELATIONS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import { ticketsMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(ticketsMessages, zh, [
  ['status', TICKET_STATUSES],
  ['type', TICKET_TYPES],
  ['level', PRIORITY_LEVELS],
  ['channel', TICKET_CHANNELS],
  ['pauseReason', PAUSE_REASONS],
  ['outcome', CALL_BACK_OUTCOMES],
  ['clock', CLOCK_NAMES],
  ['category', SERVICE_REQUEST_CATEGORIES],
  ['urgency', URGENCIES],
  ['impact', IMPACTS],
  ['action', TICKET_ACTIONS],
  ['linkRelation', TICKET_LINK_RELATIONS],
]);
