import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  ARTICLE_KINDS,
  KNOWN_ERROR_SECTIONS,
} from '@internal/plugin-kb-common';
import { kbMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(kbMessages, zh, [
  ['kind', ARTICLE_KINDS],
  ['field', KNOWN_ERROR_SECTIONS],
]);
