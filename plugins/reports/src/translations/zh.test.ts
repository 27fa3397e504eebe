import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import { REPORT_KINDS } from '@internal/plugin-reports-common';
import { CLOCK_NAMES } from '@internal/plugin-sla-common';
import { TICKET_STATUSES, TICKET_TYPES } from '@internal/plugin-tickets-common';
import { reportsMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(reportsMessages, zh, [
  ['kind', REPORT_KINDS],
  ['type', TICKET_TYPES],
  ['clock', CLOCK_NAMES],
  ['status', TICKET_STATUSES],
  ['outcome', ['met', 'breached', 'running']],
]);
