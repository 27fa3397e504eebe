import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  ALERT_SEVERITIES,
  ALERT_SOURCES,
} from '@internal/plugin-monitoring-common';
import { monitoringMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(monitoringMessages, zh, [
  ['severity', ALERT_SEVERITIES],
  ['colour', ['green', 'amber', 'red']],
  ['status', ['open', 'cleared']],
  ['source', ALERT_SOURCES],
]);
