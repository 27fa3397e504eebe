import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import {
  CONFIDENTIALITIES,
  DOCUMENT_CLASSES,
  DOCUMENT_SOURCES,
} from '@internal/plugin-archive-common';
import { archiveMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(archiveMessages, zh, [
  ['class', DOCUMENT_CLASSES],
  ['source', DOCUMENT_SOURCES],
  ['confidentiality', CONFIDENTIALITIES],
]);
