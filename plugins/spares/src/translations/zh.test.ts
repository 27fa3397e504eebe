import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  MOVEMENT_KINDS,
  REPAIR_RESULTS,
  REPAIR_TERMS,
} from '@internal/plugin-spares-common';
import { sparesMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(sparesMessages, zh, [
  ['kind', MOVEMENT_KINDS],
  ['terms', REPAIR_TERMS],
  ['result', REPAIR_RESULTS],
]);
