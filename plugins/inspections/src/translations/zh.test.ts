import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  FREQUENCIES,
  ITEM_VERDICTS,
} from '@internal/plugin-inspections-common';
import { inspectionsMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(inspectionsMessages, zh, [
  ['frequency', FREQUENCIES],
  ['verdict', ITEM_VERDICTS],
  ['status', ['pending', 'passed', 'failed']],
]);
